package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection's pipeline: decodes JSON-RPC messages, dispatches them, answers
 * {@code echo}, sends inactivity probes and closes on protocol errors, probe timeout or excess
 * backlog. One instance per channel, confined to its event loop.
 */
final class RpcChannelHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RpcChannelHandler.class);
  /** Id of inactivity probes, as in OVS; replies to it are dropped. */
  static final JsonNode PROBE_ID = TextNode.valueOf("echo");

  private final RpcConnection connection;
  private final Duration probeInterval;
  private final long maxBacklogBytes;

  RpcChannelHandler(RpcConnection connection, Duration probeInterval, long maxBacklogBytes) {
    this.connection = connection;
    this.probeInterval = probeInterval;
    this.maxBacklogBytes = maxBacklogBytes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    JsonRpcMessage message;
    try {
      message = JsonRpcCodec.decode((JsonNode) msg);
    } catch (MalformedMessageException e) {
      LOG.warn("{}: received bad JSON-RPC message, disconnecting: {}", connection.name(),
          e.getMessage());
      ctx.close();
      return;
    }
    LOG.debug("{}: received {}", connection.name(), message);
    dispatch(message);
  }

  private void dispatch(JsonRpcMessage message) {
    switch (message) {
      case Request r when r.method().equals("echo") -> connection.reply(r.id(), r.params());
      case Request r -> connection.handler().onRequest(connection, r);
      case Notification n -> connection.handler().onNotification(connection, n);
      case Response r -> complete(r);
    }
  }

  private void complete(Response response) {
    if (response.id().equals(PROBE_ID)) {
      return;
    }
    CompletableFuture<JsonNode> future = connection.pending().remove(response.id());
    if (future == null) {
      LOG.debug("{}: dropping response with unknown id {}", connection.name(), response.id());
    } else if (response.isError()) {
      future.completeExceptionally(new RpcException(response.error()));
    } else {
      future.complete(response.result());
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent idle) {
      if (idle.isFirst()) {
        LOG.debug("{}: idle for {} ms, sending inactivity probe", connection.name(),
            probeInterval.toMillis());
        connection.send(new Request("echo", Json.NODES.arrayNode(), PROBE_ID));
      } else {
        LOG.info("{}: inactivity probe timeout: no response after {} ms, disconnecting",
            connection.name(), probeInterval.toMillis());
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (!ctx.channel().isWritable()) {
      LOG.warn("{}: peer is not reading; outbound backlog {} bytes exceeds {} bytes, disconnecting",
          connection.name(), connection.backlogBytes(), maxBacklogBytes);
      ctx.close();
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof JsonFrameException) {
      LOG.warn("{}: {}, disconnecting", connection.name(), cause.getMessage());
    } else if (cause instanceof IOException) {
      LOG.debug("{}: connection error: {}", connection.name(), cause.toString());
    } else if (cause instanceof DecoderException) {
      LOG.warn("{}: {}, disconnecting", connection.name(), rootMessage(cause));
    } else {
      LOG.warn("{}: unexpected error, disconnecting", connection.name(), cause);
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    LOG.debug("{}: connection closed", connection.name());
    connection.markClosed();
    try {
      connection.handler().onClose(connection);
    } catch (RuntimeException e) {
      LOG.warn("{}: handler failed on close", connection.name(), e);
    } finally {
      connection.completeClose();
    }
    super.channelInactive(ctx);
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.toString();
  }
}
