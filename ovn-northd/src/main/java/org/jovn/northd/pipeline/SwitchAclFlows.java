package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_ACL;
import static org.jovn.northd.flow.Stage.LS_IN_ACL_AFTER_LB;
import static org.jovn.northd.flow.Stage.LS_IN_ACL_HINT;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_ACL;
import static org.jovn.northd.flow.Stage.LS_OUT_ACL;
import static org.jovn.northd.flow.Stage.LS_OUT_ACL_HINT;
import static org.jovn.northd.flow.Stage.LS_OUT_PRE_ACL;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.flow.Stage;
import org.jovn.northd.model.SwitchAcls;
import org.jovn.northd.model.SwitchPortInput;

/**
 * The pre-ACL, ACL hint, ACL and after-LB ACL stages of a logical switch: their defaults, which
 * depend on whether ACLs apply and whether one is stateful ({@code allow-related}), and the
 * flows of each ACL ({@link SwitchAclRules}).
 *
 * <p>With a stateful ACL every IP packet goes through conntrack (pre-ACL sets
 * {@link #CT_DEFRAG}, pre-stateful then runs {@code ct_next}); the hint stage records which
 * kinds of ACL flows a packet may hit given its conntrack state; the ACL stage lets replies and
 * related traffic of committed connections through above every ACL, drops invalid packets and
 * replies of blocked connections, and by default commits what no ACL decided on.
 */
final class SwitchAclFlows {
  /** Send the packet to conntrack for tracking and defragmentation (pre-stateful). */
  static final String CT_DEFRAG = "reg0[0]";
  /** Commit the connection in the stateful stage. */
  static final String CT_COMMIT = "reg0[1]";
  /** Hint: a new connection, or a blocked one, may hit an allow ACL (commit it). */
  static final String HINT_ALLOW_NEW = "reg0[7]";
  /** Hint: an untracked or established packet may hit an allow ACL. */
  static final String HINT_ALLOW = "reg0[8]";
  /** Hint: the packet may hit a drop ACL and be dropped without more ado. */
  static final String HINT_DROP = "reg0[9]";
  /** Hint: an allowed connection may hit a drop ACL and must be marked blocked. */
  static final String HINT_BLOCK = "reg0[10]";
  /** The ACL set a label: commit it with the connection. */
  static final String ACL_LABEL = "reg0[13]";
  /** An {@code allow-stateless} ACL matched: keep the packet out of conntrack. */
  static final String ACL_STATELESS = "reg0[16]";
  /** Reply or related traffic of an allowed connection: let it through after LB too. */
  static final String HINT_ALLOW_REL = "reg0[17]";
  /** The register the ACL label is committed from. */
  static final String LABEL_REG = "reg3";
  /** The conntrack mark of connections a drop ACL blocked. */
  static final String BLOCKED = "ct_mark.blocked";
  /** IPv6 control traffic conntrack does not handle: always allowed, never tracked. */
  static final String ND_AND_MLD = "nd || nd_ra || nd_rs || mldv1 || mldv2";

  private static final String NEXT = SwitchDefaults.NEXT;
  private static final Stage[] HINT_STAGES = {LS_IN_ACL_HINT, LS_OUT_ACL_HINT};
  private static final Stage[] ACL_STAGES = {LS_IN_ACL, LS_OUT_ACL};

  private SwitchAclFlows() {
  }

  static void build(SwitchView sw, FlowSink sink) {
    SwitchAcls acls = sw.acls();
    boolean lb = sw.hasLbVip();
    // A load balancer sends all IP traffic through conntrack, as a stateful ACL does.
    boolean stateful = acls.stateful() || lb;
    preAcl(sw, acls, sink);
    hints(acls.any() || lb, stateful, sink);
    aclDefaults(acls, lb, sink);
    if (stateful) {
      conntrackDefaults(acls, sink);
    }
    for (SwitchAcls.Rule rule : acls.rules()) {
      SwitchAclRules.build(rule, stateful, acls.ctInvMatch(), sink);
    }
  }

  /**
   * Pre-ACL: service monitor packets skip conntrack; with a stateful ACL, so do router and
   * localnet ports, stateless-ACL traffic, ND, MLD, DHCPv6 and multicast, and every other IP
   * packet is marked for conntrack.
   */
  private static void preAcl(SwitchView sw, SwitchAcls acls, FlowSink sink) {
    sink.add(LS_IN_PRE_ACL, 0, "1", NEXT);
    sink.add(LS_OUT_PRE_ACL, 0, "1", NEXT);
    sink.add(LS_IN_PRE_ACL, 110, "eth.dst == $svc_monitor_mac", NEXT);
    sink.add(LS_OUT_PRE_ACL, 110, "eth.src == $svc_monitor_mac", NEXT);
    if (!acls.stateful()) {
      if (sw.hasLbVip()) {
        // Keep stateless-ACL traffic out of the conntrack pre-LB would send it to.
        statelessFilters(acls, sink);
      }
      return;
    }
    for (SwitchPortInput p : sw.routerPorts()) {
      skipConntrack(p, sink);
    }
    for (SwitchPortInput p : sw.localnetPorts()) {
      skipConntrack(p, sink);
    }
    statelessFilters(acls, sink);
    String noConntrack = "nd || nd_rs || nd_ra || mldv1 || mldv2 || "
        + "(udp && udp.src == 546 && udp.dst == 547)";
    for (Stage s : new Stage[] {LS_IN_PRE_ACL, LS_OUT_PRE_ACL}) {
      sink.add(s, 110, noConntrack, NEXT);
      sink.add(s, 110, "eth.mcast", NEXT);
      sink.add(s, 100, "ip", CT_DEFRAG + " = 1; next;");
    }
  }

  private static void statelessFilters(SwitchAcls acls, FlowSink sink) {
    for (SwitchAcls.Rule rule : acls.rules()) {
      if (rule.action() == SwitchAcls.Action.ALLOW_STATELESS) {
        sink.add(rule.ingress() ? LS_IN_PRE_ACL : LS_OUT_PRE_ACL,
            SwitchAclRules.flowPriority(rule), rule.match(), ACL_STATELESS + " = 1; next;");
      }
    }
  }

  private static void skipConntrack(SwitchPortInput p, FlowSink sink) {
    String key = SwitchView.key(p.name());
    sink.addForPort(LS_IN_PRE_ACL, 110, "ip && inport == " + key, NEXT, p.name());
    sink.addForPort(LS_OUT_PRE_ACL, 110, "ip && outport == " + key, NEXT, p.name());
  }

  /**
   * ACL hints: which ACL flows a packet may hit, from its conntrack state, so that the ACL
   * stage matches a register rather than conntrack flags.
   */
  private static void hints(boolean any, boolean stateful, FlowSink sink) {
    for (Stage s : HINT_STAGES) {
      sink.add(s, any ? 0 : 65535, "1", NEXT);
      if (!stateful) {
        continue;
      }
      sink.add(s, 7, "ct.new && !ct.est", set(HINT_ALLOW_NEW, HINT_DROP));
      sink.add(s, 6, "!ct.new && ct.est && !ct.rpl && " + BLOCKED + " == 1",
          set(HINT_ALLOW_NEW, HINT_DROP));
      sink.add(s, 5, "!ct.trk", set(HINT_ALLOW, HINT_DROP));
      sink.add(s, 4, "!ct.new && ct.est && !ct.rpl && " + BLOCKED + " == 0",
          set(HINT_ALLOW, HINT_BLOCK));
      sink.add(s, 3, "!ct.est", set(HINT_DROP));
      sink.add(s, 2, "ct.est && " + BLOCKED + " == 1", set(HINT_DROP));
      sink.add(s, 1, "ct.est && " + BLOCKED + " == 0", set(HINT_BLOCK));
    }
  }

  private static String set(String... bits) {
    StringBuilder b = new StringBuilder();
    for (String bit : bits) {
      b.append(bit).append(" = 1; ");
    }
    return b.append(NEXT).toString();
  }

  /**
   * The ACL stages' lowest and highest flows: without ACLs everything passes at 65535; with
   * ACLs the default policy (next, or drop with {@code default_acl_drop}) at 0, and with only a
   * load balancer "next" at 0. IPv6 control traffic always passes, and with ACLs or a load
   * balancer so does service monitor traffic.
   */
  private static void aclDefaults(SwitchAcls acls, boolean lb, FlowSink sink) {
    if (!acls.any()) {
      int priority = lb ? 0 : 65535;
      sink.add(LS_IN_ACL, priority, "1", NEXT);
      sink.add(LS_OUT_ACL, priority, "1", NEXT);
      sink.add(LS_IN_ACL_AFTER_LB, 0, "1", NEXT);
    } else {
      String policy = acls.defaultDrop() ? SwitchDefaults.DROP : NEXT;
      sink.add(LS_IN_ACL, 0, "1", policy);
      sink.add(LS_OUT_ACL, 0, "1", policy);
      sink.add(LS_IN_ACL_AFTER_LB, 0, "1", policy);
    }
    if (acls.any() || lb) {
      sink.add(LS_IN_ACL, 34000, "eth.dst == $svc_monitor_mac", NEXT);
      sink.add(LS_OUT_ACL, 34000, "eth.src == $svc_monitor_mac", NEXT);
    }
    sink.add(LS_IN_ACL, 65532, ND_AND_MLD, NEXT);
    sink.add(LS_OUT_ACL, 65532, ND_AND_MLD, NEXT);
    sink.add(LS_IN_ACL_AFTER_LB, 65532, ND_AND_MLD, NEXT);
  }

  /**
   * The ACL stages of a switch with a stateful ACL: commit what the policy allows (priority
   * 1), drop invalid packets and replies of blocked connections, and let replies and related
   * traffic of allowed connections through (65532).
   */
  private static void conntrackDefaults(SwitchAcls acls, FlowSink sink) {
    String commit = CT_COMMIT + " = 1; next;";
    String policy = acls.defaultDrop() ? SwitchDefaults.DROP : commit;
    String notInvalid = acls.ctInvMatch() ? " && !ct.inv" : "";
    for (Stage s : ACL_STAGES) {
      sink.add(s, 1, "ip && ct.est && " + BLOCKED + " == 1", commit);
      sink.add(s, 1, "ip && !ct.est", policy);
      sink.add(s, 65532, (acls.ctInvMatch() ? "ct.inv || " : "")
          + "(ct.est && ct.rpl && " + BLOCKED + " == 1)", SwitchDefaults.DROP);
    }
    String reply = "ct.est && !ct.rel && !ct.new" + notInvalid + " && ct.rpl && " + BLOCKED
        + " == 0";
    sink.add(LS_IN_ACL, 65532, reply,
        HINT_DROP + " = 0; " + HINT_BLOCK + " = 0; " + HINT_ALLOW_REL + " = 1; next;");
    sink.add(LS_OUT_ACL, 65532, reply, NEXT);
    String related = "!ct.est && ct.rel && !ct.new" + notInvalid + " && " + BLOCKED + " == 0";
    sink.add(LS_IN_ACL, 65532, related, HINT_ALLOW_REL + " = 1; ct_commit_nat;");
    sink.add(LS_OUT_ACL, 65532, related, "ct_commit_nat;");
    sink.add(LS_IN_ACL_AFTER_LB, 65532, HINT_ALLOW_REL + " == 1", NEXT);
  }
}
