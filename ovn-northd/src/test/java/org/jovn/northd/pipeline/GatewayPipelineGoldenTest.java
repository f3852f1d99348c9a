package org.jovn.northd.pipeline;

import static org.jovn.northd.pipeline.RouterPipelineTest.lines;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.jovn.northd.GoldenNorthbound;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateways and NAT against the real ovn-northd 23.03.1: the Northbound database the real
 * ovn-nbctl built (a golden resource, so the rows and their UUIDs are the real ones) is read as
 * northd reads it, and every router's and switch's flows must equal, line for line, what the
 * real ovn-northd wrote for it ({@code ovn-sbctl lflow-list}; each golden file lists the
 * ovn-nbctl commands).
 */
class GatewayPipelineGoldenTest {
  @TempDir Path dir;

  /**
   * Two gateway routers: gw on a VLAN provider network and joined to the distributed router
   * lr0 through a join switch, with SNAT (one on the router's own address, one IPv6, one with a
   * port range), DNAT, floating IPs (one stateless, one IPv6) and {@code dnat_force_snat_ip};
   * gw2 with {@code lb_force_snat_ip=router_ip}, explicit {@code nat-addresses} and external-IP
   * filters ({@code allowed_ext_ips}, {@code exempted_ext_ips}).
   */
  @Test
  void flows_gatewayRouters_equalRealNorthd() throws Exception {
    assertAllDatapathsMatch("gateway-router");
  }

  /**
   * Distributed gateway ports: dr with two gateway chassis, SNAT, centralized and distributed
   * floating IPs (IPv4 and IPv6, one on a virtual port), a stateless one; dr2 with an HA chassis
   * group, {@code redirect-type=bridged} and {@code reside-on-redirect-chassis}; dr3 with two
   * gateway ports and rules placed by external IP and by {@code gateway_port}.
   */
  @Test
  void flows_distributedGatewayPorts_equalRealNorthd() throws Exception {
    assertAllDatapathsMatch("distributed-gateway");
  }

  private void assertAllDatapathsMatch(String name) throws Exception {
    NorthboundInputs in = NorthboundInputs.read(GoldenNorthbound.snapshot(dir, name));
    String file = name + ".txt";
    SoftAssertions softly = new SoftAssertions();
    for (RouterInput lr : in.routers().values()) {
      List<String> golden = GoldenNorthbound.flowsOf(file, lr.name());
      softly.assertThat(lines(RouterPipeline.flows(lr))).as("router %s", lr.name())
          .containsExactlyInAnyOrderElementsOf(golden);
    }
    SwitchPipelineFixtures.softlyMatchSwitches(softly, in, file);
    softly.assertAll();
  }
}
