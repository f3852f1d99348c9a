package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.flow.Stage.LR_IN_ARP_REQUEST;
import static org.jovn.northd.flow.Stage.LR_IN_ARP_RESOLVE;
import static org.jovn.northd.pipeline.RouterPipelineTest.flow;
import static org.jovn.northd.pipeline.RouterPipelineTest.lines;
import static org.jovn.northd.pipeline.RouterPipelineTest.onSwitch;
import static org.jovn.northd.pipeline.RouterPipelineTest.patched;
import static org.jovn.northd.pipeline.RouterPipelineTest.port;
import static org.jovn.northd.pipeline.RouterPipelineTest.route;
import static org.jovn.northd.pipeline.RouterPipelineTest.router;
import static org.jovn.northd.pipeline.RouterPipelineTest.vif;

import java.util.List;
import java.util.Map;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.pipeline.RouterPipelineTest.Port;
import org.junit.jupiter.api.Test;

/**
 * Next-hop resolution: static ARP/ND entries for what is known on the far side of each port,
 * and solicitations for static routes' IPv6 next hops. Expected texts are what the real
 * ovn-northd 23.03.1 writes for the same configuration.
 */
class RouterPipelineArpTest {
  @Test
  void flows_vifNeighbors_resolvedStaticallyOnlyOnThePortsNetworks() {
    RouterInput in = router("lr0", Map.of(), List.of(onSwitch(
        port("lrp0", "00:00:00:00:01:01", "10.0.0.254/24", "fd00::fe/64"),
        vif("0a:00:00:00:00:02 10.0.0.2 10.5.0.2 fd00::12"))), List.of());

    List<String> flows = lines(RouterPipeline.flows(in));

    assertThat(flows).contains(
        flow(LR_IN_ARP_RESOLVE, 100, "outport == \"lrp0\" && reg0 == 10.0.0.2",
            "eth.dst = 0a:00:00:00:00:02; next;"),
        flow(LR_IN_ARP_RESOLVE, 100, "outport == \"lrp0\" && xxreg0 == fd00::12",
            "eth.dst = 0a:00:00:00:00:02; next;"));
    assertThat(flows).noneMatch(l -> l.contains("10.5.0.2"));
  }

  @Test
  void flows_routerNeighborOnSwitch_resolvedWithAllItsNetworks() {
    Port other = port("lr1-join", "00:00:00:00:02:02", "100.64.0.2/16", "100.65.0.2/16",
        "fd64::2/64");
    RouterInput in = router("lr0", Map.of(), List.of(onSwitch(
        port("lr0-join", "00:00:00:00:02:01", "100.64.0.1/16"), other.addresses())), List.of());

    assertThat(lines(RouterPipeline.flows(in))).contains(
        flow(LR_IN_ARP_RESOLVE, 100, "outport == \"lr0-join\" && reg0 == {100.64.0.2, "
            + "100.65.0.2}", "eth.dst = 00:00:00:00:02:02; next;"),
        flow(LR_IN_ARP_RESOLVE, 100, "outport == \"lr0-join\" && xxreg0 == {fd64::2, "
            + "fe80::200:ff:fe00:202}", "eth.dst = 00:00:00:00:02:02; next;"));
  }

  @Test
  void flows_dynamicNeighRouters_leavesRouterNeighborsToArp() {
    Port other = port("lr1-join", "00:00:00:00:02:02", "100.64.0.2/16");
    RouterInput in = router("lr0", Map.of("dynamic_neigh_routers", "true"), List.of(onSwitch(
        port("lr0-join", "00:00:00:00:02:01", "100.64.0.1/16"), other.addresses())), List.of());

    assertThat(RouterPipeline.flows(in))
        .noneMatch(f -> f.stage() == LR_IN_ARP_RESOLVE && f.priority() == 100);
  }

  @Test
  void flows_patchedPeer_resolvedAsOvnWritesIt() {
    Port a = port("lr1-lr2", "00:00:00:00:03:01", "172.16.0.1/30").withPeer("lr2-lr1");
    Port b = port("lr2-lr1", "00:00:00:00:03:02", "172.16.0.2/30", "fd72::2/64")
        .withPeer("lr1-lr2");
    RouterInput in = router("lr1", Map.of(), List.of(patched(a, b)), List.of());

    assertThat(lines(RouterPipeline.flows(in))).contains(
        flow(LR_IN_ARP_RESOLVE, 100, "outport == \"lr1-lr2\" && reg0== 172.16.0.2",
            "eth.dst = 00:00:00:00:03:02; next;"),
        flow(LR_IN_ARP_RESOLVE, 100, "outport == \"lr1-lr2\" && xxreg0 == {fd72::2, "
            + "fe80::200:ff:fe00:302}", "eth.dst = 00:00:00:00:03:02; next;"));
  }

  @Test
  void flows_ipv6Nexthop_isSolicitedAtItsSolicitedNodeAddress() {
    RouterInput in = router("lr0", Map.of(), List.of(onSwitch(
        port("p1", "00:00:00:00:00:01", "fd00::1/64"))), List.of(route("fd01::/64", "fd00::5")));

    assertThat(lines(RouterPipeline.flows(in))).contains(flow(LR_IN_ARP_REQUEST, 200,
        "eth.dst == 00:00:00:00:00:00 && ip6 && xxreg0 == fd00::5",
        "nd_ns { eth.dst = 33:33:ff:00:00:05; ip6.dst = ff02::1:ff00:5; nd.target = fd00::5; "
            + "output; };"));
  }
}
