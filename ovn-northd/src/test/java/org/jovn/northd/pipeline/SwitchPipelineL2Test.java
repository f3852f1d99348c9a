package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.flow.Stage.LS_IN_ARP_ND_RSP;
import static org.jovn.northd.flow.Stage.LS_IN_CHECK_PORT_SEC;
import static org.jovn.northd.flow.Stage.LS_IN_L2_LKUP;
import static org.jovn.northd.flow.Stage.LS_IN_L2_UNKNOWN;
import static org.jovn.northd.flow.Stage.LS_IN_LOOKUP_FDB;
import static org.jovn.northd.flow.Stage.LS_IN_PRE_LB;
import static org.jovn.northd.flow.Stage.LS_IN_PUT_FDB;
import static org.jovn.northd.flow.Stage.LS_OUT_PRE_LB;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.disabled;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.lrp;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.port;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.routerPort;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.sw;

import java.util.List;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.RouterPortInput;
import org.junit.jupiter.api.Test;

class SwitchPipelineL2Test {
  private static final RouterPortInput LRP0 = lrp("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24");

  @Test
  void flows_knownMac_goesToItsPort() {
    List<LogicalFlow> flows = SwitchPipeline.flows(
        sw("sw0", port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1", "0a:00:00:00:00:11")));

    assertThat(flows).contains(
        new LogicalFlow(LS_IN_L2_LKUP, 50, "eth.dst == 0a:00:00:00:00:01",
            "outport = \"vm1\"; output;"),
        new LogicalFlow(LS_IN_L2_LKUP, 50, "eth.dst == 0a:00:00:00:00:11",
            "outport = \"vm1\"; output;"));
  }

  @Test
  void flows_broadcast_floodsToEveryPort() {
    assertThat(SwitchPipeline.flows(sw("sw0"))).contains(
        new LogicalFlow(LS_IN_L2_LKUP, 70, "eth.mcast", "outport = \"_MC_flood\"; output;"));
  }

  @Test
  void flows_disabledPort_dropsWhatItSendsAndWhatItWouldGet() {
    List<LogicalFlow> flows = SwitchPipeline.flows(
        sw("sw0", port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1").disabled()));

    assertThat(flows).contains(
        new LogicalFlow(LS_IN_CHECK_PORT_SEC, 100, "inport == \"vm1\"", "reg0[15] = 1; next;",
            "vm1"),
        new LogicalFlow(LS_IN_L2_UNKNOWN, 50, "outport == \"vm1\"", "drop;", "vm1"),
        new LogicalFlow(LS_IN_L2_LKUP, 50, "eth.dst == 0a:00:00:00:00:01", "drop;"));
  }

  @Test
  void flows_enabledPortWithUnknown_sendsUnknownDestinationsToMcUnknown() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0", port("vm1").addresses("unknown")));

    assertThat(flows).contains(new LogicalFlow(LS_IN_L2_UNKNOWN, 50, "outport == \"none\"",
        "outport = \"_MC_unknown\"; output;"));
  }

  @Test
  void flows_onlyDisabledPortWithUnknown_dropsUnknownDestinations() {
    List<LogicalFlow> flows =
        SwitchPipeline.flows(sw("sw0", port("vm1").addresses("unknown").disabled()));

    assertThat(flows).contains(
        new LogicalFlow(LS_IN_L2_UNKNOWN, 50, "outport == \"none\"", "drop;"));
  }

  @Test
  void flows_vifWithUnknownAndNoPortSecurity_learnsSourceMacs() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0", port("vm1").addresses("unknown")));

    assertThat(flows).contains(
        new LogicalFlow(LS_IN_LOOKUP_FDB, 100, "inport == \"vm1\"",
            "reg0[11] = lookup_fdb(inport, eth.src); next;", "vm1"),
        new LogicalFlow(LS_IN_PUT_FDB, 100, "inport == \"vm1\" && reg0[11] == 0",
            "put_fdb(inport, eth.src); next;", "vm1"));
  }

  @Test
  void flows_vifWithUnknownAndPortSecurity_learnsNothing() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0",
        port("vm1").addresses("unknown").portSecurity("0a:00:00:00:00:01")));

    assertThat(flows).filteredOn(f -> f.stage() == LS_IN_LOOKUP_FDB).hasSize(1);
  }

  @Test
  void flows_routerPortBesideVifs_clonesArpForRouterIpToRouterAndFloodsL2() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0",
        routerPort("sw0-lr0", LRP0), port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1")));

    assertThat(flows).contains(
        new LogicalFlow(LS_IN_L2_LKUP, 80, "flags[1] == 0 && arp.op == 1 && arp.tpa == 10.0.0.254",
            "clone {outport = \"sw0-lr0\"; output; }; outport = \"_MC_flood_l2\"; output;"),
        new LogicalFlow(LS_IN_L2_LKUP, 75,
            "eth.src == {00:00:00:00:ff:01} && (arp.op == 1 || rarp.op == 3 || nd_ns)",
            "outport = \"_MC_flood_l2\"; output;"));
  }

  @Test
  void flows_onlyRouterPorts_sendsArpForRouterIpOnlyToItsOwner() {
    RouterPortInput lrp1 = lrp("lrp1", "00:00:00:00:ff:02", "10.0.0.253/24");
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("join",
        routerPort("a", LRP0), routerPort("b", lrp1)));

    assertThat(flows).contains(new LogicalFlow(LS_IN_L2_LKUP, 80,
        "flags[1] == 0 && arp.op == 1 && arp.tpa == 10.0.0.253", "outport = \"b\"; output;"));
    assertThat(flows).noneMatch(f -> f.stage() == LS_IN_L2_LKUP && f.priority() == 75);
  }

  @Test
  void flows_disabledRouterPeer_noArpSteering() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0",
        routerPort("sw0-lr0", disabled(LRP0)), port("vm1").addresses("unknown")));

    assertThat(flows).noneMatch(f -> f.stage() == LS_IN_L2_LKUP
        && (f.priority() == 80 || f.priority() == 75));
    assertThat(flows).contains(new LogicalFlow(LS_IN_L2_LKUP, 50, "eth.dst == 00:00:00:00:ff:01",
        "outport = \"sw0-lr0\"; output;"));
  }

  @Test
  void flows_routerAndLocalnetPorts_bypassConntrack() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0",
        routerPort("sw0-lr0", LRP0), port("ln").type("localnet").addresses("unknown")));

    assertThat(flows).contains(
        new LogicalFlow(LS_IN_PRE_LB, 110, "ip && inport == \"sw0-lr0\"", "next;", "sw0-lr0"),
        new LogicalFlow(LS_OUT_PRE_LB, 110, "ip && outport == \"sw0-lr0\"", "ct_clear; next;",
            "sw0-lr0"),
        new LogicalFlow(LS_IN_PRE_LB, 110, "ip && inport == \"ln\"", "next;", "ln"),
        new LogicalFlow(LS_OUT_PRE_LB, 110, "ip && outport == \"ln\"", "ct_clear; next;", "ln"));
  }

  @Test
  void flows_sameAddressOnTwoPorts_sharedFlowsOnce() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0",
        port("a").addresses("0a:00:00:00:00:01 10.0.0.1"),
        port("b").addresses("0a:00:00:00:00:01 10.0.0.1")));

    assertThat(flows).filteredOn(f -> f.stage() == LS_IN_ARP_ND_RSP && f.priority() == 50)
        .hasSize(1);
    assertThat(flows).filteredOn(f -> f.stage() == LS_IN_L2_LKUP && f.priority() == 50)
        .hasSize(2);
  }
}
