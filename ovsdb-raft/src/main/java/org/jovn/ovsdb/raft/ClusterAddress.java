package org.jovn.ovsdb.raft;

import java.util.UUID;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * Where a cluster member listens for Raft traffic, written as OVS writes it: {@code tcp:IP:PORT}
 * ({@code ssl:} is accepted as a name but Raft traffic is plain TCP). The Raft peer id is derived
 * from the address, so that a server joining a cluster can name the members it was given.
 *
 * @param host the IP address or host name
 * @param port the TCP port
 */
public record ClusterAddress(String host, int port) {

  /**
   * Parses {@code tcp:IP:PORT} (or {@code ssl:IP:PORT}; IPv6 in brackets).
   *
   * @throws IllegalArgumentException when the text is not such an address
   */
  public static ClusterAddress parse(String text) {
    String rest;
    if (text.startsWith("tcp:") || text.startsWith("ssl:")) {
      rest = text.substring(4);
    } else {
      throw new IllegalArgumentException("\"" + text + "\": cluster address must be tcp:IP:PORT");
    }
    int colon = rest.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("\"" + text + "\": missing port");
    }
    String host = rest.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      int port = Integer.parseInt(rest.substring(colon + 1));
      if (port <= 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return new ClusterAddress(host, port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\": bad port");
    }
  }

  /** The Raft peer id: derived from the address. */
  public RaftPeerId peerId() {
    return RaftPeerId.valueOf(host.replace(':', '_') + "_" + port);
  }

  /** The server id (sid) shown in {@code _Server} and cluster/status: a UUID of the address. */
  public UUID serverId() {
    return UUID.nameUUIDFromBytes(("jovn-raft-server:" + this).getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
  }

  /** The Ratis peer at this address. */
  RaftPeer peer() {
    String addr = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    return RaftPeer.newBuilder().setId(peerId()).setAddress(addr).build();
  }

  /** Recovers an address from a Ratis peer. */
  static ClusterAddress of(RaftPeer peer) {
    return parse("tcp:" + peer.getAddress());
  }

  @Override
  public String toString() {
    return "tcp:" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
