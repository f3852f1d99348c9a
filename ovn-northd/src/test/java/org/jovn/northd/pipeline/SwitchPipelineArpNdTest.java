package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.flow.Stage.LS_IN_ARP_ND_RSP;
import static org.jovn.northd.flow.Stage.LS_IN_CHECK_PORT_SEC;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.lrp;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.port;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.routerPort;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.sw;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.net.PortAddresses;
import org.junit.jupiter.api.Test;

class SwitchPipelineArpNdTest {
  private static final String ARP_REPLY_VM1 = "eth.dst = eth.src; eth.src = 0a:00:00:00:00:01; "
      + "arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = 0a:00:00:00:00:01; "
      + "arp.tpa = arp.spa; arp.spa = 10.0.0.1; outport = inport; flags.loopback = 1; output;";

  @Test
  void flows_vifWithAddresses_answersArp() {
    List<LogicalFlow> flows = SwitchPipeline.flows(
        sw("sw0", port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1")));

    assertThat(flows).contains(
        new LogicalFlow(LS_IN_ARP_ND_RSP, 50, "arp.tpa == 10.0.0.1 && arp.op == 1", ARP_REPLY_VM1));
  }

  @Test
  void flows_vifWithAddresses_letsItsOwnArpThrough() {
    List<LogicalFlow> flows = SwitchPipeline.flows(
        sw("sw0", port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1")));

    assertThat(flows).contains(new LogicalFlow(LS_IN_ARP_ND_RSP, 100,
        "arp.tpa == 10.0.0.1 && arp.op == 1 && inport == \"vm1\"", "next;", "vm1"));
  }

  @Test
  void flows_vifWithIpv6_answersNeighborSolicitation() {
    List<LogicalFlow> flows = SwitchPipeline.flows(
        sw("sw0", port("vm1").addresses("0a:00:00:00:00:01 fd00::1:2")));

    assertThat(flows).contains(new LogicalFlow(LS_IN_ARP_ND_RSP, 50,
        "nd_ns && ip6.dst == {fd00::1:2, ff02::1:ff01:2} && nd.target == fd00::1:2",
        "nd_na { eth.src = 0a:00:00:00:00:01; ip6.src = fd00::1:2; nd.target = fd00::1:2; "
            + "nd.tll = 0a:00:00:00:00:01; outport = inport; flags.loopback = 1; output; };"));
  }

  @Test
  void flows_routerPort_answersForItsLinkLocalAddressAsRouter() {
    RouterPortInput lrp0 = lrp("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24");
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0", routerPort("sw0-lr0", lrp0)));

    assertThat(flows).contains(new LogicalFlow(LS_IN_ARP_ND_RSP, 50,
        "nd_ns && ip6.dst == {fe80::200:ff:fe00:ff01, ff02::1:ff00:ff01} "
            + "&& nd.target == fe80::200:ff:fe00:ff01",
        "nd_na_router { eth.src = 00:00:00:00:ff:01; ip6.src = fe80::200:ff:fe00:ff01; "
            + "nd.target = fe80::200:ff:fe00:ff01; nd.tll = 00:00:00:00:ff:01; "
            + "outport = inport; flags.loopback = 1; output; };"));
  }

  @Test
  void flows_routerPeerAlreadyListingLinkLocal_sameFlows() {
    RouterPortInput plain = lrp("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24");
    RouterPortInput withLla = new RouterPortInput(plain.uuid(), plain.name(),
        PortAddresses.ofRouterPort("00:00:00:00:ff:01",
            List.of("10.0.0.254/24", "fe80::200:ff:fe00:ff01/64")),
        true, Optional.empty());

    assertThat(SwitchPipeline.flows(sw("sw0", routerPort("p", withLla))))
        .isEqualTo(SwitchPipeline.flows(sw("sw0", routerPort("p", plain))));
  }

  @Test
  void flows_portWithUnknown_hasNoResponder() {
    List<LogicalFlow> flows = SwitchPipeline.flows(
        sw("sw0", port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1", "unknown")));

    assertThat(flows).filteredOn(f -> f.stage() == LS_IN_ARP_ND_RSP)
        .containsExactly(new LogicalFlow(LS_IN_ARP_ND_RSP, 0, "1", "next;"));
  }

  @Test
  void flows_localnetPort_skipsResponderForWhatComesFromIt() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0",
        port("ln").type("localnet").addresses("unknown").option("network_name", "phys")));

    assertThat(flows).contains(
        new LogicalFlow(LS_IN_ARP_ND_RSP, 100, "inport == \"ln\"", "next;", "ln"));
  }

  @Test
  void flows_vlanPassthru_hasNoResponderAndLetsVlansIn() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0", Map.of("vlan-passthru", "true"),
        port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1")));

    assertThat(flows).filteredOn(f -> f.stage() == LS_IN_ARP_ND_RSP).hasSize(1);
    assertThat(flows).noneMatch(
        f -> f.stage() == LS_IN_CHECK_PORT_SEC && f.match().equals("vlan.present"));
  }

  @Test
  void flows_arpProxy_answersWithRouterMacForListedIpv4() {
    RouterPortInput lrp0 = lrp("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24");
    List<LogicalFlow> flows = SwitchPipeline.flows(sw("sw0",
        routerPort("sw0-lr0", lrp0).option("arp_proxy", "10.0.0.50 fd00::50 10.0.0.60/24")));

    assertThat(flows).contains(new LogicalFlow(LS_IN_ARP_ND_RSP, 50,
        "arp.op == 1 && arp.tpa == {10.0.0.50,10.0.0.60}",
        "eth.dst = eth.src; eth.src = 00:00:00:00:ff:01; arp.op = 2; /* ARP reply */ "
            + "arp.tha = arp.sha; arp.sha = 00:00:00:00:ff:01; arp.tpa <-> arp.spa; "
            + "outport = inport; flags.loopback = 1; output;"));
  }
}
