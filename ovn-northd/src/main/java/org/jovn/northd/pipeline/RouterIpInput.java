package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_IP_INPUT;
import static org.jovn.northd.pipeline.RouterAdmission.INPORT_ETH;

import java.util.StringJoiner;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.flow.Stage;
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
      ipv4(ctx, a, p, sink);
      RouterIpv6Input.build(ctx, p, sink);
      if (!ctx.nat().lbForceSnatRouterIp()) {
        dropOwnDestinations(ctx, p, LR_IN_IP_INPUT, 60, false, sink);
      }
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

  private static void ipv4(RouterContext ctx, RouterAttachment a, RouterPort p,
      FlowSink sink) {
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
              + "icmp4.code = 0; /* TTL exceeded in transit */ "
              + (ctx.isGatewayPort(p) ? "ip4.dst <-> ip4.src"
                  : "ip4.dst = ip4.src; ip4.src = " + net.address())
              + " ; ip.ttl = 254; outport = " + p.key()
              + "; flags.loopback = 1; output; };");
    }
    for (Ipv4Prefix net : p.ipv4()) {
      sink.add(LR_IN_IP_INPUT, 90, "inport == " + p.key() + " && arp.op == 1 && arp.tpa == "
          + net.address() + " && arp.spa == " + net.networkString()
          + arpReplyResidence(ctx, a, p), arpReply());
    }
    if (!ctx.natCapable()) {
      for (Ipv4Prefix net : p.ipv4()) {
        unreachable(net.address().toString(), sink);
      }
    }
  }

  /**
   * On a router with a distributed gateway port, a port on a switch with a localnet port
   * answers ARP only on the gateway chassis if it is the gateway port, or if it has
   * {@code reside-on-redirect-chassis} and the router has one gateway port.
   */
  private static String arpReplyResidence(RouterContext ctx, RouterAttachment a, RouterPort p) {
    if (!ctx.hasGatewayPorts() || !ctx.onLocalnetSwitch(p)) {
      return "";
    }
    if (ctx.isGatewayPort(p)) {
      return " && is_chassis_resident(" + RouterContext.redirectKey(p) + ")";
    }
    boolean reside = "true".equalsIgnoreCase(
        a.port().options().get("reside-on-redirect-chassis"));
    return reside && ctx.gatewayPorts().size() == 1
        ? " && is_chassis_resident(" + RouterContext.redirectKey(ctx.gatewayPorts().get(0))
            + ")" : "";
  }

  /** The router's ARP reply, from the MAC of the port the request came in on. */
  static String arpReply() {
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

  /**
   * Drops IP traffic to the router's own addresses: in IP input (priority 60) those that are
   * neither SNAT addresses nor load balancer VIPs, in next-hop resolution (priority 2) those
   * that are and that un-SNAT and DNAT left untranslated.
   */
  static void dropOwnDestinations(RouterContext ctx, RouterPort p, Stage stage, int priority,
      boolean snatIps, FlowSink sink) {
    StringJoiner v4 = new StringJoiner(", ", "{", "}").setEmptyValue("");
    for (Ipv4Prefix n : p.ipv4()) {
      String ip = n.address().toString();
      if (translated(ctx, ip) == snatIps) {
        v4.add(ip);
      }
    }
    if (v4.length() > 0) {
      sink.add(stage, priority, "ip4.dst == " + v4, "drop;");
    }
    StringJoiner v6 = new StringJoiner(", ", "{", "}").setEmptyValue("");
    for (Ipv6Prefix n : p.ipv6()) {
      String ip = n.address().toString();
      if (translated(ctx, ip) == snatIps) {
        v6.add(ip);
      }
    }
    if (v6.length() > 0) {
      sink.add(stage, priority, "ip6.dst == " + v6, "drop;");
    }
  }

  /** Whether {@code ip} is a SNAT address or a load balancer VIP of the router. */
  private static boolean translated(RouterContext ctx, String ip) {
    return ctx.nat().isSnatIp(ip) || ctx.lbAddresses().contains(ip);
  }
}
