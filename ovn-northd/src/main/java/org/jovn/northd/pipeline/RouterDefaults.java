package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_CHK_PKT_LEN;
import static org.jovn.northd.flow.Stage.LR_IN_DEFRAG;
import static org.jovn.northd.flow.Stage.LR_IN_DNAT;
import static org.jovn.northd.flow.Stage.LR_IN_ECMP_STATEFUL;
import static org.jovn.northd.flow.Stage.LR_IN_GW_REDIRECT;
import static org.jovn.northd.flow.Stage.LR_IN_LARGER_PKTS;
import static org.jovn.northd.flow.Stage.LR_IN_LB_AFF_CHECK;
import static org.jovn.northd.flow.Stage.LR_IN_LB_AFF_LEARN;
import static org.jovn.northd.flow.Stage.LR_IN_ND_RA_OPTIONS;
import static org.jovn.northd.flow.Stage.LR_IN_ND_RA_RESPONSE;
import static org.jovn.northd.flow.Stage.LR_IN_UNSNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_CHK_DNAT_LOCAL;
import static org.jovn.northd.flow.Stage.LR_OUT_DELIVERY;
import static org.jovn.northd.flow.Stage.LR_OUT_EGR_LOOP;
import static org.jovn.northd.flow.Stage.LR_OUT_POST_SNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_POST_UNDNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_SNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_UNDNAT;

import java.util.List;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.flow.Stage;
import org.jovn.northd.model.RouterAttachment;

/**
 * The stages a distributed router without NAT, load balancers or gateway ports only passes
 * through, and egress delivery to the router's enabled ports.
 */
final class RouterDefaults {
  private static final List<Stage> PASS = List.of(LR_IN_UNSNAT, LR_IN_DEFRAG, LR_IN_LB_AFF_CHECK,
      LR_IN_DNAT, LR_IN_LB_AFF_LEARN, LR_IN_ECMP_STATEFUL, LR_IN_ND_RA_OPTIONS,
      LR_IN_ND_RA_RESPONSE, LR_IN_CHK_PKT_LEN, LR_IN_LARGER_PKTS, LR_IN_GW_REDIRECT,
      LR_OUT_UNDNAT, LR_OUT_POST_UNDNAT, LR_OUT_SNAT, LR_OUT_POST_SNAT, LR_OUT_EGR_LOOP);

  private RouterDefaults() {}

  static void build(RouterContext ctx, FlowSink sink) {
    PASS.forEach(s -> sink.add(s, 0, "1", "next;"));
    // reg9[4]: whether the destination is a DNAT address handled on this chassis.
    sink.add(LR_OUT_CHK_DNAT_LOCAL, 0, "1", "reg9[4] = 0; next;");
    // Neighbor solicitations that ovn-controller sends skip conntrack.
    sink.add(LR_OUT_SNAT, 120, "nd_ns", "next;");
    delivery(ctx, sink);
  }

  /** Packets leave through enabled ports only; the default drop comes with the first one. */
  private static void delivery(RouterContext ctx, FlowSink sink) {
    boolean any = false;
    for (RouterAttachment a : ctx.attachments()) {
      if (a.port().enabled()) {
        sink.add(LR_OUT_DELIVERY, 100, "outport == " + ctx.port(a).key(), "output;");
        any = true;
      }
    }
    if (any) {
      sink.add(LR_OUT_DELIVERY, 0, "1", "drop;");
    }
  }
}
