package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.OutputStream;

/**
 * Writes each outbound {@link JsonNode} as compact UTF-8 JSON with no separator, as OVS does.
 * Stateless and {@linkplain ChannelHandler.Sharable sharable} between channels.
 */
@ChannelHandler.Sharable
public final class JsonEncoder extends MessageToByteEncoder<JsonNode> {
  /** Creates an encoder. */
  public JsonEncoder() {
    super(JsonNode.class);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, JsonNode msg, ByteBuf out) throws Exception {
    try (OutputStream stream = new ByteBufOutputStream(out)) {
      Json.WRITER.writeValue(stream, msg);
    }
  }
}
