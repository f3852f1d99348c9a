package org.jovn.ovsdb.rpc;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the event-loop threads shared by {@link RpcServer}s and {@link RpcClient} connections.
 * Uses native epoll when available (required for unix domain sockets), else NIO.
 *
 * <p>Thread-safe. The creator owns it and must {@link #close()} it after the servers and
 * connections using it are no longer needed; closing it closes them all.
 */
public final class RpcTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RpcTransport.class);

  private final EventLoopGroup group;
  private final boolean epoll;

  private RpcTransport(int threads) {
    this.epoll = Epoll.isAvailable();
    DefaultThreadFactory threadFactory = new DefaultThreadFactory("jovn-rpc", true);
    this.group = new MultiThreadIoEventLoopGroup(threads, threadFactory,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    LOG.debug("created RPC transport with {} {} threads", threads, epoll ? "epoll" : "nio");
  }

  /** Creates a transport with two event-loop threads. */
  public static RpcTransport create() {
    return create(2);
  }

  /**
   * Creates a transport with this many event-loop threads.
   *
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static RpcTransport create(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return new RpcTransport(threads);
  }

  /** Returns true if native epoll is in use (and unix domain sockets are supported). */
  public boolean isEpoll() {
    return epoll;
  }

  EventLoopGroup group() {
    return group;
  }

  Class<? extends ServerChannel> serverChannelType(Remote remote) {
    if (remote.kind().unix()) {
      requireEpoll(remote);
      return EpollServerDomainSocketChannel.class;
    }
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  Class<? extends Channel> channelType(Remote remote) {
    if (remote.kind().unix()) {
      requireEpoll(remote);
      return EpollDomainSocketChannel.class;
    }
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  private void requireEpoll(Remote remote) {
    if (!epoll) {
      throw new UnsupportedOperationException(
          remote + ": unix domain sockets need native epoll, which is unavailable: "
              + Epoll.unavailabilityCause());
    }
  }

  /**
   * Shuts down the event loops, closing every channel, and waits up to 5 seconds for them to
   * finish. Must not be called from an event-loop thread. Idempotent.
   */
  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
