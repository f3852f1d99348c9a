package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_APPLY_PORT_SEC;
import static org.jovn.northd.flow.Stage.LS_IN_ARP_ND_RSP;
import static org.jovn.northd.flow.Stage.LS_IN_CHECK_PORT_SEC;
import static org.jovn.northd.flow.Stage.LS_IN_DHCP_OPTIONS;
import static org.jovn.northd.flow.Stage.LS_IN_DHCP_RESPONSE;
import static org.jovn.northd.flow.Stage.LS_IN_DNS_LOOKUP;
import static org.jovn.northd.flow.Stage.LS_IN_DNS_RESPONSE;
import static org.jovn.northd.flow.Stage.LS_IN_EXTERNAL_PORT;
import static org.jovn.northd.flow.Stage.LS_IN_HAIRPIN;
import static org.jovn.northd.flow.Stage.LS_IN_L2_LKUP;
import static org.jovn.northd.flow.Stage.LS_IN_L2_UNKNOWN;
import static org.jovn.northd.flow.Stage.LS_IN_LB;
import static org.jovn.northd.flow.Stage.LS_IN_LB_AFF_CHECK;
import static org.jovn.northd.flow.Stage.LS_IN_LB_AFF_LEARN;
import static org.jovn.northd.flow.Stage.LS_IN_LOOKUP_FDB;
import static org.jovn.northd.flow.Stage.LS_IN_NAT_HAIRPIN;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_HAIRPIN;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_LB;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_STATEFUL;
import static org.jovn.northd.flow.Stage.LS_IN_PUT_FDB;
import static org.jovn.northd.flow.Stage.LS_IN_QOS_MARK;
import static org.jovn.northd.flow.Stage.LS_IN_QOS_METER;
import static org.jovn.northd.flow.Stage.LS_IN_STATEFUL;
import static org.jovn.northd.flow.Stage.LS_OUT_APPLY_PORT_SEC;
import static org.jovn.northd.flow.Stage.LS_OUT_CHECK_PORT_SEC;
import static org.jovn.northd.flow.Stage.LS_OUT_PRE_LB;
import static org.jovn.northd.flow.Stage.LS_OUT_PRE_STATEFUL;
import static org.jovn.northd.flow.Stage.LS_OUT_QOS_MARK;
import static org.jovn.northd.flow.Stage.LS_OUT_QOS_METER;
import static org.jovn.northd.flow.Stage.LS_OUT_STATEFUL;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.flow.Stage;

/**
 * The flows every logical switch has whatever its ports: admission control, the stage defaults
 * of a switch without QoS, DHCP or DNS (what a load balancer adds is in {@link SwitchLbFlows}) (the ACL stages are in
 * {@link SwitchAclFlows}), and the broadcast and fallback rules of the destination lookup.
 */
final class SwitchDefaults {
  static final String PORT_SEC_DROP = "reg0[15]";
  static final String NEXT = "next;";
  static final String DROP = "drop;";

  private SwitchDefaults() {
  }

  static void build(SwitchView sw, FlowSink sink) {
    admission(sw, sink);
    preLb(sink);
    stateful(sink);
    SwitchAclFlows.build(sw, sink);
    qos(sink);
    passThrough(sink);
    destination(sw, sink);
    egressPortSecurity(sink);
  }

  /** Ingress tables 0 and 1: drop what no port may send, then check port security. */
  private static void admission(SwitchView sw, FlowSink sink) {
    if (!sw.vlanPassthru()) {
      sink.add(LS_IN_CHECK_PORT_SEC, 100, "vlan.present", DROP);
    }
    sink.add(LS_IN_CHECK_PORT_SEC, 100, "eth.src[40]", DROP);
    sink.add(LS_IN_CHECK_PORT_SEC, 50, "1", PORT_SEC_DROP + " = check_in_port_sec(); next;");
    sink.add(LS_IN_APPLY_PORT_SEC, 50, PORT_SEC_DROP + " == 1", DROP);
    sink.add(LS_IN_APPLY_PORT_SEC, 0, "1", NEXT);
  }

  /** Pre-LB: keep multicast, ND and service-monitor packets out of conntrack. */
  private static void preLb(FlowSink sink) {
    for (Stage s : new Stage[] {LS_IN_PRE_LB, LS_OUT_PRE_LB}) {
      sink.add(s, 110, "eth.mcast", NEXT);
      sink.add(s, 110, "nd || nd_rs || nd_ra || mldv1 || mldv2", NEXT);
      sink.add(s, 110, "reg0[16] == 1", NEXT);
      sink.add(s, 0, "1", NEXT);
    }
    sink.add(LS_IN_PRE_LB, 110, "eth.dst == $svc_monitor_mac", NEXT);
    sink.add(LS_OUT_PRE_LB, 110, "eth.src == $svc_monitor_mac", NEXT);
  }

  /** Pre-stateful and stateful: conntrack only what earlier stages marked. */
  private static void stateful(FlowSink sink) {
    for (Stage s : new Stage[] {LS_IN_PRE_STATEFUL, LS_OUT_PRE_STATEFUL}) {
      sink.add(s, 0, "1", NEXT);
      sink.add(s, 110, "reg0[2] == 1", "ct_lb_mark;");
      sink.add(s, 100, "reg0[0] == 1", "ct_next;");
    }
    for (Stage s : new Stage[] {LS_IN_STATEFUL, LS_OUT_STATEFUL}) {
      sink.add(s, 0, "1", NEXT);
      sink.add(s, 100, "reg0[1] == 1 && reg0[13] == 1",
          "ct_commit { ct_mark.blocked = 0; ct_label.label = reg3; }; next;");
      sink.add(s, 100, "reg0[1] == 1 && reg0[13] == 0",
          "ct_commit { ct_mark.blocked = 0; }; next;");
    }
  }

  /** QoS of a switch that has none. */
  private static void qos(FlowSink sink) {
    sink.add(LS_IN_QOS_MARK, 0, "1", NEXT);
    sink.add(LS_OUT_QOS_MARK, 0, "1", NEXT);
    sink.add(LS_IN_QOS_METER, 0, "1", NEXT);
    sink.add(LS_OUT_QOS_METER, 0, "1", NEXT);
  }

  /** Stages for features this switch does not use: every packet goes on. */
  private static void passThrough(FlowSink sink) {
    Stage[] stages = {LS_IN_LOOKUP_FDB, LS_IN_PUT_FDB, LS_IN_LB_AFF_CHECK, LS_IN_LB,
        LS_IN_LB_AFF_LEARN, LS_IN_PRE_HAIRPIN, LS_IN_NAT_HAIRPIN, LS_IN_HAIRPIN,
        LS_IN_ARP_ND_RSP, LS_IN_DHCP_OPTIONS, LS_IN_DHCP_RESPONSE, LS_IN_DNS_LOOKUP,
        LS_IN_DNS_RESPONSE, LS_IN_EXTERNAL_PORT};
    for (Stage s : stages) {
      sink.add(s, 0, "1", NEXT);
    }
  }

  /** Ingress tables 25 and 26: service monitor replies, broadcast, and unknown destinations. */
  private static void destination(SwitchView sw, FlowSink sink) {
    sink.add(LS_IN_L2_LKUP, 110, "eth.dst == $svc_monitor_mac && (tcp || icmp || icmp6)",
        "handle_svc_check(inport);");
    sink.add(LS_IN_L2_LKUP, 70, "eth.mcast", output(MulticastGroup.FLOOD));
    sink.add(LS_IN_L2_LKUP, 0, "1", "outport = get_fdb(eth.dst); next;");
    sink.add(LS_IN_L2_UNKNOWN, 50, "outport == \"none\"",
        sw.hasUnknown() ? output(MulticastGroup.UNKNOWN) : DROP);
    sink.add(LS_IN_L2_UNKNOWN, 0, "1", "output;");
  }

  /** Egress tables 8 and 9: port security of the output port, never for broadcast. */
  private static void egressPortSecurity(FlowSink sink) {
    sink.add(LS_OUT_CHECK_PORT_SEC, 100, "eth.mcast", PORT_SEC_DROP + " = 0; next;");
    sink.add(LS_OUT_CHECK_PORT_SEC, 0, "1",
        PORT_SEC_DROP + " = check_out_port_sec(); next;");
    sink.add(LS_OUT_APPLY_PORT_SEC, 50, PORT_SEC_DROP + " == 1", DROP);
    sink.add(LS_OUT_APPLY_PORT_SEC, 0, "1", "output;");
  }

  /** {@code outport = "NAME"; output;} for a port or multicast group name. */
  static String output(String name) {
    return "outport = " + SwitchView.key(name) + "; output;";
  }
}
