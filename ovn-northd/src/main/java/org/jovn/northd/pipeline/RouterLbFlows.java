package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_DEFRAG;
import static org.jovn.northd.flow.Stage.LR_IN_DNAT;
import static org.jovn.northd.flow.Stage.LR_IN_IP_INPUT;
import static org.jovn.northd.flow.Stage.LR_IN_UNSNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_SNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_UNDNAT;
import static org.jovn.northd.pipeline.RouterAdmission.INPORT_ETH;

import java.util.StringJoiner;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.flow.TunnelKeyRef;
import org.jovn.northd.model.LoadBalancerInput;
import org.jovn.northd.model.LoadBalancerInput.Backend;
import org.jovn.northd.model.LoadBalancerInput.Vip;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterLbAddresses;
import org.jovn.northd.model.RouterNat.Rule;

/**
 * The load balancing flows of a logical router with load balancers, as ovn-northd 23.03 writes
 * them: every packet to a VIP goes through the DNAT conntrack zone (defrag), a new connection
 * to a VIP is sent to one of its backends ({@code ct_lb_mark}; dropped or rejected without
 * backends), established and related traffic passes with the SNAT flags conntrack remembered,
 * and the router answers ARP and neighbor solicitations for its VIPs on every port through the
 * address sets {@code $_rtr_lb_KEY_ip4} and {@code $_rtr_lb_KEY_ip6} (KEY: the datapath's
 * tunnel key, {@link TunnelKeyRef}).
 *
 * <p>A router with a distributed gateway port balances only on the gateway chassis (where its
 * first gateway port's {@code cr-PORT} is resident) and un-DNATs replies from backends leaving
 * through that port in the common zone; a gateway router un-DNATs everything
 * ({@link RouterNatFlows}). Where the router forces SNAT for load balanced traffic
 * ({@code lb_force_snat_ip}), balanced connections are marked for it; a load balancer with
 * {@code skip_snat} marks them to skip SNAT instead. Affinity is in {@link RouterLbAffinity}.
 */
final class RouterLbFlows {
  private RouterLbFlows() {}

  /** What balanced connections are marked with. */
  private enum Snat {
    NORMAL, SKIP, FORCE
  }

  static void build(RouterContext ctx, FlowSink sink) {
    if (ctx.input().loadBalancers().isEmpty()) {
      return;
    }
    neighbors(ctx, sink);
    if (ctx.lbAddresses().hasVips()) {
      established(sink);
    }
    for (LoadBalancerInput lb : ctx.input().loadBalancers()) {
      for (Vip vip : lb.vips()) {
        sink.add(LR_IN_DEFRAG, 100, "ip && " + vip.ipMatch() + ".dst == " + vip.address(),
            "ct_dnat;");
        balance(ctx, lb, vip, sink);
        RouterLbAffinity.build(ctx, lb, vip, newMatch(lb, vip), sink);
        natExternalVip(ctx, lb, vip, sink);
      }
      if (lb.skipSnat()) {
        sink.add(LR_OUT_SNAT, 120, "flags.skip_snat_for_lb == 1 && ip", "next;");
      }
    }
  }

  /** Whether the router forces SNAT of load balanced traffic ({@code lb_force_snat_ip}). */
  static boolean forcesSnat(RouterContext ctx) {
    return !ctx.nat().lbForceSnat().isEmpty() || ctx.nat().lbForceSnatRouterIp();
  }

  /** A new connection to the VIP (and its port). */
  static String newMatch(LoadBalancerInput lb, Vip vip) {
    String ip = vip.ipMatch();
    String match = "ct.new && !ct.rel && " + ip + " && " + ip + ".dst == " + vip.address();
    return vip.port() == 0 ? match : match + " && " + lb.protocol() + " && " + lb.protocol()
        + ".dst == " + vip.port();
  }

  /** ARP and ND replies for the VIPs the router answers for, on every port. */
  private static void neighbors(RouterContext ctx, FlowSink sink) {
    RouterLbAddresses lbs = ctx.lbAddresses();
    String v4 = "$" + RouterLbAddresses.addressSetName(TunnelKeyRef.TOKEN, false);
    String v6 = "$" + RouterLbAddresses.addressSetName(TunnelKeyRef.TOKEN, true);
    for (RouterAttachment a : ctx.attachments()) {
      RouterPort p = ctx.port(a);
      String resident = ctx.isGatewayPort(p)
          ? " && is_chassis_resident(" + RouterContext.redirectKey(p) + ")" : "";
      if (!lbs.reachableIpv4().isEmpty()) {
        sink.add(LR_IN_IP_INPUT, 90, "inport == " + p.key() + " && arp.op == 1 && arp.tpa == "
            + v4 + resident, RouterIpInput.arpReply());
      }
      if (!lbs.reachableIpv6().isEmpty()) {
        sink.add(LR_IN_IP_INPUT, 90, "inport == " + p.key() + " && nd_ns && nd.target == "
            + v6 + resident, "nd_na { eth.src = " + INPORT_ETH + "; ip6.src = nd.target; "
            + "nd.tll = " + INPORT_ETH + "; outport = inport; flags.loopback = 1; output; };");
      }
    }
  }

  /** Established and related traffic passes with the SNAT choice conntrack remembered. */
  private static void established(FlowSink sink) {
    String rel = "ct.rel && !ct.est && !ct.new";
    sink.add(LR_IN_DNAT, 70, rel + " && ct_mark.skip_snat == 1",
        "flags.skip_snat_for_lb = 1; ct_commit_nat;");
    sink.add(LR_IN_DNAT, 70, rel + " && ct_mark.force_snat == 1",
        "flags.force_snat_for_lb = 1; ct_commit_nat;");
    sink.add(LR_IN_DNAT, 50, rel, "ct_commit_nat;");
    String est = "ct.est && !ct.rel && !ct.new && ct_mark.natted";
    sink.add(LR_IN_DNAT, 70, est + " && ct_mark.skip_snat == 1",
        "flags.skip_snat_for_lb = 1; next;");
    sink.add(LR_IN_DNAT, 70, est + " && ct_mark.force_snat == 1",
        "flags.force_snat_for_lb = 1; next;");
    sink.add(LR_IN_DNAT, 50, est, "next;");
  }

  /** DNAT of a new connection to a backend, and on a gateway port the un-DNAT of replies. */
  private static void balance(RouterContext ctx, LoadBalancerInput lb, Vip vip, FlowSink sink) {
    Snat snat = lb.skipSnat() ? Snat.SKIP : forcesSnat(ctx) ? Snat.FORCE : Snat.NORMAL;
    int priority = vip.port() == 0 ? 110 : 120;
    String match = newMatch(lb, vip);
    String actions = actions(lb, vip, snat);
    if (!ctx.hasGatewayPorts()) {
      sink.add(LR_IN_DNAT, priority, match, actions);
      return;
    }
    RouterPort gw = ctx.gatewayPorts().get(0);
    String resident = " && is_chassis_resident(" + RouterContext.redirectKey(gw) + ")";
    // The chassis and the un-DNAT of replies follow the configured backends, healthy or not.
    boolean rejects = vip.backends().isEmpty() && lb.reject();
    sink.add(LR_IN_DNAT, priority, rejects ? match : match + resident, actions);
    if (vip.backends().isEmpty()) {
      return;
    }
    String ip = vip.ipMatch();
    StringJoiner sources = new StringJoiner(" || ", ip + " && (", ")");
    for (Backend b : vip.backends()) {
      sources.add("(" + ip + ".src == " + b.address()
          + (b.port() == 0 ? "" : " && " + lb.protocol() + ".src == " + b.port()) + ")");
    }
    sink.add(LR_OUT_UNDNAT, 120, sources + " && outport == " + gw.key() + resident,
        switch (snat) {
          case FORCE -> "flags.force_snat_for_lb = 1; next;";
          case SKIP -> "flags.skip_snat_for_lb = 1; next;";
          case NORMAL -> "ct_dnat_in_czone;";
        });
  }

  /** The actions for a new connection to the VIP. */
  private static String actions(LoadBalancerInput lb, Vip vip, Snat snat) {
    String base;
    boolean balances = vip.balances();
    if (!balances && lb.reject()) {
      base = "reg0 = 0; reject { outport <-> inport; next(pipeline=egress,table="
          + LR_OUT_SNAT.table() + ");};";
    } else if (!balances) {
      base = "drop;";
    } else {
      base = "ct_lb_mark(backends=" + vip.lbBackends() + (lb.selectionFields().isEmpty() ? ""
          : "; hash_fields=\"" + lb.selectionFields() + "\"");
    }
    return switch (snat) {
      case NORMAL -> base + (balances ? ");" : "");
      case SKIP -> "flags.skip_snat_for_lb = 1; " + base + (balances ? "; skip_snat);" : "");
      case FORCE -> "flags.force_snat_for_lb = 1; " + base + (balances ? "; force_snat);" : "");
    };
  }

  /**
   * A VIP that is also a NAT external address skips un-SNAT, so that conntrack keeps the state
   * of the balanced connection.
   */
  private static void natExternalVip(RouterContext ctx, LoadBalancerInput lb, Vip vip,
      FlowSink sink) {
    if (ctx.nat().rules().stream().map(Rule::externalIp).noneMatch(vip.address()::equals)) {
      return;
    }
    String ip = vip.ipMatch();
    sink.add(LR_IN_UNSNAT, 120, ip + " && " + ip + ".dst == " + vip.address() + " && "
        + lb.protocol() + (vip.port() == 0 ? "" : " && " + lb.protocol() + ".dst == "
        + vip.port()), "next;");
  }
}
