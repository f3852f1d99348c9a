package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_IP_INPUT;
import static org.jovn.northd.pipeline.RouterAdmission.INPORT_ETH;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterNat.Rule;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.MacAddress;

/**
 * Ingress table 3, IP input: the router's answers to ARP requests and neighbor solicitations
 * for NAT external addresses. Every router answers for them from any port with the port's MAC
 * (priority 90). On a distributed gateway port only the chassis where the address lives answers
 * (priority 92: the gateway chassis with the port's MAC, or a floating IP's chassis with its
 * external MAC); other chassis drop the request (priority 91).
 */
final class RouterNatArp {
  private RouterNatArp() {}

  /** The answers and drops on a distributed gateway port. */
  static void build(RouterContext ctx, FlowSink sink) {
    for (RouterPort p : ctx.gatewayPorts()) {
      List<Rule> rules = new ArrayList<>();
      for (Rule r : ctx.nat().rules()) {
        if (r.externalAddress().isPresent() && !r.isSnat()) {
          rules.add(r);
        }
      }
      rules.addAll(ctx.nat().firstSnatRules());
      for (Rule r : rules) {
        onGatewayPort(ctx, p, r, sink);
      }
    }
  }

  private static void onGatewayPort(RouterContext ctx, RouterPort p, Rule r, FlowSink sink) {
    if (!NatRules.onGatewayPort(ctx, r, p)) {
      return;
    }
    String mac = INPORT_ETH;
    String resident;
    Optional<MacAddress> external = r.externalMac().flatMap(MacAddress::tryParse);
    if (external.isPresent() && r.logicalPort().isPresent()) {
      mac = r.externalMac().get();
      resident = "is_chassis_resident(" + RouterPort.jsonString(r.logicalPort().get()) + ")";
    } else {
      resident = "is_chassis_resident(" + RouterContext.redirectKey(p) + ")";
    }
    answer(p, r, mac, resident, 92, sink);
    drop(p, r, sink);
  }

  /**
   * Answers for the rule's external address with {@code mac}.
   *
   * @param port the port the request must come in on, or null for any
   * @param extra more match, or ""
   */
  static void answer(RouterPort port, Rule r, String mac, String extra, int priority,
      FlowSink sink) {
    String addr = r.externalAddress().orElseThrow();
    String inport = port == null ? "" : "inport == " + port.key() + " && ";
    String more = extra.isEmpty() ? "" : " && " + extra;
    if (r.externalV6()) {
      sink.add(LR_IN_IP_INPUT, priority, inport + "ip6.dst == {" + addr + ", "
          + Ipv6Address.parse(addr).solicitedNode() + "} && nd_ns && nd.target == " + addr
          + more, "nd_na { eth.src = " + mac + "; ip6.src = nd.target; nd.tll = " + mac
          + "; outport = inport; flags.loopback = 1; output; };");
    } else {
      sink.add(LR_IN_IP_INPUT, priority, inport + "arp.op == 1 && arp.tpa == " + addr + more,
          "eth.dst = eth.src; eth.src = " + mac + "; arp.op = 2; /* ARP reply */ "
              + "arp.tha = arp.sha; arp.sha = " + mac + "; arp.tpa <-> arp.spa; "
              + "outport = inport; flags.loopback = 1; output;");
    }
  }

  private static void drop(RouterPort port, Rule r, FlowSink sink) {
    String addr = r.externalAddress().orElseThrow();
    String inport = "inport == " + port.key() + " && ";
    if (r.externalV6()) {
      sink.add(LR_IN_IP_INPUT, 91, inport + "ip6.dst == {" + addr + ", "
          + Ipv6Address.parse(addr).solicitedNode() + "} && nd_ns && nd.target == " + addr,
          "drop;");
    } else {
      sink.add(LR_IN_IP_INPUT, 91, inport + "arp.op == 1 && arp.tpa == " + addr, "drop;");
    }
  }
}
