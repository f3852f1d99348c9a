package org.jovn.ovsdb.rpc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the pipeline of one connection: [SSL] → JSON framing → JSON encoder → [idle timer] →
 * {@link RpcChannelHandler}. Sharable: one instance serves every channel of a listener or client.
 */
final class ConnectionInitializer extends ChannelInitializer<Channel> {
  private static final JsonEncoder ENCODER = new JsonEncoder();

  private final RpcOptions options;
  private final SslContext ssl;
  private final String scheme;
  private final boolean accepted;
  private final Function<RpcConnection, RpcHandler> handlers;
  private final Consumer<RpcConnection> created;

  /**
   * @param ssl the SSL context, or null for plain connections
   * @param scheme the name prefix for accepted connections, e.g. {@code tcp}, followed by the
   *     peer's address; for outgoing connections, the whole name (the remote), as the peer's
   *     address is not known yet when the pipeline is built
   * @param handlers creates the handler of each new connection
   * @param created told of each new connection after its pipeline is set up
   */
  ConnectionInitializer(
      RpcOptions options,
      SslContext ssl,
      String scheme,
      boolean accepted,
      Function<RpcConnection, RpcHandler> handlers,
      Consumer<RpcConnection> created) {
    this.accepted = accepted;
    this.options = options;
    this.ssl = ssl;
    this.scheme = scheme;
    this.handlers = handlers;
    this.created = created;
  }

  @Override
  public boolean isSharable() {
    return true;
  }

  @Override
  protected void initChannel(Channel ch) {
    long high = options.maxBacklogBytes();
    ch.config().setOption(
        ChannelOption.WRITE_BUFFER_WATER_MARK,
        new WriteBufferWaterMark((int) Math.min(high / 2, Integer.MAX_VALUE),
            (int) Math.min(high, Integer.MAX_VALUE)));
    RpcConnection connection = new RpcConnection(ch,
        accepted ? ConnectionNames.of(scheme, ch) : scheme);
    ChannelPipeline p = ch.pipeline();
    if (ssl != null) {
      p.addLast("ssl", ssl.newHandler(ch.alloc()));
    }
    // Replies and updates of one commit batch arrive as many writes: flush them together.
    p.addLast("flush", new io.netty.handler.flush.FlushConsolidationHandler(
        io.netty.handler.flush.FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES,
        true));
    p.addLast("framer", new JsonFrameDecoder(options.maxMessageBytes(), options.maxDepth()));
    p.addLast("encoder", ENCODER);
    long probeMillis = options.probeInterval().toMillis();
    if (probeMillis > 0) {
      p.addLast("probe", new IdleStateHandler(probeMillis, 0, 0, TimeUnit.MILLISECONDS));
    }
    p.addLast("rpc",
        new RpcChannelHandler(connection, options.probeInterval(), options.maxBacklogBytes()));
    connection.handler(handlers.apply(connection));
    created.accept(connection);
  }
}
