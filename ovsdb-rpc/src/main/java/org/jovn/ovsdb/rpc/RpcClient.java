package org.jovn.ovsdb.rpc;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens connections to active remotes ({@code tcp:}, {@code ssl:}, {@code unix:}). One attempt per
 * call; reconnecting with backoff is left to the caller. Stateless; thread-safe.
 */
public final class RpcClient {
  private RpcClient() {}

  /**
   * Connects to {@code remote}. The returned future completes with an open connection once the
   * socket is connected (and, for {@code ssl:}, the handshake has succeeded), or fails with an
   * {@link IOException} (e.g. {@link ConnectException}) or an SSL exception. Never blocks. The
   * caller owns the connection and closes it; closing the transport also closes it.
   *
   * @param handler receives requests and notifications from the server, on the event loop
   * @param options per-connection options; {@link RpcOptions#ssl()} is required for {@code ssl:}
   * @throws IllegalArgumentException if the remote is passive or SSL settings are missing
   * @throws java.io.UncheckedIOException if SSL files cannot be read
   */
  public static CompletableFuture<RpcConnection> connect(
      RpcTransport transport, Remote remote, RpcHandler handler, RpcOptions options) {
    Objects.requireNonNull(handler, "handler");
    if (remote.kind().passive()) {
      throw new IllegalArgumentException(remote + " is not an active remote");
    }
    SslContext ssl = Endpoints.sslContext(remote, options, false);
    AtomicReference<RpcConnection> created = new AtomicReference<>();
    Bootstrap bootstrap = new Bootstrap()
        .group(transport.group())
        .channel(transport.channelType(remote))
        .handler(new ConnectionInitializer(probing(options, remote), ssl, remote.toString(),
            false, connection -> handler, created::set));
    CompletableFuture<RpcConnection> result = new CompletableFuture<>();
    ChannelFuture connecting = bootstrap.connect(Endpoints.address(remote));
    connecting.addListener((ChannelFutureListener) f -> {
      if (!f.isSuccess()) {
        result.completeExceptionally(f.cause());
        return;
      }
      Channel ch = f.channel();
      SslHandler sslHandler = ch.pipeline().get(SslHandler.class);
      if (sslHandler == null) {
        result.complete(created.get());
        return;
      }
      sslHandler.handshakeFuture().addListener(h -> {
        if (h.isSuccess()) {
          result.complete(created.get());
        } else {
          result.completeExceptionally(h.cause());
          ch.close();
        }
      });
    });
    return result;
  }

  /**
   * The options for a connection on {@code remote}: as in OVS, connections over unix sockets
   * are not probed (a local peer busy with a long transaction is not a dead one), others keep
   * the configured interval.
   */
  static RpcOptions probing(RpcOptions options, Remote remote) {
    return remote.kind().unix() ? options.withProbeInterval(java.time.Duration.ZERO) : options;
  }
}
