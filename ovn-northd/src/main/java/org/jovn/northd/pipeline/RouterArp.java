package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_ARP_REQUEST;
import static org.jovn.northd.flow.Stage.LR_IN_ARP_RESOLVE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.RouterPortNat;
import org.jovn.northd.model.StaticRoute;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.MacAddress;
import org.jovn.northd.net.PortAddresses;

/**
 * Ingress tables 17 and 21: resolving the next hop to an Ethernet address, statically for the
 * addresses known on the far side of each port and through MAC_Binding ({@code get_arp},
 * {@code get_nd}) otherwise, and asking with ARP or a neighbor solicitation when that fails
 * ({@code eth.dst} still zero).
 *
 * <p>Far-side addresses come in two kinds, as in OVN: a VIF's addresses each get a flow if they
 * are on one of the port's networks; another router's port (on the same switch, or patched
 * directly) gets one flow for all its IPv4 networks and one for all its IPv6 ones, its
 * link-local address included, unless the router has {@code options:dynamic_neigh_routers};
 * so do, from a gateway router or a distributed gateway port, the addresses another router's
 * distributed gateway port asks to be routed to it ({@code add_route}).
 */
final class RouterArp {
  private RouterArp() {}

  static void build(RouterContext ctx, FlowSink sink) {
    sink.add(LR_IN_ARP_RESOLVE, 500, "ip4.mcast || ip6.mcast", "next;");
    sink.add(LR_IN_ARP_RESOLVE, 1, "ip4", "get_arp(outport, reg0); next;");
    sink.add(LR_IN_ARP_RESOLVE, 1, "ip6", "get_nd(outport, xxreg0); next;");
    sink.add(LR_IN_ARP_RESOLVE, 0, "1", "drop;");
    boolean dynamicRouters = ctx.option("dynamic_neigh_routers", false);
    for (RouterAttachment a : ctx.attachments()) {
      RouterPort p = ctx.port(a);
      patchedPeer(a, p, sink);
      RouterIpInput.dropOwnDestinations(ctx, p, LR_IN_ARP_RESOLVE, 2, true, sink);
      if (a.switchPort().isEmpty()) {
        continue;
      }
      for (PortAddresses n : a.neighbors()) {
        vif(p, n, sink);
      }
      if (!dynamicRouters) {
        for (PortAddresses n : a.routerNeighbors()) {
          router(p, RouterPort.of("", n), sink);
        }
        if (ctx.gatewayRouter() || ctx.isGatewayPort(p)) {
          a.neighborRoutables().forEach(r -> routable(p, r, sink));
        }
      }
    }
    arpRequest(ctx, sink);
  }

  /** A router port patched to this one whose {@code peer} names this one. */
  private static void patchedPeer(RouterAttachment a, RouterPort p, FlowSink sink) {
    Optional<RouterPortInput> peer = a.peerPort()
        .filter(q -> q.peer().equals(Optional.of(a.port().name())));
    if (peer.isEmpty()) {
      return;
    }
    RouterPort q = RouterPort.of(peer.get());
    String eth = "eth.dst = " + q.mac() + "; next;";
    if (q.hasIpv4()) {
      // Sic: OVN writes no space before "==" here.
      sink.add(LR_IN_ARP_RESOLVE, 100, "outport == " + p.key() + " && reg0== " + q.ipv4Set(false),
          eth);
    }
    sink.add(LR_IN_ARP_RESOLVE, 100, "outport == " + p.key() + " && xxreg0 == " + q.ipv6Set(),
        eth);
  }

  private static void router(RouterPort p, RouterPort q, FlowSink sink) {
    String eth = "eth.dst = " + q.mac() + "; next;";
    if (q.hasIpv4()) {
      sink.add(LR_IN_ARP_RESOLVE, 100, "outport == " + p.key() + " && reg0 == " + q.ipv4Set(false),
          eth);
    }
    sink.add(LR_IN_ARP_RESOLVE, 100, "outport == " + p.key() + " && xxreg0 == " + q.ipv6Set(),
        eth);
  }

  /**
   * Addresses another router's gateway port asks to be routed to it resolve to the MAC it
   * gave, from a gateway router or a distributed gateway port.
   */
  private static void routable(RouterPort p, RouterPortNat.Routable r, FlowSink sink) {
    List<String> ips = new ArrayList<>(r.natIps());
    ips.addAll(HashOrder.ofStringSet(r.vips()));
    sink.add(LR_IN_ARP_RESOLVE, 100, "outport == " + p.key() + " && reg0 == {"
        + String.join(", ", ips) + "}", "eth.dst = " + r.mac() + "; next;");
  }

  private static void vif(RouterPort p, PortAddresses n, FlowSink sink) {
    String eth = "eth.dst = " + n.mac() + "; next;";
    for (Ipv4Prefix ip : n.ipv4()) {
      String a = ip.address().toString();
      if (p.memberIp(a).isPresent()) {
        sink.add(LR_IN_ARP_RESOLVE, 100, "outport == " + p.key() + " && reg0 == " + a, eth);
      }
    }
    for (Ipv6Prefix ip : n.ipv6()) {
      String a = ip.address().toString();
      if (p.memberIp(a).isPresent()) {
        sink.add(LR_IN_ARP_RESOLVE, 100, "outport == " + p.key() + " && xxreg0 == " + a, eth);
      }
    }
  }

  private static void arpRequest(RouterContext ctx, FlowSink sink) {
    for (StaticRoute r : ctx.input().routes()) {
      Optional<Ipv6Prefix> nh = Ipv6Prefix.tryParse(r.nexthop()).filter(x -> x.length() == 128);
      nh.ifPresent(x -> solicitNexthop(r.nexthop(), x.address(), sink));
    }
    sink.add(LR_IN_ARP_REQUEST, 100, "eth.dst == 00:00:00:00:00:00 && ip4",
        "arp { eth.dst = ff:ff:ff:ff:ff:ff; arp.spa = reg1; arp.tpa = reg0; arp.op = 1; "
            + "output; };");
    sink.add(LR_IN_ARP_REQUEST, 100, "eth.dst == 00:00:00:00:00:00 && ip6",
        "nd_ns { nd.target = xxreg0; output; };");
    sink.add(LR_IN_ARP_REQUEST, 0, "1", "output;");
  }

  /** A static route's IPv6 next hop is solicited at its solicited-node address. */
  private static void solicitNexthop(String text, Ipv6Address nexthop, FlowSink sink) {
    Ipv6Address sn = nexthop.solicitedNode();
    MacAddress mac = new MacAddress(0x333300000000L | (sn.low() & 0xffffffffL));
    sink.add(LR_IN_ARP_REQUEST, 200, "eth.dst == 00:00:00:00:00:00 && ip6 && xxreg0 == " + text,
        "nd_ns { eth.dst = " + mac + "; ip6.dst = " + sn + "; nd.target = " + text
            + "; output; };");
  }
}
