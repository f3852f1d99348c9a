package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.disabled;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.lrp;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.port;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.routerPort;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.sw;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.SwitchInput;
import org.junit.jupiter.api.Test;

/**
 * Compares our switch pipeline, line for line, with what the real ovn-northd 23.03.1 wrote to
 * the Southbound database for the same Northbound contents. Each golden file under
 * {@code golden/} holds the {@code ovn-sbctl lflow-list} output (23.03.1) for one switch, the
 * flows tagged with {@code in_out_port}, and the switch's {@code Multicast_Group} rows; its
 * header lists the {@code ovn-nbctl} commands that built the topology.
 */
class SwitchPipelineGoldenTest {
  @Test
  void flows_twoVmsAndRouter_matchRealNorthd() throws IOException {
    RouterPortInput lrp0 = lrp("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24");
    SwitchInput in = sw("sw0",
        port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1")
            .portSecurity("0a:00:00:00:00:01 10.0.0.1"),
        port("vm2").addresses("0a:00:00:00:00:02 10.0.0.2"),
        routerPort("sw0-lr0", lrp0));
    assertMatchesGolden("sw0-two-vms-and-router", in);
  }

  @Test
  void flows_mixedPorts_matchRealNorthd() throws IOException {
    RouterPortInput lrp0 = lrp("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24", "fd00::fe/64");
    SwitchInput in = sw("swA",
        port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1 fd00::1")
            .portSecurity("0a:00:00:00:00:01 10.0.0.1 fd00::1"),
        port("vm2").addresses("0a:00:00:00:00:02 10.0.0.2", "0a:00:00:00:00:12 10.0.0.12 10.0.0.22"),
        port("vm3").addresses("unknown"),
        port("vm4").addresses("0a:00:00:00:00:04 10.0.0.4", "unknown")
            .portSecurity("0a:00:00:00:00:04"),
        port("vm5").addresses("0a:00:00:00:00:05 10.0.0.5").disabled(),
        port("ln").type("localnet").addresses("unknown").option("network_name", "physnet1"),
        routerPort("swA-lr0", lrp0),
        port("vm6").addresses("0a:00:00:00:00:06"),
        port("vm7").addresses("0a:00:00:00:00:07 fd00::7"),
        port("vm8").addresses("unknown").disabled());
    assertMatchesGolden("swA-mixed-ports", in);
  }

  @Test
  void flows_switchOfOnlyRouterPorts_matchRealNorthd() throws IOException {
    SwitchInput in = sw("join",
        routerPort("j-lr1", lrp("lr1-j", "00:00:00:00:01:01", "100.64.0.1/16")),
        routerPort("j-lr2", lrp("lr2-j", "00:00:00:00:02:01", "100.64.0.2/16", "fd01::2/64")));
    assertMatchesGolden("join-only-router-ports", in);
  }

  @Test
  void flows_vlanPassthruWithDisabledAndMissingRouterPeers_matchRealNorthd() throws IOException {
    RouterPortInput lrp3 = disabled(lrp("lrp3", "00:00:00:00:03:01", "192.168.3.1/24"));
    SwitchInput in = sw("swC", Map.of("vlan-passthru", "true"),
        routerPort("c-lr3", lrp3),
        port("c-nopeer").type("router").option("router-port", "missing").addresses("router"),
        port("c1").addresses("0a:00:00:00:0c:01 192.168.3.11")
            .option("mcast_flood", "true").option("mcast_flood_reports", "true"),
        port("lnC").type("localnet").addresses("0a:00:00:00:0c:0f 192.168.3.15")
            .option("network_name", "phys").option("localnet_learn_fdb", "true"));
    assertMatchesGolden("swC-vlan-passthru", in);
  }

  @Test
  void flows_duplicateAddressesAndLearningLocalnet_matchRealNorthd() throws IOException {
    SwitchInput in = sw("swD",
        port("lnD").type("localnet").addresses("unknown")
            .option("network_name", "phys").option("localnet_learn_fdb", "true"),
        port("d1").addresses("0a:00:00:00:0d:01 10.13.0.1 10.13.0.1"),
        port("d2").addresses("0a:00:00:00:0d:01 10.13.0.1"));
    assertMatchesGolden("swD-duplicates-localnet-learning", in);
  }

  @Test
  void flows_emptySwitch_matchRealNorthd() throws IOException {
    assertMatchesGolden("swE-empty", sw("swE"));
  }

  @Test
  void flows_arpProxyLocalnetAddressesAndLocalport_matchRealNorthd() throws IOException {
    RouterPortInput lrp4 = lrp("lrp4", "00:00:00:00:04:01", "192.168.4.1/24", "2001:db8::1/64");
    SwitchInput in = sw("swF",
        routerPort("f-lr4", lrp4)
            .option("arp_proxy", "192.168.4.50 192.168.4.60/24 2001:db8::50 192.168.4.70"),
        port("lnF").type("localnet").addresses("0a:00:00:00:0f:0f 192.168.4.15")
            .option("network_name", "phys"),
        port("lp").type("localport").addresses("0a:00:00:00:0f:01 192.168.4.2", "unknown"),
        port("f1").addresses("0A:00:00:00:0F:02 192.168.4.3/24 2001:DB8:0:0::3"));
    assertMatchesGolden("swF-arp-proxy-localnet-localport", in);
  }

  @Test
  void flows_dynamicAddressDisabledRouterPortAndQuotedName_matchRealNorthd() throws IOException {
    RouterPortInput lrp5 = lrp("lrp5", "00:00:00:00:05:01", "10.5.0.1/24", "10.6.0.1/24",
        "fd05::1/64");
    RouterPortInput lrp6 = lrp("lrp6", "00:00:00:00:06:01", "fd06::1/64");
    SwitchInput in = sw("swG", Map.of("subnet", "10.5.0.0/24"),
        routerPort("g-lr5", lrp5).disabled(),
        routerPort("g-lr6", lrp6),
        // "dynamic", as assigned under options:mac_prefix=0a:00:05
        port("g1").addresses("0a:00:05:05:00:03 10.5.0.2"),
        port("we\"ird").addresses("0a:00:00:00:07:01 10.5.0.77 fe80::1")
            .portSecurity("10.5.0.77"),
        port("g3").addresses("0a:00:00:00:07:03 10.5.0.78", "unknown")
            .portSecurity("10.5.0.78"));
    assertMatchesGolden("swG-dynamic-disabled-router-quoted-name", in);
  }

  private static void assertMatchesGolden(String name, SwitchInput in) throws IOException {
    List<String> golden = SwitchPipelineFixtures.golden(name);
    List<LogicalFlow> flows = SwitchPipeline.flows(in);
    assertThat(SwitchPipelineFixtures.render(flows))
        .as("lflow-list of %s", name)
        .containsExactlyElementsOf(golden.stream()
            .filter(l -> l.startsWith("Pipeline: ") || l.startsWith("  table=")).toList());
    assertThat(SwitchPipelineFixtures.portTags(flows)).as("in_out_port tags of %s", name)
        .containsExactlyInAnyOrderElementsOf(
            golden.stream().filter(l -> l.startsWith("Port: ")).toList());
    assertThat(groups(SwitchPipeline.multicastGroups(in))).as("multicast groups of %s", name)
        .containsExactlyElementsOf(
            golden.stream().filter(l -> l.startsWith("Group: ")).toList());
  }

  private static List<String> groups(List<MulticastGroup> groups) {
    return groups.stream().map(g -> "Group: " + g.name() + " " + g.tunnelKey() + " "
        + String.join(" ", g.ports().stream().sorted().toList())).toList();
  }
}
