package org.jovn.ovsdb.rpc;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on a passive {@link Remote} ({@code ptcp:}, {@code pssl:}, {@code punix:}) and creates an
 * {@link RpcConnection} per accepted peer, with a handler from the caller's factory.
 *
 * <p>For {@code punix:} a stale socket file is removed before binding and the file is deleted when
 * the server stops listening. Thread-safe. The creator owns the server: {@link #close()} stops
 * listening and closes its connections; {@link #stopListening()} keeps them open.
 */
public final class RpcServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcServer.class);
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final Channel listener;
  private final Remote remote;
  private final Set<RpcConnection> connections;

  private RpcServer(Channel listener, Remote remote, Set<RpcConnection> connections) {
    this.listener = listener;
    this.remote = remote;
    this.connections = connections;
  }

  /**
   * Binds {@code remote} and starts accepting. Blocks until bound; must not be called on an event
   * loop. The factory and the handlers it returns run on event loops and must not block.
   *
   * @param options per-connection options; {@link RpcOptions#ssl()} is required for {@code pssl:}
   * @throws IllegalArgumentException if the remote is not passive or SSL settings are missing
   * @throws UncheckedIOException if the address cannot be bound or SSL files cannot be read
   */
  public static RpcServer bind(RpcTransport transport, Remote remote, RpcOptions options,
      Function<RpcConnection, RpcHandler> handlers) {
    Objects.requireNonNull(handlers, "handlers");
    if (!remote.kind().passive()) {
      throw new IllegalArgumentException(remote + " is not a passive remote");
    }
    SslContext ssl = Endpoints.sslContext(remote, options, true);
    Set<RpcConnection> connections = ConcurrentHashMap.newKeySet();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(transport.group())
        .channel(transport.serverChannelType(remote))
        .childHandler(new ConnectionInitializer(RpcClient.probing(options, remote), ssl,
            remote.kind().prefix().substring(1), true, handlers,
            connection -> track(connections, connection)));
    removeStaleSocket(remote);
    ChannelFuture bound = bootstrap.bind(Endpoints.address(remote)).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new UncheckedIOException("cannot listen on " + remote + ": " + bound.cause(),
          bound.cause() instanceof IOException io ? io : new IOException(bound.cause()));
    }
    SocketAddress local = bound.channel().localAddress();
    Remote actual = local instanceof InetSocketAddress inet ? remote.withPort(inet.getPort())
        : remote;
    LOG.info("listening on {}", actual);
    return new RpcServer(bound.channel(), actual, connections);
  }

  private static void track(Set<RpcConnection> connections, RpcConnection connection) {
    connections.add(connection);
    connection.closeFuture().whenComplete((v, e) -> connections.remove(connection));
  }

  private static void removeStaleSocket(Remote remote) {
    if (remote.kind().unix()) {
      try {
        Files.deleteIfExists(remote.path());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove stale socket " + remote.path(), e);
      }
    }
  }

  /** Returns the remote listened on; for port 0 it carries the port actually bound. */
  public Remote remote() {
    return remote;
  }

  /** Returns the TCP port bound, or 0 for unix sockets. */
  public int port() {
    return remote.port();
  }

  /** Returns a snapshot of the open connections accepted by this server. */
  public List<RpcConnection> connections() {
    return List.copyOf(connections);
  }

  /** Returns true while the server accepts connections. */
  public boolean isListening() {
    return listener.isOpen();
  }

  /**
   * Stops accepting connections and, for unix sockets, deletes the socket file; open connections
   * stay open. Blocks until unbound; must not be called on an event loop. Idempotent.
   */
  public void stopListening() {
    if (listener.close().awaitUninterruptibly(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)
        && remote.kind().unix()) {
      try {
        Files.deleteIfExists(remote.path());
      } catch (IOException e) {
        LOG.warn("cannot delete socket file {}: {}", remote.path(), e.toString());
      }
    }
    LOG.info("stopped listening on {}", remote);
  }

  /**
   * Stops listening and closes every connection, waiting for them to close. Must not be called on
   * an event loop. Idempotent.
   */
  @Override
  public void close() {
    stopListening();
    CompletableFuture<?>[] closing =
        connections().stream().map(RpcConnection::close).toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(closing).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("connections of {} did not close cleanly: {}", remote, e.toString());
    }
  }

  @Override
  public String toString() {
    return "RpcServer[" + remote + "]";
  }
}
