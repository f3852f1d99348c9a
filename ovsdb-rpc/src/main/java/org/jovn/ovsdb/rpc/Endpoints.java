package org.jovn.ovsdb.rpc;

import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Socket addresses and SSL contexts for remotes. Stateless. */
final class Endpoints {
  private Endpoints() {}

  /**
   * Returns the socket address to bind or connect to. Active host names are left unresolved for
   * Netty's asynchronous resolver; passive addresses are IP literals in practice.
   */
  static SocketAddress address(Remote remote) {
    if (remote.kind().unix()) {
      return new DomainSocketAddress(remote.path().toString());
    }
    return remote.kind().passive()
        ? new InetSocketAddress(remote.host(), remote.port())
        : InetSocketAddress.createUnresolved(remote.host(), remote.port());
  }

  /**
   * Returns the SSL context for an SSL remote, or null for a plain one.
   *
   * @throws IllegalArgumentException if the remote needs SSL and the options have none
   */
  static SslContext sslContext(Remote remote, RpcOptions options, boolean server) {
    if (!remote.kind().ssl()) {
      return null;
    }
    if (options.ssl() == null) {
      throw new IllegalArgumentException(remote + " needs SSL settings (RpcOptions.withSsl)");
    }
    return SslContexts.create(options.ssl(), server);
  }
}
