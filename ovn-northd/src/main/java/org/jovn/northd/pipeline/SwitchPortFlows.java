package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_CHECK_PORT_SEC;
import static org.jovn.northd.flow.Stage.LS_IN_L2_UNKNOWN;
import static org.jovn.northd.flow.Stage.LS_IN_LOOKUP_FDB;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_LB;
import static org.jovn.northd.flow.Stage.LS_IN_PUT_FDB;
import static org.jovn.northd.flow.Stage.LS_OUT_PRE_LB;

import java.util.Arrays;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.northd.net.MacAddress;

/**
 * Per-port flows outside address handling: disabled ports, MAC learning for ports that take
 * unknown destinations, and keeping router and localnet ports out of conntrack.
 */
final class SwitchPortFlows {
  /** Set by {@code lookup_fdb} when the source MAC is already learnt on the port. */
  private static final String LOOKUP_FDB = "reg0[11]";

  private SwitchPortFlows() {
  }

  static void build(SwitchView sw, FlowSink sink) {
    for (SwitchPortInput p : sw.ports()) {
      disabled(p, sink);
      learnFdb(p, sink);
    }
    for (SwitchPortInput p : sw.routerPorts()) {
      skipConntrack(sw, p, sink);
    }
    if (!sw.hasLbVip()) {
      // With a load balancer, traffic from the localnet port must be balanced too.
      for (SwitchPortInput p : sw.localnetPorts()) {
        skipConntrack(sw, p, sink);
      }
    }
  }

  /** A disabled port: drop what it sends and what is sent to it. */
  private static void disabled(SwitchPortInput p, FlowSink sink) {
    if (p.enabled() || SwitchView.isExternal(p)) {
      return;
    }
    String key = SwitchView.key(p.name());
    sink.addForPort(LS_IN_CHECK_PORT_SEC, 100, "inport == " + key,
        SwitchDefaults.PORT_SEC_DROP + " = 1; next;", p.name());
    sink.addForPort(LS_IN_L2_UNKNOWN, 50, "outport == " + key, SwitchDefaults.DROP, p.name());
  }

  /**
   * A VIF (or a localnet port with {@code options:localnet_learn_fdb}) that takes unknown
   * destinations and has no port security: learn the MACs it sends from.
   */
  private static void learnFdb(SwitchPortInput p, FlowSink sink) {
    boolean learns = p.isVif() || (SwitchView.isLocalnet(p)
        && SwitchView.option(p.options(), "localnet_learn_fdb", false));
    if (!p.unknown() || !learns || hasPortSecurity(p)) {
      return;
    }
    String match = "inport == " + SwitchView.key(p.name());
    sink.addForPort(LS_IN_LOOKUP_FDB, 100, match,
        LOOKUP_FDB + " = lookup_fdb(inport, eth.src); next;", p.name());
    sink.addForPort(LS_IN_PUT_FDB, 100, match + " && " + LOOKUP_FDB + " == 0",
        "put_fdb(inport, eth.src); next;", p.name());
  }

  /** Whether some {@code port_security} entry starts with a MAC address. */
  private static boolean hasPortSecurity(SwitchPortInput p) {
    return p.portSecurity().stream()
        .map(s -> Arrays.stream(s.trim().split("\\s+")).findFirst().orElse(""))
        .anyMatch(w -> MacAddress.tryParse(w).isPresent());
  }

  /**
   * Router and localnet ports bypass conntrack: their traffic was or will be tracked elsewhere.
   * Egress clears the conntrack state, unless a stateful ACL tracks the switch's traffic.
   */
  private static void skipConntrack(SwitchView sw, SwitchPortInput p, FlowSink sink) {
    String key = SwitchView.key(p.name());
    sink.addForPort(LS_IN_PRE_LB, 110, "ip && inport == " + key, SwitchDefaults.NEXT, p.name());
    sink.addForPort(LS_OUT_PRE_LB, 110, "ip && outport == " + key,
        sw.acls().stateful() ? SwitchDefaults.NEXT : "ct_clear; next;", p.name());
  }
}
