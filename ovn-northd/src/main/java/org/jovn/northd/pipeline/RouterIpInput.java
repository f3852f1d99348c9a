package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_IP_INPUT;
import static org.jovn.northd.pipeline.RouterAdmission.INPORT_ETH;

import java.util.StringJoiner;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Prefix;

/**
 * Ingress table 3, IP input, for IPv4 and for the whole router: replies to ARP and pings for
 * the router's own addresses, ICMP errors (TTL exceeded, port and protocol unreachable) and
 * TCP resets, and drops of martian, broadcast, multicast and router-owned traffic.
 * {@link RouterIpv6Input} does the same for IPv6.
 */
final class RouterIpInput {
  private RouterIpInput() {}

  static void build(RouterContext ctx, FlowSink sink) {
    localTrafficDrops(sink);
    for (RouterAttachment a : ctx.attachments()) {
      RouterPort p = ctx.port(a);
      ipv4(p, sink);
      RouterIpv6Input.build(p, sink);
      dropOwnDestinations(p, sink);
    }
  }

  private static void localTrafficDrops(FlowSink sink) {
    sink.add(LR_IN_IP_INPUT, 100, "ip4.src_mcast ||ip4.src == 255.255.255.255 || "
        + "ip4.src == 127.0.0.0/8 || ip4.dst == 127.0.0.0/8 || "
        + "ip4.src == 0.0.0.0/8 || ip4.dst == 0.0.0.0/8", "drop;");
    sink.add(LR_IN_IP_INPUT, 85, "arp || nd", "drop;");
    sink.add(LR_IN_IP_INPUT, 84, "nd_rs || nd_ra", "next;");
    sink.add(LR_IN_IP_INPUT, 83, "ip6.mcast_rsvd", "drop;");
    sink.add(LR_IN_IP_INPUT, 82, "ip4.mcast || ip6.mcast", "drop;");
    sink.add(LR_IN_IP_INPUT, 50, "eth.bcast", "drop;");
    sink.add(LR_IN_IP_INPUT, 32, "ip.ttl == {0, 1} && !ip.later_frag && (ip4.mcast || ip6.mcast)",
        "drop;");
    sink.add(LR_IN_IP_INPUT, 30, "ip.ttl == {0, 1}", "drop;");
    sink.add(LR_IN_IP_INPUT, 0, "1", "next;");
  }

  private static void ipv4(RouterPort p, FlowSink sink) {
    if (p.hasIpv4()) {
      // Packets claiming to come from the router's own or broadcast addresses.
      sink.add(LR_IN_IP_INPUT, 100, "ip4.src == " + p.ipv4Set(true) + " && reg9[0] == 0",
          "drop;");
      sink.add(LR_IN_IP_INPUT, 90,
          "ip4.dst == " + p.ipv4Set(false) + " && icmp4.type == 8 && icmp4.code == 0",
          "ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 0; flags.loopback = 1; next; ");
    }
    for (Ipv4Prefix net : p.ipv4()) {
      sink.add(LR_IN_IP_INPUT, 31,
          "inport == " + p.key() + " && ip4 && ip.ttl == {0, 1} && !ip.later_frag",
          "icmp4 {eth.dst <-> eth.src; icmp4.type = 11; /* Time exceeded */ "
              + "icmp4.code = 0; /* TTL exceeded in transit */ ip4.dst = ip4.src; ip4.src = "
              + net.address() + " ; ip.ttl = 254; outport = " + p.key()
              + "; flags.loopback = 1; output; };");
    }
    for (Ipv4Prefix net : p.ipv4()) {
      sink.add(LR_IN_IP_INPUT, 90, "inport == " + p.key() + " && arp.op == 1 && arp.tpa == "
          + net.address() + " && arp.spa == " + net.networkString(), arpReply());
    }
    for (Ipv4Prefix net : p.ipv4()) {
      unreachable(net.address().toString(), sink);
    }
  }

  private static String arpReply() {
    return "eth.dst = eth.src; eth.src = " + INPORT_ETH + "; arp.op = 2; /* ARP reply */ "
        + "arp.tha = arp.sha; arp.sha = " + INPORT_ETH + "; arp.tpa <-> arp.spa; "
        + "outport = inport; flags.loopback = 1; output;";
  }

  /** TCP reset, SCTP abort and ICMP port/protocol unreachable for one router address. */
  private static void unreachable(String ip, FlowSink sink) {
    String m = "ip4 && ip4.dst == " + ip + " && !ip.later_frag";
    String swap = "eth.dst <-> eth.src; ip4.dst <-> ip4.src; ";
    sink.add(LR_IN_IP_INPUT, 80, m + " && udp",
        "icmp4 {" + swap + "ip.ttl = 255; icmp4.type = 3; icmp4.code = 3; next; };");
    sink.add(LR_IN_IP_INPUT, 80, m + " && tcp", "tcp_reset {" + swap + "next; };");
    sink.add(LR_IN_IP_INPUT, 80, m + " && sctp", "sctp_abort {" + swap + "next; };");
    sink.add(LR_IN_IP_INPUT, 70, m,
        "icmp4 {" + swap + "ip.ttl = 255; icmp4.type = 3; icmp4.code = 2; next; };");
  }

  /** Other IP traffic to the router's own addresses is dropped (priority 60). */
  private static void dropOwnDestinations(RouterPort p, FlowSink sink) {
    if (p.hasIpv4()) {
      StringJoiner ips = new StringJoiner(", ", "{", "}");
      p.ipv4().forEach(n -> ips.add(n.address().toString()));
      sink.add(LR_IN_IP_INPUT, 60, "ip4.dst == " + ips, "drop;");
    }
    StringJoiner ips = new StringJoiner(", ", "{", "}");
    for (Ipv6Prefix n : p.ipv6()) {
      ips.add(n.address().toString());
    }
    sink.add(LR_IN_IP_INPUT, 60, "ip6.dst == " + ips, "drop;");
  }
}
