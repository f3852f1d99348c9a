package org.jovn.northd.sb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jovn.northd.GoldenNorthbound;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.SwitchInput;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code Port_Binding}s we want for gateway routers, distributed gateway ports and provider
 * networks against those the real ovn-northd 23.03.1 wrote for the same Northbound database (the
 * golden {@code *.ports.txt} next to each {@code *.nb.db}): type, options, MAC, VLAN tag, NAT
 * addresses and HA chassis group with its members.
 */
class GatewayBindingsGoldenTest {
  @TempDir Path dir;

  @Test
  void bindings_gatewayRoutersAndVlanProviderNetwork_equalRealNorthd() throws Exception {
    assertBindingsMatch("gateway-router");
  }

  @Test
  void bindings_distributedGatewayPortsAndHaChassisGroups_equalRealNorthd() throws Exception {
    assertBindingsMatch("distributed-gateway");
  }

  /**
   * Router load balancer VIPs among the NAT addresses of {@code nat-addresses=router} ports
   * (in the order of OVN's string set of them), on a gateway router and on a distributed
   * gateway port.
   */
  @Test
  void bindings_routerLoadBalancerVips_equalRealNorthd() throws Exception {
    assertBindingsMatch("router-lb");
  }

  /** {@code exclude-lb-vips-from-garp}, two distributed gateway ports with VIPs. */
  @Test
  void bindings_routerLoadBalancerEdgeCases_equalRealNorthd() throws Exception {
    assertBindingsMatch("router-lb-edge");
  }

  /** Floating IPs and VIPs with {@code add_route} on a distributed gateway port. */
  @Test
  void bindings_addRouteNatAndVips_equalRealNorthd() throws Exception {
    assertBindingsMatch("router-lb-routes");
  }

  private void assertBindingsMatch(String name) throws Exception {
    ReplicaSnapshot nb = GoldenNorthbound.snapshot(dir, name);
    NorthboundInputs in = NorthboundInputs.read(nb);
    Map<java.util.UUID, String> datapaths = new TreeMap<>();
    in.switches().values().forEach((SwitchInput s) -> datapaths.put(s.uuid(), s.name()));
    in.routers().values().forEach((RouterInput r) -> datapaths.put(r.uuid(), r.name()));
    List<String> ours = Bindings.ports(nb, in).values().stream()
        .map(p -> line(p, datapaths.get(p.datapath()))).sorted().toList();
    assertThat(ours).containsExactlyElementsOf(GoldenNorthbound.lines(name + ".ports.txt"));
  }

  /** A binding as the golden file prints it. */
  private static String line(PortSpec p, String datapath) {
    String options = new TreeMap<>(p.options()).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    String group = p.haChassisGroup().map(g -> g.name() + " " + new TreeMap<>(g.members())
        .entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).sorted()
        .collect(Collectors.joining(","))).orElse("");
    return String.join("|", p.logicalPort(), datapath, p.type(), options,
        p.mac().stream().sorted().collect(Collectors.joining(";")),
        p.tag().map(String::valueOf).orElse(""),
        p.natAddresses().stream().sorted().collect(Collectors.joining(";")), group);
  }
}
