package org.jovn.northd.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.MacAddress;
import org.jovn.northd.net.PortAddresses;

/**
 * A logical router port's networks as its router's flows use them: the IPv4 networks and the
 * IPv6 networks in {@code networks} order, followed by the link-local fe80::/64 address derived
 * from the MAC, which every router port has.
 *
 * @param name the port's name
 * @param mac its Ethernet address
 * @param ipv4 its IPv4 networks
 * @param ipv6 its IPv6 networks, the link-local one last
 */
record RouterPort(String name, MacAddress mac, List<Ipv4Prefix> ipv4, List<Ipv6Prefix> ipv6) {
  RouterPort {
    ipv4 = List.copyOf(ipv4);
    ipv6 = List.copyOf(ipv6);
  }

  /** The networks of a router port: its addresses plus the link-local one. */
  static RouterPort of(String name, PortAddresses addresses) {
    List<Ipv6Prefix> v6 = new ArrayList<>(addresses.ipv6());
    v6.add(new Ipv6Prefix(addresses.mac().linkLocal(), 64));
    return new RouterPort(name, addresses.mac(), addresses.ipv4(), v6);
  }

  static RouterPort of(RouterPortInput port) {
    return of(port.name(), port.addresses());
  }

  static RouterPort of(RouterAttachment a) {
    return of(a.port());
  }

  /** The port's name as flows quote it: {@code "lrp0"}. */
  String key() {
    return jsonString(name);
  }

  /** Whether the port has an IPv4 network. */
  boolean hasIpv4() {
    return !ipv4.isEmpty();
  }

  /**
   * The IPv4 addresses for a match: a bare address if there is one and no broadcast addresses
   * are asked for, otherwise {@code {a, b, ...}}, each address followed by its broadcast
   * address if {@code withBroadcast}.
   */
  String ipv4Set(boolean withBroadcast) {
    if (!withBroadcast && ipv4.size() == 1) {
      return ipv4.get(0).address().toString();
    }
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (Ipv4Prefix p : ipv4) {
      j.add(p.address().toString());
      if (withBroadcast) {
        j.add(p.broadcast().toString());
      }
    }
    return j.toString();
  }

  /** The IPv6 addresses for a match: a bare address if there is one, else {@code {a, b}}. */
  String ipv6Set() {
    if (ipv6.size() == 1) {
      return ipv6.get(0).address().toString();
    }
    StringJoiner j = new StringJoiner(", ", "{", "}");
    ipv6.forEach(p -> j.add(p.address().toString()));
    return j.toString();
  }

  /**
   * The port's own address on the network that contains {@code ip} (an IPv4 address if the
   * text has a dot, else IPv6), or empty if none does or the text is not an address.
   */
  Optional<String> memberIp(String ip) {
    if (ip.indexOf('.') >= 0) {
      Optional<Ipv4Address> a = Ipv4Address.tryParse(ip);
      return a.flatMap(addr -> ipv4.stream().filter(p -> p.contains(addr)).findFirst())
          .map(p -> p.address().toString());
    }
    Optional<Ipv6Address> a = Ipv6Address.tryParse(ip);
    return a.flatMap(addr -> ipv6.stream().filter(p -> p.contains(addr)).findFirst())
        .map(p -> p.address().toString());
  }

  /** The first IPv4 or IPv6 address of the port, if it has one of that family. */
  Optional<String> firstIp(boolean v4) {
    return v4 ? ipv4.stream().findFirst().map(p -> p.address().toString())
        : ipv6.stream().findFirst().map(p -> p.address().toString());
  }

  /** A port name as flows quote it: a JSON string ({@code "vm1"}). */
  static String jsonString(String s) {
    return org.jovn.northd.flow.FlowText.quote(s);
  }
}
