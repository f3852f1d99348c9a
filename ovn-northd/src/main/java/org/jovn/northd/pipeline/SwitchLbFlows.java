package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_HAIRPIN;
import static org.jovn.northd.flow.Stage.LS_IN_LB;
import static org.jovn.northd.flow.Stage.LS_IN_LB_AFF_CHECK;
import static org.jovn.northd.flow.Stage.LS_IN_LB_AFF_LEARN;
import static org.jovn.northd.flow.Stage.LS_IN_NAT_HAIRPIN;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_HAIRPIN;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_LB;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_STATEFUL;
import static org.jovn.northd.flow.Stage.LS_OUT_PRE_LB;
import static org.jovn.northd.flow.Stage.LS_OUT_QOS_MARK;

import java.util.List;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.LoadBalancerInput;
import org.jovn.northd.model.LoadBalancerInput.Backend;
import org.jovn.northd.model.LoadBalancerInput.Vip;

/**
 * The load balancing flows of a logical switch with a load balancer VIP: every IP packet goes
 * through conntrack ({@code ct_lb_mark} in pre-stateful), new connections to a VIP are sent to
 * one of its backends, and a backend that reaches a VIP balanced back to itself is hairpinned
 * with the VIP as its source. The ACL stages' changes that come with a load balancer are in
 * {@link SwitchAclFlows}.
 */
final class SwitchLbFlows {
  /** Ask pre-stateful to run {@code ct_lb_mark}: conntrack and the NAT of balanced traffic. */
  static final String CT_NAT = "reg0[2]";
  private static final String HAIRPIN = "reg0[6]";
  private static final String HAIRPIN_REPLY = "reg0[12]";
  private static final String KNOWN_SESSION = "reg9[6]";
  private static final String ORIG_DIP4 = "reg1";
  private static final String ORIG_DIP6 = "xxreg1";
  private static final String ORIG_DPORT = "reg2[0..15]";
  private static final String AFF_BACKEND4 = "reg4";
  private static final String AFF_BACKEND6 = "xxreg0";
  private static final String AFF_PORT = "reg8[0..15]";

  private SwitchLbFlows() {
  }

  static void build(SwitchView sw, List<LoadBalancerInput> lbs, FlowSink sink) {
    if (!sw.hasLbVip()) {
      return;
    }
    sink.add(LS_IN_PRE_LB, 100, "ip", CT_NAT + " = 1; next;");
    sink.add(LS_OUT_PRE_LB, 100, "ip", CT_NAT + " = 1; next;");
    hairpin(sink);
    for (LoadBalancerInput lb : lbs) {
      for (Vip vip : lb.vips()) {
        preStateful(lb, vip, sink);
        balance(lb, vip, sink);
        affinity(lb, vip, sink);
      }
    }
  }

  /** Hairpin: a backend reaching itself through a VIP gets the VIP as source, and back. */
  private static void hairpin(FlowSink sink) {
    sink.add(LS_IN_PRE_HAIRPIN, 100, "ip && ct.trk", HAIRPIN + " = chk_lb_hairpin(); "
        + HAIRPIN_REPLY + " = chk_lb_hairpin_reply(); next;");
    sink.add(LS_IN_NAT_HAIRPIN, 100, "ip && ct.new && ct.trk && " + HAIRPIN + " == 1",
        "ct_snat_to_vip; next;");
    sink.add(LS_IN_NAT_HAIRPIN, 100, "ip && ct.est && ct.trk && " + HAIRPIN + " == 1",
        "ct_snat;");
    sink.add(LS_IN_NAT_HAIRPIN, 90, "ip && " + HAIRPIN_REPLY + " == 1", "ct_snat;");
    sink.add(LS_IN_HAIRPIN, 1, "(" + HAIRPIN + " == 1 || " + HAIRPIN_REPLY + " == 1)",
        "eth.dst <-> eth.src; outport = inport; flags.loopback = 1; output;");
  }

  /** Pre-stateful: remember the VIP and port the client asked for, for hairpin and affinity. */
  private static void preStateful(LoadBalancerInput lb, Vip vip, FlowSink sink) {
    StringBuilder action = new StringBuilder()
        .append(vip.ipv6() ? ORIG_DIP6 : ORIG_DIP4).append(" = ").append(vip.address())
        .append("; ");
    StringBuilder match = new StringBuilder(CT_NAT + " == 1 && ").append(vip.ipMatch())
        .append(".dst == ").append(vip.address());
    if (vip.port() != 0) {
      action.append(ORIG_DPORT).append(" = ").append(vip.port()).append("; ");
      match.append(" && ").append(lb.protocol()).append(".dst == ").append(vip.port());
    }
    action.append("ct_lb_mark;");
    sink.add(LS_IN_PRE_STATEFUL, 120, match.toString(), action.toString());
  }

  /**
   * LB: a new connection to the VIP goes to a backend, a healthy one if the VIP is health
   * checked (or, without one, is dropped or rejected).
   */
  private static void balance(LoadBalancerInput lb, Vip vip, FlowSink sink) {
    String match = "ct.new && " + vip.ipMatch() + ".dst == " + vip.address();
    int priority = 110;
    if (vip.port() != 0) {
      match += " && " + lb.protocol() + ".dst == " + vip.port();
      priority = 120;
    }
    String action;
    if (!vip.balances() && lb.reject()) {
      action = "reg0 = 0; reject { outport <-> inport; next(pipeline=egress,table="
          + LS_OUT_QOS_MARK.table() + ");};";
    } else if (!vip.balances()) {
      action = SwitchDefaults.DROP;
    } else {
      action = "reg0[1] = 0; ct_lb_mark(backends=" + vip.lbBackends()
          + (lb.selectionFields().isEmpty() ? ""
              : "; hash_fields=\"" + lb.selectionFields() + "\"")
          + ");";
    }
    sink.add(LS_IN_LB, priority, match, action);
  }

  /**
   * Affinity ({@code options:affinity_timeout}): a client that reached a backend recently goes
   * to the same one; a new choice is learned for the timeout.
   */
  private static void affinity(LoadBalancerInput lb, Vip vip, FlowSink sink) {
    if (lb.affinityTimeout() == 0) {
      return;
    }
    String ip = vip.ipMatch();
    String regVip = vip.ipv6() ? ORIG_DIP6 : ORIG_DIP4;
    String regBackend = vip.ipv6() ? AFF_BACKEND6 : AFF_BACKEND4;
    String port = vip.port() != 0 ? " && " + ORIG_DPORT + " == " + vip.port() : "";
    sink.add(LS_IN_LB_AFF_CHECK, 100, "ct.new && " + ip + " && " + regVip + " == "
        + vip.address() + port, KNOWN_SESSION + " = chk_lb_aff(); next;");
    String actionBase = "reg0[1] = 0; " + regVip + " = " + vip.address() + "; "
        + (vip.port() != 0 ? ORIG_DPORT + " = " + vip.port() + "; " : "")
        + "ct_lb_mark(backends=";
    String learnBase = "commit_lb_aff(vip = \"" + endpoint(vip.ipv6(), vip.address(),
        vip.port()) + "\", backend = \"";
    String learnMatchBase = KNOWN_SESSION + " == 0 && ct.new && " + ip + " && " + regVip
        + " == " + vip.address() + port + " && " + ip + ".dst == ";
    String matchBase = KNOWN_SESSION + " == 1 && ct.new && " + ip + " && " + regBackend
        + " == ";
    for (Backend b : vip.backends()) {
      String be = endpoint(vip.ipv6(), b.address(), b.port());
      String learnMatch = learnMatchBase + b.address()
          + (b.port() != 0 ? " && " + lb.protocol() + ".dst == " + b.port() : "");
      String match = matchBase + b.address()
          + (b.port() != 0 ? " && " + AFF_PORT + " == " + b.port() : "");
      String learn = learnBase + be + "\""
          + (vip.port() != 0 ? ", proto = " + lb.protocol() : "")
          + ", timeout = " + lb.affinityTimeout() + "); /* drop */";
      sink.add(LS_IN_LB_AFF_LEARN, 100, learnMatch, learn);
      sink.add(LS_IN_LB, 150, match, actionBase + be + ");");
    }
  }

  private static String endpoint(boolean ipv6, String address, int port) {
    if (port == 0) {
      return address;
    }
    return (ipv6 ? "[" + address + "]" : address) + ":" + port;
  }
}
