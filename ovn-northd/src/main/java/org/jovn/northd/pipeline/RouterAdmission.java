package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_ADMISSION;
import static org.jovn.northd.flow.Stage.LR_IN_LEARN_NEIGHBOR;
import static org.jovn.northd.flow.Stage.LR_IN_LOOKUP_NEIGHBOR;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.net.Ipv4Prefix;

/**
 * Ingress tables 0 to 2: L2 admission control, then looking up and learning neighbors
 * (MAC_Binding) from ARP and IPv6 ND.
 */
final class RouterAdmission {
  /** {@code xreg0[0..47]}: the Ethernet address of the port the packet came in on. */
  static final String INPORT_ETH = "xreg0[0..47]";
  private static final String LOOKUP_RESULT = "reg9[2]";
  private static final String LOOKUP_IP_RESULT = "reg9[3]";

  private RouterAdmission() {}

  static void build(RouterContext ctx, FlowSink sink) {
    admission(ctx, sink);
    lookupNeighbor(ctx, sink);
    learnNeighbor(ctx, sink);
  }

  private static void admission(RouterContext ctx, FlowSink sink) {
    sink.add(LR_IN_ADMISSION, 100, "vlan.present || eth.src[40]", "drop;");
    sink.add(LR_IN_ADMISSION, 0, "1", "drop;");
    for (RouterAttachment a : ctx.attachments()) {
      if (!a.port().enabled()) {
        continue;
      }
      RouterPort p = ctx.port(a);
      String actions = INPORT_ETH + " = " + p.mac() + "; next;";
      sink.add(LR_IN_ADMISSION, 50, "eth.mcast && inport == " + p.key(), actions);
      sink.add(LR_IN_ADMISSION, 50, "eth.dst == " + p.mac() + " && inport == " + p.key()
          + residentIfGateway(ctx, p), actions);
    }
  }

  private static void lookupNeighbor(RouterContext ctx, FlowSink sink) {
    boolean learnAll = ctx.option("always_learn_from_arp_request", true);
    String setIp = learnAll ? "" : LOOKUP_IP_RESULT + " = 1; ";
    sink.add(LR_IN_LOOKUP_NEIGHBOR, 100, "arp.op == 2",
        LOOKUP_RESULT + " = lookup_arp(inport, arp.spa, arp.sha); " + setIp + "next;");
    sink.add(LR_IN_LOOKUP_NEIGHBOR, 100, "nd_na",
        LOOKUP_RESULT + " = lookup_nd(inport, nd.target, nd.tll); " + setIp + "next;");
    if (!learnAll) {
      sink.add(LR_IN_LOOKUP_NEIGHBOR, 110, "nd_na && ip6.src == fe80::/10 && ip6.dst == ff00::/8",
          LOOKUP_RESULT + " = lookup_nd(inport, ip6.src, nd.tll); " + LOOKUP_IP_RESULT
              + " = lookup_nd_ip(inport, ip6.src); next;");
    }
    sink.add(LR_IN_LOOKUP_NEIGHBOR, 100, "nd_ns",
        LOOKUP_RESULT + " = lookup_nd(inport, ip6.src, nd.sll); "
            + (learnAll ? "" : LOOKUP_IP_RESULT + " = lookup_nd_ip(inport, ip6.src); ") + "next;");
    sink.add(LR_IN_LOOKUP_NEIGHBOR, 0, "1", LOOKUP_RESULT + " = 1; next;");
    for (RouterAttachment a : ctx.attachments()) {
      arpRequestLookups(ctx.port(a), residentIfGateway(ctx, ctx.port(a)), learnAll, sink);
    }
  }

  /**
   * {@code && is_chassis_resident("cr-PORT")} for a distributed gateway port, whose traffic is
   * handled on the gateway chassis only; "" for other ports.
   */
  static String residentIfGateway(RouterContext ctx, RouterPort p) {
    return ctx.isGatewayPort(p)
        ? " && is_chassis_resident(" + RouterContext.redirectKey(p) + ")" : "";
  }

  /** Learning from ARP requests: only from senders on one of the port's networks. */
  private static void arpRequestLookups(RouterPort p, String resident, boolean learnAll,
      FlowSink sink) {
    String lookup = LOOKUP_RESULT + " = lookup_arp(inport, arp.spa, arp.sha); ";
    for (Ipv4Prefix net : p.ipv4()) {
      String spa = "inport == " + p.key() + " && arp.spa == " + net.networkString();
      if (!learnAll) {
        // Requests for the router's own address are always learned.
        sink.add(LR_IN_LOOKUP_NEIGHBOR, 110,
            spa + " && arp.tpa == " + net.address() + " && arp.op == 1" + resident,
            lookup + LOOKUP_IP_RESULT + " = 1; next;");
      }
      sink.add(LR_IN_LOOKUP_NEIGHBOR, 100, spa + " && arp.op == 1" + resident, lookup
          + (learnAll ? "" : LOOKUP_IP_RESULT + " = lookup_arp_ip(inport, arp.spa); ") + "next;");
    }
  }

  private static void learnNeighbor(RouterContext ctx, FlowSink sink) {
    boolean learnAll = ctx.option("always_learn_from_arp_request", true);
    sink.add(LR_IN_LEARN_NEIGHBOR, 100,
        LOOKUP_RESULT + " == 1" + (learnAll ? "" : " || " + LOOKUP_IP_RESULT + " == 0"),
        "next;");
    sink.add(LR_IN_LEARN_NEIGHBOR, 90, "arp", "put_arp(inport, arp.spa, arp.sha); next;");
    sink.add(LR_IN_LEARN_NEIGHBOR, 95, "nd_ns && (ip6.src == 0 || nd.sll == 0)", "next;");
    sink.add(LR_IN_LEARN_NEIGHBOR, 95, "nd_na && nd.tll == 0",
        "put_nd(inport, nd.target, eth.src); next;");
    sink.add(LR_IN_LEARN_NEIGHBOR, 90, "nd_na", "put_nd(inport, nd.target, nd.tll); next;");
    sink.add(LR_IN_LEARN_NEIGHBOR, 90, "nd_ns", "put_nd(inport, ip6.src, nd.sll); next;");
    sink.add(LR_IN_LEARN_NEIGHBOR, 0, "1", "drop;");
  }
}
