package org.jovn.ovsdb.rpc;

import io.netty.channel.Channel;
import io.netty.channel.unix.DomainSocketAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Names connections for logs the way OVS does: {@code tcp:IP:PORT}, {@code unix:PATH}. */
final class ConnectionNames {
  private ConnectionNames() {}

  static String of(String scheme, Channel ch) {
    String remote = address(ch.remoteAddress());
    return scheme + ":" + (remote.isEmpty() ? address(ch.localAddress()) : remote);
  }

  private static String address(SocketAddress address) {
    return switch (address) {
      case null -> "";
      case InetSocketAddress inet -> {
        String host = inet.getAddress() == null ? inet.getHostString()
            : inet.getAddress().getHostAddress();
        yield (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + inet.getPort();
      }
      case DomainSocketAddress unix -> unix.path();
      default -> address.toString();
    };
  }
}
