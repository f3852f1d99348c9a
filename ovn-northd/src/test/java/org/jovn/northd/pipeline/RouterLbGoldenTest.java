package org.jovn.northd.pipeline;

import static org.jovn.northd.pipeline.RouterPipelineTest.lines;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.jovn.northd.GoldenNorthbound;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.flow.TunnelKeyRef;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Router load balancers against the real ovn-northd 23.03.1: the Northbound database the real
 * ovn-nbctl built (golden resource {@code router-lb.nb.db}) is read as northd reads it, and
 * every router's and switch's flows, with the datapath tunnel keys the real northd gave filled
 * in, must equal what the real ovn-northd wrote for it.
 */
class RouterLbGoldenTest {
  /** The tunnel keys of the routers in {@code router-lb.txt}, as its header lists them. */
  private static final Map<String, Long> TUNNEL_KEYS = Map.of("gw", 10L, "gw2", 8L, "dr", 7L,
      "lr0", 9L, "lr1", 11L);
  /** The tunnel keys of the routers in {@code router-lb-edge.txt}. */
  private static final Map<String, Long> EDGE_TUNNEL_KEYS = Map.of("gw3", 8L, "dr2", 7L,
      "dr3", 6L, "lr5", 9L, "g5", 11L);

  /** The tunnel keys of the routers in {@code router-lb-routes.txt}. */
  private static final Map<String, Long> ROUTES_TUNNEL_KEYS = Map.of("dr", 6L, "lrx", 4L,
      "lry", 3L, "lrz", 5L, "lrg", 7L, "dr9", 9L, "gw9", 10L);

  @TempDir Path dir;

  /**
   * gw: a gateway router with {@code lb_force_snat_ip=router_ip}, NAT, VIPs with and without
   * ports, IPv6, {@code selection_fields}, a VIP that is a NAT external address, one that is
   * the router's own address, one on no network of the router, affinity; gw2: a gateway router
   * with {@code lb_force_snat_ip} addresses and a load balancer group (shared with switch sw1)
   * with {@code skip_snat}, a rejecting and a dropping VIP without backends and affinity with
   * {@code neighbor_responder=none}; dr: a router with a distributed gateway port and VIPs
   * (IPv6 and IPv4 affinity, {@code skip_snat}, reject, {@code neighbor_responder=all}, a VIP
   * that is a floating IP); lr0: a distributed router without gateway and a VIP; lr1: a load
   * balancer whose only VIP does not parse.
   */
  @Test
  void flows_routerLoadBalancers_equalRealNorthd() throws Exception {
    assertAllDatapathsMatch("router-lb", TUNNEL_KEYS);
  }

  /**
   * gw3: a gateway router with IPv4 and IPv6 {@code lb_force_snat_ip}, two load balancer
   * groups, IPv6 VIPs with and without a port (one with affinity), SCTP, a VIP without backends
   * that drops, a VIP reachable only through a disabled port, {@code add_route} and
   * {@code hairpin_snat_ip} (no effect on a router); dr2: two distributed gateway ports (the
   * first one balances); dr3: a distributed gateway port with {@code lb_force_snat_ip}
   * addresses, IPv4 and IPv6 affinity without ports; lr5: a {@code skip_snat} VIP that is the
   * address of the router's own port; g5: a link-local IPv6 VIP (reachable through every
   * port's link-local network).
   */
  @Test
  void flows_routerLoadBalancerEdgeCases_equalRealNorthd() throws Exception {
    assertAllDatapathsMatch("router-lb-edge", EDGE_TUNNEL_KEYS);
  }

  /**
   * {@code add_route}: the distributed gateway port of dr asks the other routers on its switch
   * (lrx with two IPv4 networks, lrz, the gateway router lrg) to route its centralized and
   * distributed floating IPs and IPv4 VIPs to it, not an IPv6 VIP, a VIP without the option or
   * a DNAT rule without it; the gateway router also resolves them to dr's MACs; lry, with IPv6
   * only, gets no routes; lrz's own rule asks nothing (no gateway port). dr9's only routable
   * VIP is IPv6: the gateway router gw9 next to it resolves an empty set of addresses.
   */
  @Test
  void flows_addRoute_routersOnTheGatewaySwitchRouteToIt() throws Exception {
    assertAllDatapathsMatch("router-lb-routes", ROUTES_TUNNEL_KEYS);
  }

  private void assertAllDatapathsMatch(String name, Map<String, Long> tunnelKeys)
      throws Exception {
    NorthboundInputs in = NorthboundInputs.read(GoldenNorthbound.snapshot(dir, name));
    String file = name + ".txt";
    SoftAssertions softly = new SoftAssertions();
    for (RouterInput lr : in.routers().values()) {
      List<String> golden = GoldenNorthbound.flowsOf(file, lr.name());
      long key = tunnelKeys.get(lr.name());
      List<LogicalFlow> flows = RouterPipeline.flows(lr).stream()
          .map(f -> TunnelKeyRef.resolve(f, key)).toList();
      softly.assertThat(lines(flows)).as("router %s", lr.name())
          .containsExactlyInAnyOrderElementsOf(golden);
    }
    SwitchPipelineFixtures.softlyMatchSwitches(softly, in, file);
    softly.assertAll();
  }
}
