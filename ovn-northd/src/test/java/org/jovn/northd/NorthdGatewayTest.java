package org.jovn.northd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.GatewayChassis;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.Nat;
import org.jovn.ovn.sb.HaChassis;
import org.jovn.ovn.sb.HaChassisGroup;
import org.jovn.ovn.sb.LogicalFlow;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our northd keeps gateway and NAT state in step with Northbound changes that touch no router
 * or switch port row: a NAT rule added to a router, a router made a gateway router, a gateway
 * chassis added to a port. The flows of the router and of the switches attached to it, the
 * port bindings and the HA chassis groups all follow.
 */
class NorthdGatewayTest {
  @TempDir Path dir;

  @Test
  void natRuleAdded_routerAndAttachedSwitchFlowsAndNatAddressesFollow() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      routerOnProviderSwitch(c);
      c.syncSb();
      Transaction t = c.nb.transaction();
      var nat = t.insert(Nat.TABLE).set(Nat.TYPE, "dnat_and_snat")
          .set(Nat.EXTERNAL_IP, "172.16.0.110").set(Nat.LOGICAL_IP, "10.0.0.3");
      t.update(LogicalRouter.TABLE, router(c).uuid().uuid())
          .set(LogicalRouter.NAT, Set.of(nat.uuid()))
          .set(LogicalRouter.OPTIONS, Map.of("chassis", "hv1"));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot sb = c.syncSb();

      assertThat(flows(sb)).contains("ip && ip4.dst == 172.16.0.110 => ct_snat;",
          "flags[1] == 0 && arp.op == 1 && arp.tpa == 172.16.0.110 => clone {outport = "
              + "\"public-lr0\"; output; }; outport = \"_MC_flood_l2\"; output;");
      PortBinding lsp = PortBinding.byLogicalPort(sb, "public-lr0").orElseThrow();
      assertThat(lsp.type()).isEqualTo("l3gateway");
      assertThat(lsp.options()).containsEntry("l3gateway-chassis", "hv1")
          .containsEntry("peer", "lr0-public");
      assertThat(lsp.natAddresses()).containsExactlyInAnyOrder(
          "0a:00:00:00:ff:01 172.16.0.1", "0a:00:00:00:ff:01 172.16.0.110");
      assertThat(PortBinding.byLogicalPort(sb, "lr0-public").orElseThrow().type())
          .isEqualTo("l3gateway");
    }
  }

  @Test
  void gatewayChassisAdded_redirectPortAndHaChassisGroupAppear_andGoAgain() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      routerOnProviderSwitch(c);
      c.syncSb();
      LogicalRouterPort lrp = LogicalRouterPort.byName(c.nb.snapshot(), "lr0-public")
          .orElseThrow();
      Transaction t = c.nb.transaction();
      var gc = t.insert(GatewayChassis.TABLE).set(GatewayChassis.NAME, "lr0-public-hv1")
          .set(GatewayChassis.CHASSIS_NAME, "hv1").set(GatewayChassis.PRIORITY, 20L);
      t.update(LogicalRouterPort.TABLE, lrp.uuid().uuid())
          .set(LogicalRouterPort.GATEWAY_CHASSIS, Set.of(gc.uuid()));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot sb = c.syncSb();

      PortBinding cr = PortBinding.byLogicalPort(sb, "cr-lr0-public").orElseThrow();
      assertThat(cr.type()).isEqualTo("chassisredirect");
      assertThat(cr.options()).containsEntry("distributed-port", "lr0-public")
          .containsEntry("always-redirect", "true");
      HaChassisGroup group = HaChassisGroup.get(sb, cr.haChassisGroup().orElseThrow())
          .orElseThrow();
      assertThat(group.name()).isEqualTo("lr0-public");
      assertThat(group.haChassis()).singleElement().satisfies(r -> {
        HaChassis h = HaChassis.get(sb, r).orElseThrow();
        assertThat(h.priority()).isEqualTo(20);
        assertThat(h.externalIds()).containsEntry("chassis-name", "hv1");
      });
      assertThat(flows(sb)).contains("eth.dst == 0a:00:00:00:ff:01 && is_chassis_resident("
          + "\"cr-lr0-public\") => outport = \"public-lr0\"; output;");

      Transaction undo = c.nb.transaction();
      undo.update(LogicalRouterPort.TABLE, lrp.uuid().uuid())
          .set(LogicalRouterPort.GATEWAY_CHASSIS, Set.of());
      c.nb.transact(undo).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot after = c.syncSb();
      assertThat(PortBinding.byLogicalPort(after, "cr-lr0-public")).isEmpty();
      assertThat(HaChassisGroup.all(after)).isEmpty();
    }
  }

  /** Router lr0 on switch public (which has a localnet port) and on switch sw0. */
  static void routerOnProviderSwitch(LocalCentral c) throws Exception {
    Transaction t = c.nb.transaction();
    var toPublic = t.insert(LogicalRouterPort.TABLE).set(LogicalRouterPort.NAME, "lr0-public")
        .set(LogicalRouterPort.MAC, "0a:00:00:00:ff:01")
        .set(LogicalRouterPort.NETWORKS, Set.of("172.16.0.1/24"));
    var toSw0 = t.insert(LogicalRouterPort.TABLE).set(LogicalRouterPort.NAME, "lr0-sw0")
        .set(LogicalRouterPort.MAC, "0a:00:00:00:ff:02")
        .set(LogicalRouterPort.NETWORKS, Set.of("10.0.0.1/24"));
    t.insert(LogicalRouter.TABLE).set(LogicalRouter.NAME, "lr0")
        .set(LogicalRouter.PORTS, Set.of(toPublic.uuid(), toSw0.uuid()));
    var ln = t.insert(LogicalSwitchPort.TABLE).set(LogicalSwitchPort.NAME, "ln-public")
        .set(LogicalSwitchPort.TYPE, "localnet").set(LogicalSwitchPort.ADDRESSES, Set.of("unknown"))
        .set(LogicalSwitchPort.OPTIONS, Map.of("network_name", "physnet1"));
    t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "public")
        .set(LogicalSwitch.PORTS, Set.of(ln.uuid(), routerPort(t, "public-lr0",
            Map.of("router-port", "lr0-public", "nat-addresses", "router"))));
    t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "sw0")
        .set(LogicalSwitch.PORTS, Set.of(routerPort(t, "sw0-lr0",
            Map.of("router-port", "lr0-sw0"))));
    c.nb.transact(t).get(10, TimeUnit.SECONDS);
  }

  private static java.util.UUID routerPort(Transaction t, String name,
      Map<String, String> options) {
    return t.insert(LogicalSwitchPort.TABLE).set(LogicalSwitchPort.NAME, name)
        .set(LogicalSwitchPort.TYPE, "router").set(LogicalSwitchPort.ADDRESSES, Set.of("router"))
        .set(LogicalSwitchPort.OPTIONS, options).uuid();
  }

  static LogicalRouter router(LocalCentral c) {
    return LogicalRouter.all(c.nb.snapshot()).findFirst().orElseThrow();
  }

  /** Every logical flow as "match => actions". */
  static Set<String> flows(ReplicaSnapshot sb) {
    Set<String> out = new java.util.HashSet<>();
    LogicalFlow.all(sb).forEach(f -> out.add(f.match() + " => " + f.actions()));
    return out;
  }
}
