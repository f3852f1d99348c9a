package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_ADMISSION;
import static org.jovn.northd.flow.Stage.LR_IN_ARP_RESOLVE;
import static org.jovn.northd.flow.Stage.LR_IN_DNAT;
import static org.jovn.northd.flow.Stage.LR_IN_GW_REDIRECT;
import static org.jovn.northd.flow.Stage.LR_IN_IP_INPUT;
import static org.jovn.northd.flow.Stage.LR_IN_UNSNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_CHK_DNAT_LOCAL;
import static org.jovn.northd.flow.Stage.LR_OUT_EGR_LOOP;
import static org.jovn.northd.flow.Stage.LR_OUT_POST_UNDNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_SNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_UNDNAT;
import static org.jovn.northd.pipeline.RouterAdmission.INPORT_ETH;

import java.util.HashSet;
import java.util.Set;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterNat.Rule;
import org.jovn.northd.pipeline.NatRules.Checked;

/**
 * NAT on a gateway router or on a router with distributed gateway ports: un-SNAT and DNAT on
 * the way in, un-DNAT and SNAT on the way out, the router's answers to ARP and neighbor
 * solicitations for NAT external addresses, and for distributed gateway ports the chassis
 * residency conditions, floating-IP MAC handling and the egress loop back into ingress.
 *
 * <p>A gateway router uses the plain conntrack zones ({@code ct_snat}, {@code ct_dnat});
 * a distributed router the common zone ({@code ct_snat_in_czone}), and centralized rules only
 * run on the chassis where the gateway port's {@code cr-PORT} is resident. Floating IPs with a
 * logical port and external MAC run on the chassis of that logical port. A gateway router with
 * load balancers un-DNATs like one with NAT rules; the rest of load balancing is in
 * {@link RouterLbFlows}.
 */
final class RouterNatFlows {
  /** reg9[4]: the destination is a DNAT address handled on this chassis. */
  static final String DST_NAT_IP_LOCAL = "reg9[4]";
  /** reg9[0]: the packet came back through the egress loop. */
  static final String EGRESS_LOOPBACK = "reg9[0]";
  private static final int LOGICAL_REGISTERS = 10;

  private RouterNatFlows() {}

  static void build(RouterContext ctx, FlowSink sink) {
    NatRules nat = ctx.nat();
    arpForExternalIps(nat, sink);
    if (ctx.gatewayRouter() && (!nat.rules().isEmpty() || ctx.lbAddresses().hasVips())) {
      sink.add(LR_OUT_UNDNAT, 100, "nd || nd_rs || nd_ra", "next;");
      sink.add(LR_OUT_UNDNAT, 50, "ip", "flags.loopback = 1; ct_dnat;");
      sink.add(LR_OUT_POST_UNDNAT, 50, "ip && ct.new", "ct_commit { } ; next; ");
    }
    if (!ctx.natCapable()) {
      return;
    }
    Set<String> resolved = new HashSet<>();
    for (Checked c : nat.checked()) {
      unsnat(ctx, c, sink);
      dnat(ctx, c, sink);
      if (!ctx.gatewayRouter() && resolved.add(c.rule().externalIp())) {
        arpResolve(ctx, c, sink);
      }
      if (ctx.hasGatewayPorts()) {
        dnatLocal(c, sink);
        undnat(ctx, c, sink);
      }
      RouterNatSnat.snat(ctx, c, sink);
      ingress(ctx, c, sink);
      if (c.distributed()) {
        gatewayRedirect(c, sink);
      }
      if (ctx.hasGatewayPorts()) {
        egressLoop(c, sink);
      }
    }
    if (!nat.rules().isEmpty()) {
      sink.add(LR_OUT_CHK_DNAT_LOCAL, 50, "ip && ct_mark.natted == 1",
          DST_NAT_IP_LOCAL + " = 1; next;");
    }
    if (ctx.gatewayRouter()) {
      nat.dnatForceSnat().forEach(ip -> forceSnat(ip, "dnat", sink));
      nat.lbForceSnat().forEach(ip -> forceSnat(ip, "lb", sink));
    }
    if (nat.lbForceSnatRouterIp()) {
      forceSnatRouterIp(ctx, sink);
    }
  }

  /**
   * {@code lb_force_snat_ip=router_ip}: load-balanced traffic leaving a port is SNATed to the
   * port's first address of its family.
   */
  private static void forceSnatRouterIp(RouterContext ctx, FlowSink sink) {
    for (RouterAttachment a : ctx.attachments()) {
      if (a.switchPort().isEmpty() && a.peerPort().isEmpty()) {
        continue;
      }
      RouterPort p = ctx.port(a);
      if (p.hasIpv4()) {
        forceSnatOnPort(p, "4", p.ipv4().get(0).address().toString(), sink);
      }
      // The link-local address is always last: only a configured IPv6 address counts.
      if (p.ipv6().size() > 1) {
        forceSnatOnPort(p, "6", p.ipv6().get(0).address().toString(), sink);
      }
    }
  }

  private static void forceSnatOnPort(RouterPort p, String family, String ip, FlowSink sink) {
    sink.add(LR_IN_UNSNAT, 110, "inport == " + p.key() + " && ip" + family + ".dst == " + ip,
        "ct_snat;");
    sink.add(LR_OUT_SNAT, 110, "flags.force_snat_for_lb == 1 && ip" + family + " && outport == "
        + p.key(), "ct_snat(" + ip + ");");
  }

  /** {@code is_chassis_resident(...)} of the rule's own port or of the gateway's cr port. */
  static String resident(Checked c) {
    return c.distributed()
        ? "is_chassis_resident(" + RouterPort.jsonString(c.rule().logicalPort().get()) + ")"
        : "is_chassis_resident(" + RouterContext.redirectKey(c.gatewayPort()) + ")";
  }

  /** The router answers ARP and NS for every NAT external address, from any port. */
  private static void arpForExternalIps(NatRules nat, FlowSink sink) {
    for (Rule r : nat.rules()) {
      if (r.externalAddress().isPresent() && !r.isSnat()) {
        RouterNatArp.answer(null, r, INPORT_ETH, "", 90, sink);
      }
    }
    for (Rule r : nat.firstSnatRules()) {
      RouterNatArp.answer(null, r, INPORT_ETH, "", 90, sink);
    }
  }

  private static void unsnat(RouterContext ctx, Checked c, FlowSink sink) {
    Rule r = c.rule();
    if (!r.translatesSource()) {
      return;
    }
    String dst = "ip && ip" + c.family() + ".dst == " + r.externalIp();
    if (ctx.gatewayRouter()) {
      sink.add(LR_IN_UNSNAT, 90, dst, r.stateless() ? "next;" : "ct_snat;");
      return;
    }
    String inport = " && inport == " + c.gatewayPort().key();
    String central = c.distributed() ? ""
        : " && is_chassis_resident(" + RouterContext.redirectKey(c.gatewayPort()) + ")";
    sink.add(LR_IN_UNSNAT, 100, dst + inport + " && flags.loopback == 0" + central,
        r.stateless() ? "next;" : "ct_snat_in_czone;");
    if (!r.stateless()) {
      sink.add(LR_IN_UNSNAT, 100, dst + inport
          + " && flags.loopback == 1 && flags.use_snat_zone == 1" + central, "ct_snat;");
    }
  }

  private static void dnat(RouterContext ctx, Checked c, FlowSink sink) {
    Rule r = c.rule();
    if (!r.translatesDestination()) {
      return;
    }
    StringBuilder match = new StringBuilder("ip && ip" + c.family() + ".dst == " + r.externalIp());
    StringBuilder actions = new StringBuilder();
    if (!ctx.gatewayRouter()) {
      match.append(" && inport == ").append(c.gatewayPort().key());
      if (!c.distributed()) {
        match.append(" && is_chassis_resident(")
            .append(RouterContext.redirectKey(c.gatewayPort())).append(')');
      }
    }
    RouterNatSnat.externalIpFilter(ctx, c, true, match, sink);
    String range = r.externalPortRange().isEmpty() ? "" : "," + r.externalPortRange();
    if (ctx.gatewayRouter()) {
      if (!ctx.nat().dnatForceSnat().isEmpty()) {
        actions.append("flags.force_snat_for_dnat = 1; ");
      }
      actions.append(r.stateless()
          ? "flags.loopback = 1; ip" + c.family() + ".dst=" + r.logicalIp() + "; next;"
          : "flags.loopback = 1; ct_dnat(" + r.logicalIp() + range + ");");
    } else {
      actions.append(r.isDnatAndSnat() && r.stateless()
          ? "ip" + c.family() + ".dst=" + r.logicalIp() + "; next;"
          : "ct_dnat_in_czone(" + r.logicalIp() + range + ");");
    }
    sink.add(LR_IN_DNAT, 100, match.toString(), actions.toString());
  }

  /** Distributed router: next-hop resolution for NAT external addresses. */
  private static void arpResolve(RouterContext ctx, Checked c, FlowSink sink) {
    Rule r = c.rule();
    String gw = c.gatewayPort().key();
    sink.add(LR_IN_ARP_RESOLVE, 150, "inport == " + gw + " && outport == " + gw + " && ip"
        + c.family() + ".dst == " + r.externalIp(), "drop;");
    sink.add(LR_IN_ARP_RESOLVE, 100, "outport == " + gw + " && " + (c.v6() ? "xxreg0" : "reg0")
        + " == " + r.externalIp(), "eth.dst = "
        + (c.distributed() ? r.externalMac().get() : c.gatewayPort().mac().toString())
        + "; next;");
    if (c.distributed() && RouterGateway.redirectBridged(ctx)) {
      sink.add(LR_IN_ARP_RESOLVE, 90, "outport == " + ctx.gatewayPorts().get(0).key()
          + " && ip" + c.family() + ".src == " + r.logicalIp() + " && is_chassis_resident("
          + RouterPort.jsonString(r.logicalPort().get()) + ")",
          c.v6() ? "get_nd(outport, xxreg0); next;" : "get_arp(outport, reg0); next;");
    }
  }

  private static void dnatLocal(Checked c, FlowSink sink) {
    sink.add(LR_OUT_CHK_DNAT_LOCAL, 50, "ip && ip" + c.family() + ".dst == "
        + c.rule().externalIp() + " && " + resident(c), DST_NAT_IP_LOCAL + " = 1; next;");
  }

  private static void undnat(RouterContext ctx, Checked c, FlowSink sink) {
    Rule r = c.rule();
    if (!r.translatesDestination()) {
      return;
    }
    String match = "ip && ip" + c.family() + ".src == " + r.logicalIp() + " && outport == "
        + c.gatewayPort().key() + (c.distributed() ? ""
        : " && is_chassis_resident(" + RouterContext.redirectKey(c.gatewayPort()) + ")");
    String actions = (c.distributed() ? "eth.src = " + c.mac() + "; " : "")
        + (r.stateless() ? "next;" : ctx.gatewayRouter() ? "ct_dnat;" : "ct_dnat_in_czone;");
    sink.add(LR_OUT_UNDNAT, 100, match, actions);
  }

  /** IP input and admission for NAT on a distributed gateway port. */
  private static void ingress(RouterContext ctx, Checked c, FlowSink sink) {
    Rule r = c.rule();
    if (ctx.hasGatewayPorts() && r.isSnat()) {
      sink.add(LR_IN_IP_INPUT, 120, "inport == " + c.gatewayPort().key() + " && ip"
          + c.family() + ".src == " + r.externalIp(), "next;");
    }
    if (c.distributed()) {
      RouterPort gw = c.gatewayPort();
      sink.add(LR_IN_ADMISSION, 50, "eth.dst == " + c.mac() + " && inport == " + gw.key()
          + " && is_chassis_resident(" + RouterPort.jsonString(r.logicalPort().get()) + ")",
          INPORT_ETH + " = " + gw.mac() + "; next;");
    }
  }

  /**
   * A distributed floating IP's traffic leaves from its own chassis with its own MAC and
   * address (so that ARP requests the next stage sends carry them).
   */
  private static void gatewayRedirect(Checked c, FlowSink sink) {
    Rule r = c.rule();
    String match = "ip" + c.family() + ".src == " + r.logicalIp() + " && outport == "
        + c.gatewayPort().key();
    if (r.virtualLogicalPort()) {
      sink.add(LR_IN_GW_REDIRECT, 80, match, "drop;");
    }
    sink.add(LR_IN_GW_REDIRECT, 100, match + " && is_chassis_resident("
        + RouterPort.jsonString(r.logicalPort().get()) + ")", "eth.src = " + r.externalMac().get()
        + "; " + (c.v6() ? "xxreg1" : "reg1") + " = " + r.externalIp() + "; next;");
  }

  /** Traffic to a NAT address leaving through the gateway port loops back into ingress. */
  private static void egressLoop(Checked c, FlowSink sink) {
    StringBuilder actions = new StringBuilder("clone { ct_clear; inport = outport; "
        + "outport = \"\"; eth.dst <-> eth.src; flags = 0; flags.loopback = 1; "
        + "flags.use_snat_zone = " + DST_NAT_IP_LOCAL + "; ");
    for (int i = 0; i < LOGICAL_REGISTERS; i++) {
      actions.append("reg").append(i).append(" = 0; ");
    }
    actions.append(EGRESS_LOOPBACK).append(" = 1; next(pipeline=ingress, table=")
        .append(LR_IN_ADMISSION.table()).append("); };");
    sink.add(LR_OUT_EGR_LOOP, 100, "ip" + c.family() + ".dst == "
        + c.rule().externalIp() + " && outport == " + c.gatewayPort().key() + " && "
        + resident(c), actions.toString());
  }

  /** A gateway router's {@code dnat_force_snat_ip} or {@code lb_force_snat_ip}. */
  private static void forceSnat(String ip, String context, FlowSink sink) {
    String family = ip.indexOf(':') >= 0 ? "6" : "4";
    sink.add(LR_IN_UNSNAT, 110, "ip" + family + " && ip" + family + ".dst == " + ip,
        "ct_snat;");
    sink.add(LR_OUT_SNAT, 100, "flags.force_snat_for_" + context + " == 1 && ip" + family,
        "ct_snat(" + ip + ");");
  }
}
