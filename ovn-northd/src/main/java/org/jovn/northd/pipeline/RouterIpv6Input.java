package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_IP_INPUT;
import static org.jovn.northd.pipeline.RouterAdmission.INPORT_ETH;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;

/**
 * Ingress table 3, IP input, for one router port's IPv6 addresses (the link-local one
 * included): DHCPv6 replies, ping replies, neighbor advertisements for its addresses, ICMPv6
 * errors and TCP resets.
 */
final class RouterIpv6Input {
  private RouterIpv6Input() {}

  static void build(RouterContext ctx, RouterPort p, FlowSink sink) {
    for (Ipv6Prefix net : p.ipv6()) {
      sink.add(LR_IN_IP_INPUT, 100,
          "ip6.dst == " + net.address() + " && udp.src == 547 && udp.dst == 546",
          "reg0 = 0; handle_dhcpv6_reply;");
    }
    sink.add(LR_IN_IP_INPUT, 90,
        "ip6.dst == " + p.ipv6Set() + " && icmp6.type == 128 && icmp6.code == 0",
        "ip6.dst <-> ip6.src; ip.ttl = 255; icmp6.type = 129; flags.loopback = 1; next; ");
    String resident = RouterAdmission.residentIfGateway(ctx, p);
    for (Ipv6Prefix net : p.ipv6()) {
      neighborAdvertisement(p, net.address(), resident, sink);
    }
    if (!ctx.natCapable()) {
      for (Ipv6Prefix net : p.ipv6()) {
        unreachable(net.address().toString(), sink);
      }
    }
    for (Ipv6Prefix net : p.ipv6()) {
      if (!net.network().isLinkLocal()) {
        timeExceeded(p, net, ctx.isGatewayPort(p), sink);
      }
    }
  }

  /** Answers neighbor solicitations for one of the port's addresses. */
  private static void neighborAdvertisement(RouterPort p, Ipv6Address ip, String resident,
      FlowSink sink) {
    sink.add(LR_IN_IP_INPUT, 90, "inport == " + p.key() + " && ip6.dst == {" + ip + ", "
        + ip.solicitedNode() + "} && nd_ns && nd.target == " + ip + resident,
        "nd_na_router { eth.src = " + INPORT_ETH + "; ip6.src = nd.target; nd.tll = "
            + INPORT_ETH + "; outport = inport; flags.loopback = 1; output; };");
  }

  private static void unreachable(String ip, FlowSink sink) {
    String m = "ip6 && ip6.dst == " + ip + " && !ip.later_frag";
    String swap = "eth.dst <-> eth.src; ip6.dst <-> ip6.src; ";
    sink.add(LR_IN_IP_INPUT, 80, m + " && tcp", "tcp_reset {" + swap + "next; };");
    sink.add(LR_IN_IP_INPUT, 80, m + " && sctp", "sctp_abort {" + swap + "next; };");
    sink.add(LR_IN_IP_INPUT, 80, m + " && udp",
        "icmp6 {" + swap + "ip.ttl = 255; icmp6.type = 1; icmp6.code = 4; next; };");
    sink.add(LR_IN_IP_INPUT, 70, m,
        "icmp6 {" + swap + "ip.ttl = 255; icmp6.type = 1; icmp6.code = 3; next; };");
  }

  private static void timeExceeded(RouterPort p, Ipv6Prefix net, boolean gatewayPort,
      FlowSink sink) {
    sink.add(LR_IN_IP_INPUT, 31, "inport == " + p.key() + " && ip6 && ip6.src == "
        + net.networkString() + " && ip.ttl == {0, 1} && !ip.later_frag",
        "icmp6 {eth.dst <-> eth.src; "
            + (gatewayPort ? "ip6.dst <-> ip6.src" : "ip6.dst = ip6.src; ip6.src = " + net.address())
            + " ; ip.ttl = 254; icmp6.type = 3; /* Time exceeded */ "
            + "icmp6.code = 0; /* TTL exceeded in transit */ outport = " + p.key()
            + "; flags.loopback = 1; output; };");
  }
}
