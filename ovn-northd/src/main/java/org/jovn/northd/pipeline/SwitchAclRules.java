package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_ACL;
import static org.jovn.northd.flow.Stage.LS_IN_ACL_AFTER_LB;
import static org.jovn.northd.flow.Stage.LS_IN_L2_LKUP;
import static org.jovn.northd.flow.Stage.LS_OUT_ACL;
import static org.jovn.northd.flow.Stage.LS_OUT_QOS_MARK;
import static org.jovn.northd.pipeline.SwitchAclFlows.ACL_LABEL;
import static org.jovn.northd.pipeline.SwitchAclFlows.BLOCKED;
import static org.jovn.northd.pipeline.SwitchAclFlows.CT_COMMIT;
import static org.jovn.northd.pipeline.SwitchAclFlows.HINT_ALLOW;
import static org.jovn.northd.pipeline.SwitchAclFlows.HINT_ALLOW_NEW;
import static org.jovn.northd.pipeline.SwitchAclFlows.HINT_BLOCK;
import static org.jovn.northd.pipeline.SwitchAclFlows.HINT_DROP;
import static org.jovn.northd.pipeline.SwitchAclFlows.LABEL_REG;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.flow.Pipeline;
import org.jovn.northd.flow.Stage;
import org.jovn.northd.model.SwitchAcls;
import org.jovn.northd.model.SwitchAcls.Action;
import org.jovn.northd.model.SwitchAcls.Rule;

/**
 * The flows of one ACL, at its priority plus {@value #PRIORITY_OFFSET}, in the ingress ACL
 * stage ({@code from-lport}), the after-LB one ({@code from-lport} with
 * {@code apply-after-lb}) or the egress one ({@code to-lport}).
 *
 * <p>On a switch without stateful ACLs each ACL is one flow with the ACL's match. On a switch
 * with one, the ACL's match is combined with the hints: allow ACLs commit new connections and
 * let established ones through; drop and reject ACLs drop new or untracked packets and mark
 * allowed connections blocked.
 */
final class SwitchAclRules {
  /** ACL priorities are shifted above the stages' own defaults. */
  static final int PRIORITY_OFFSET = 1000;
  private static final String IMPLICIT_DROP = "/* drop */";
  private static final String NEXT = SwitchDefaults.NEXT;

  private SwitchAclRules() {
  }

  /** The priority of an ACL's flows. */
  static int flowPriority(Rule rule) {
    return rule.priority() + PRIORITY_OFFSET;
  }

  static void build(Rule rule, boolean stateful, boolean ctInvMatch, FlowSink sink) {
    Stage stage = rule.ingress() ? (rule.afterLb() ? LS_IN_ACL_AFTER_LB : LS_IN_ACL)
        : LS_OUT_ACL;
    int priority = flowPriority(rule);
    switch (rule.action()) {
      case ALLOW_STATELESS -> sink.add(stage, priority, rule.match(), log(rule) + NEXT);
      case ALLOW, ALLOW_RELATED -> {
        if (stateful) {
          allowStateful(rule, stage, ctInvMatch, sink);
        } else {
          sink.add(stage, priority, rule.match(), log(rule) + NEXT);
        }
      }
      case DROP, REJECT -> {
        if (stateful) {
          deny(rule, stage, HINT_DROP + " == 1", "", sink);
          deny(rule, stage, HINT_BLOCK + " == 1", "ct_commit { " + BLOCKED + " = 1; }; ", sink);
        } else {
          deny(rule, stage, "", "", sink);
        }
      }
    }
  }

  /**
   * An allow ACL on a stateful switch: a new (or formerly blocked) connection is committed, an
   * established or untracked packet passes; with a label, the label goes along. With
   * {@code log-related}, replies and related packets of its connections are logged in the other
   * direction's ACL stage.
   */
  private static void allowStateful(Rule rule, Stage stage, boolean ctInvMatch, FlowSink sink) {
    int priority = flowPriority(rule);
    String label = rule.label() != 0
        ? ACL_LABEL + " = 1; " + LABEL_REG + " = " + rule.label() + "; " : "";
    sink.add(stage, priority, HINT_ALLOW_NEW + " == 1 && (" + rule.match() + ")",
        CT_COMMIT + " = 1; " + label + log(rule) + NEXT);
    sink.add(stage, priority, HINT_ALLOW + " == 1 && (" + rule.match() + ")",
        (label.isEmpty() ? "" : CT_COMMIT + " = 1; " + label) + log(rule) + NEXT);
    if (!rule.log() || rule.label() == 0 || !rule.logRelated()) {
      return;
    }
    Stage other = rule.ingress() ? LS_OUT_ACL : LS_IN_ACL;
    String notInvalid = ctInvMatch ? " && !ct.inv" : "";
    String labelled = BLOCKED + " == 0 && ct_label.label == " + rule.label();
    sink.add(other, 65533, "ct.est && !ct.rel && !ct.new" + notInvalid + " && ct.rpl && "
        + labelled, log(rule) + NEXT);
    sink.add(other, 65533, "!ct.est && ct.rel && !ct.new" + notInvalid + " && " + labelled,
        log(rule) + NEXT);
  }

  /**
   * A drop or reject ACL, with a hint condition and actions to run first on a stateful switch.
   * A drop flow's match is {@code HINT && (MATCH)} and it logs before those actions; a reject
   * flow's match is {@code (HINT) && MATCH} and it logs after them.
   */
  private static void deny(Rule rule, Stage stage, String hint, String before, FlowSink sink) {
    int priority = flowPriority(rule);
    if (rule.action() == Action.DROP) {
      String match = hint.isEmpty() ? rule.match() : hint + " && (" + rule.match() + ")";
      sink.add(stage, priority, match, before + log(rule) + IMPLICIT_DROP);
      return;
    }
    String match = hint.isEmpty() ? rule.match() : "(" + hint + ") && " + rule.match();
    sink.add(stage, priority, match,
        log(rule) + (before.isEmpty() ? "" : before + " ") + reject(stage));
  }

  /**
   * Answers the packet (TCP RST, ICMP unreachable) and sends the answer on from where the
   * packet would have gone: an answer to an ingress packet continues in the egress pipeline
   * after the ACLs, one to an egress packet at the ingress destination lookup.
   */
  private static String reject(Stage stage) {
    boolean ingress = stage.pipeline() == Pipeline.INGRESS;
    String next = ingress
        ? "next(pipeline=egress,table=" + LS_OUT_QOS_MARK.table() + ");"
        : "next(pipeline=ingress,table=" + LS_IN_L2_LKUP.table() + ");";
    return "reg0 = 0; reject { /* eth.dst <-> eth.src; ip.dst <-> ip.src; is implicit. */ "
        + "outport <-> inport; " + next + " };";
  }

  /** The {@code log(...); } action of a logged ACL, or nothing. */
  static String log(Rule rule) {
    if (!rule.log()) {
      return "";
    }
    StringBuilder b = new StringBuilder("log(");
    rule.name().ifPresent(n -> b.append("name=\"").append(n).append("\", "));
    b.append("severity=").append(rule.severity().orElse("info")).append(", ");
    b.append("verdict=").append(verdict(rule.action()));
    rule.meter().ifPresent(m -> b.append(", meter=\"").append(m).append('"'));
    return b.append("); ").toString();
  }

  private static String verdict(Action action) {
    return switch (action) {
      case DROP -> "drop";
      case REJECT -> "reject";
      case ALLOW, ALLOW_RELATED, ALLOW_STATELESS -> "allow";
    };
  }
}
