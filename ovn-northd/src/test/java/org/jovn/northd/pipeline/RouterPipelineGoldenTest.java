package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.pipeline.RouterPipelineTest.alone;
import static org.jovn.northd.pipeline.RouterPipelineTest.lines;
import static org.jovn.northd.pipeline.RouterPipelineTest.onSwitch;
import static org.jovn.northd.pipeline.RouterPipelineTest.patched;
import static org.jovn.northd.pipeline.RouterPipelineTest.port;
import static org.jovn.northd.pipeline.RouterPipelineTest.portWithUuid;
import static org.jovn.northd.pipeline.RouterPipelineTest.route;
import static org.jovn.northd.pipeline.RouterPipelineTest.router;
import static org.jovn.northd.pipeline.RouterPipelineTest.vif;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.pipeline.RouterPipelineTest.Port;
import org.jovn.northd.pipeline.RouterPipelineTest.Route;
import org.junit.jupiter.api.Test;

/**
 * Our router flows against {@code ovn-sbctl lflow-list} of the real ovn-northd 23.03.1 for the
 * same Northbound contents; each golden file says which ovn-nbctl commands made it. The inputs
 * here are what those commands create, with the real rows' UUIDs where numbering depends on
 * them (route tables, ECMP groups and members follow the order of UUIDs).
 */
class RouterPipelineGoldenTest {
  @Test
  void flows_twoSwitchesAndStaticRoute_equalRealNorthd() throws IOException {
    Port lrp0 = port("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24");
    Port lrp1 = port("lrp1", "00:00:00:00:ff:02", "10.0.1.254/24");
    RouterInput lr0 = router("lr0", Map.of(),
        List.of(onSwitch(lrp0, vif("0a:00:00:00:00:01 10.0.0.1"), vif("0a:00:00:00:00:02 10.0.0.2")),
            onSwitch(lrp1, vif("0a:00:00:00:00:03 10.0.1.3"))),
        List.of(route("10.2.0.0/16", "10.0.1.100")));

    assertThat(lines(RouterPipeline.flows(lr0)))
        .containsExactlyInAnyOrderElementsOf(golden("router-two-switches.txt", "lr0"));
  }

  @Test
  void flows_joinSwitchPeerEcmpRouteTablesIpv6_equalRealNorthd() throws IOException {
    Port lr0Join = portWithUuid("14129776-53e8-4795-ae37-8722e6448c84", "lr0-join",
        "00:00:00:00:02:01", "100.64.0.1/16");
    Port lr0Lr2 = portWithUuid("3d0b19f9-e58b-41ea-aa02-23cd3d8721eb", "lr0-lr2",
        "00:00:00:00:03:01", "172.16.0.1/30").withPeer("lr2-lr0");
    Port lr0Off = portWithUuid("0c943da5-ca02-4375-83fd-a9f8125968b8", "lr0-off",
        "00:00:00:00:04:01", "10.4.0.1/24").disabled();
    Port lr0Sw0 = portWithUuid("caf3e3e0-b2ce-470f-b7ff-1d4d96dc1d36", "lr0-sw0",
        "00:00:00:00:01:01", "10.0.0.254/24", "fd00::fe/64").withRouteTable("rtb1");
    Port lr1Join = portWithUuid("09345b90-19d9-49d5-8e54-e1315ee137d1", "lr1-join",
        "00:00:00:00:02:02", "100.64.0.2/16", "100.65.0.2/16", "fd64::2/64");
    Port lr2Lr0 = portWithUuid("9128f6e9-f0ca-4133-a68e-dc37739fa547", "lr2-lr0",
        "00:00:00:00:03:02", "172.16.0.2/30", "fd72::2/64").withPeer("lr0-lr2");

    RouterInput lr0 = router("lr0", Map.of(), List.of(
        onSwitch(lr0Join, lr1Join.addresses()),
        patched(lr0Lr2, lr2Lr0),
        alone(lr0Off),
        onSwitch(lr0Sw0, vif("0a:00:00:00:00:01 10.0.0.1 fd00::11"),
            vif("0a:00:00:00:00:02 10.0.0.2 10.5.0.2 fd00::12"), vif("0a:00:00:00:00:03 10.0.0.3"),
            vif("0a:00:00:00:00:33 10.0.0.33"))),
        lr0Routes());
    RouterInput lr1 = router("lr1", Map.of(),
        List.of(onSwitch(lr1Join, lr0Join.addresses())),
        List.of(route("91ee66e8-230d-4116-8d97-f040a1590701", "10.0.0.0/24", "100.64.0.1")));
    RouterInput lr2 = router("lr2", Map.of(), List.of(patched(lr2Lr0, lr0Lr2)),
        List.of());

    assertThat(lines(RouterPipeline.flows(lr0)))
        .containsExactlyInAnyOrderElementsOf(golden("router-features.txt", "lr0"));
    assertThat(lines(RouterPipeline.flows(lr1)))
        .containsExactlyInAnyOrderElementsOf(golden("router-features.txt", "lr1"));
    assertThat(lines(RouterPipeline.flows(lr2)))
        .containsExactlyInAnyOrderElementsOf(golden("router-features.txt", "lr2"));
  }

  @Test
  void flows_routingEdgeCases_equalRealNorthd() throws IOException {
    Port p1 = portWithUuid("05dc5eee-cfcf-412f-8a68-5265301da14f", "p1", "00:00:00:00:00:01",
        "10.0.0.1/24", "fd00::1/64");
    Port p2 = portWithUuid("9ca87985-c215-408b-b3c2-0fee63461b9f", "p2", "00:00:00:00:00:02",
        "10.1.0.1/24", "192.168.0.1/16");
    RouterInput lr0 = router("lr0", Map.of(), List.of(alone(p1), alone(p2)), List.of(
        route("fcaffdb9-4a61-4e8f-98d9-cea9ca7b7f36", "10.88.0.0/16", "10.1.0.88").via("p1"),
        route("646e3a82-afc8-498a-9ecc-6399a72e9b17", "fe80::/64", "fd00::5"),
        route("56ed3853-1779-49d8-bef5-bad898633651", "10.60.0.0/16", "10.0.0.60")
            .withOption("origin", "connected"),
        route("92cbd98b-7b30-46d8-abf6-cd26e710eb9d", "10.101.0.0/16", "").via("p2"),
        route("e91cc0bd-b605-46c8-8a4d-9442227c2bf1", "10.70.0.5", "10.0.0.70"),
        route("3c913365-57b3-4422-ae73-95eb105e7cbb", "10.0.0.0/24", "10.1.0.5")
            .withPolicy("src-ip").inTable("t1"),
        route("73ac9127-7a66-4477-961f-86b1ce7b26ae", "10.0.0.0/24", "10.1.0.6")
            .withPolicy("src-ip").inTable("t1"),
        route("1ebb82cf-0c30-4f9b-9057-3d00dff8bdde", "fd50::/64", "fe80::5")));

    assertThat(lines(RouterPipeline.flows(lr0)))
        .containsExactlyInAnyOrderElementsOf(golden("router-routing-edge-cases.txt", "lr0"));
  }

  @Test
  void flows_noPortAndOnlyDisabledPortWithOwnLinkLocal_equalRealNorthd() throws IOException {
    RouterInput lrx = router("lrx", Map.of(), List.of(), List.of());
    RouterInput lry = router("lry", Map.of(), List.of(
        alone(port("p", "00:00:00:00:00:09", "10.9.9.1/24", "fe80::1/64").disabled())),
        List.of());

    assertThat(lines(RouterPipeline.flows(lrx))).containsExactlyInAnyOrderElementsOf(
        golden("router-no-port-and-disabled-port.txt", "lrx"));
    assertThat(lines(RouterPipeline.flows(lry))).containsExactlyInAnyOrderElementsOf(
        golden("router-no-port-and-disabled-port.txt", "lry"));
  }

  private static List<Route> lr0Routes() {
    return List.of(
        route("f39cff68-670f-47ea-a0d0-265f3dcbce51", "0.0.0.0/0", "100.64.0.2"),
        route("38a5a0cb-19c3-41b3-b755-cef5a0a44010", "10.50.0.0/16", "10.0.0.50").inTable("rtb1"),
        route("1e4e9ce3-5963-4dc5-a371-ba71c650e03e", "fd98::/64", "fd00::97"),
        route("3e0bdb03-3ba3-45fc-a579-ae06540537bc", "10.99.0.0/16", "discard"),
        route("7f07e683-7a2a-4d51-9278-a42ae8ff14b4", "fd98::/64", "fd00::98"),
        route("02d35d04-8967-4d60-89fb-debbc8b950e4", "10.100.0.0/16", "100.64.0.2"),
        route("b7d598d4-ab96-43d3-8f7a-d3665333d704", "10.9.0.0/16", "10.0.0.9"),
        route("12287ccc-9e86-4b69-b392-b3fa372fac2f", "10.9.0.0/16", "172.16.0.2"),
        route("e0b2a615-ae54-46c6-ad69-365877c8e574", "10.51.0.0/16", "10.0.0.51").inTable("rtb2"),
        route("0340b8ad-33f4-41a6-bdda-e7b404eebfa3", "10.102.0.0/16", "192.168.9.9"),
        route("bf7229cd-4754-4207-ad55-2cb143420cd7", "10.9.0.0/16", "100.64.0.2"),
        route("f512909e-1ca7-43dc-8470-dd705fbac931", "10.0.0.0/24", "100.64.0.2")
            .withPolicy("src-ip"),
        route("3850df7f-65fe-44fd-81f4-931c1bdca9df", "10.77.0.0/16", "10.77.0.1")
            .via("lr0-join"),
        route("29eba20f-71c8-4014-b172-6bd618af1941", "fd99::/64", "fd00::99"));
  }

  /** The flow lines of one router's datapath (both pipelines) in a golden file. */
  private static List<String> golden(String file, String router) throws IOException {
    String text;
    try (InputStream in = RouterPipelineGoldenTest.class.getResourceAsStream("/golden/" + file)) {
      assertThat(in).as("golden file %s", file).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    boolean inRouter = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("Datapath: ")) {
        inRouter = line.startsWith("Datapath: \"" + router + "\" ");
      } else if (inRouter && line.startsWith("  table=")) {
        out.add(line);
      }
    }
    assertThat(out).as("flows of %s in %s", router, file).isNotEmpty();
    return out;
  }
}
