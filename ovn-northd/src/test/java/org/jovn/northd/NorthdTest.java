package org.jovn.northd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.LogicalFlow;
import org.jovn.ovn.sb.MulticastGroup;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our northd between our Northbound and Southbound databases, in one JVM. */
class NorthdTest {
  @TempDir Path dir;

  @Test
  void sync_switchWithPorts_writesDatapathBindingsGroupsAndFlows() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      addSwitch(c, "sw0", "vm1", "0a:00:00:00:00:01 10.0.0.1", "vm2", "unknown");
      ReplicaSnapshot sb = c.syncSb();

      DatapathBinding dp = DatapathBinding.all(sb).findFirst().orElseThrow();
      assertThat(dp.externalIds()).containsEntry("name", "sw0").containsKey("logical-switch");
      assertThat(dp.tunnelKey()).isEqualTo(1);
      PortBinding vm1 = PortBinding.byLogicalPort(sb, "vm1").orElseThrow();
      assertThat(vm1.datapath()).isEqualTo(dp.uuid());
      assertThat(vm1.mac()).containsExactly("0a:00:00:00:00:01 10.0.0.1");
      assertThat(PortBinding.byLogicalPort(sb, "vm2").orElseThrow().tunnelKey())
          .isNotEqualTo(vm1.tunnelKey());
      assertThat(MulticastGroup.all(sb).map(MulticastGroup::name))
          .contains("_MC_flood", "_MC_unknown");
      assertThat(LogicalFlow.all(sb).filter(f -> f.match().equals("eth.dst == 0a:00:00:00:00:01")
          && f.actions().equals("outport = \"vm1\"; output;"))).hasSize(1);
      assertThat(org.jovn.ovn.sb.SbGlobal.all(sb).findFirst().orElseThrow().options())
          .containsKey("mac_prefix");
    }
  }

  @Test
  void restart_keepsTunnelKeysAndRewritesNothing() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      addSwitch(c, "sw0", "a", "0a:00:00:00:00:01 10.0.0.1", "b", "0a:00:00:00:00:02 10.0.0.2");
      addSwitch(c, "sw1", "c", "0a:00:00:00:00:03 10.0.1.3");
      ReplicaSnapshot before = c.syncSb();
      c.northd.close();
      long commits;
      try (Northd again = Northd.start(new NorthdConfig(List.of(c.remote), List.of(c.remote),
          null))) {
        ReplicaSnapshot after = c.syncSb();
        assertThat(SouthboundContent.of(after)).isEqualTo(SouthboundContent.of(before));
        assertThat(keys(after)).isEqualTo(keys(before));
        assertThat(after.rows(LogicalFlow.TABLE).keySet())
            .isEqualTo(before.rows(LogicalFlow.TABLE).keySet());
        commits = again.stats().commits();
      }
      assertThat(commits).as("SB transactions of the restarted northd: only SB_Global.nb_cfg")
          .isLessThanOrEqualTo(1);
    }
  }

  @Test
  void portDelete_changesOnlyThatPortsRows() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      addSwitch(c, "sw0", "a", "0a:00:00:00:00:01 10.0.0.1", "b", "0a:00:00:00:00:02 10.0.0.2");
      addSwitch(c, "sw1", "c", "0a:00:00:00:00:03 10.0.1.3");
      ReplicaSnapshot before = c.syncSb();
      LogicalSwitchPort b = LogicalSwitchPort.byName(c.nb.snapshot(), "b").orElseThrow();
      LogicalSwitch sw0 = LogicalSwitch.all(c.nb.snapshot())
          .filter(s -> s.name().equals("sw0")).findFirst().orElseThrow();
      Transaction t = c.nb.transaction();
      t.mutate(LogicalSwitch.TABLE, sw0.uuid().uuid()).delete(LogicalSwitch.PORTS, b.uuid());
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot after = c.syncSb();

      assertThat(PortBinding.byLogicalPort(after, "b")).isEmpty();
      Set<java.util.UUID> removed = new java.util.HashSet<>(
          before.rows(LogicalFlow.TABLE).keySet());
      removed.removeAll(after.rows(LogicalFlow.TABLE).keySet());
      assertThat(removed).isNotEmpty();
      assertThat(removed).allSatisfy(u -> {
        LogicalFlow f = LogicalFlow.from(before.row(LogicalFlow.TABLE, u).orElseThrow());
        assertThat(f.match() + " " + f.actions()).matches(".*(\"b\"|10\\.0\\.0\\.2|:02\\b).*");
      });
      Set<java.util.UUID> sw1Flows = flowsOf(before, "sw1");
      assertThat(after.rows(LogicalFlow.TABLE).keySet()).containsAll(sw1Flows);
    }
  }

  @Test
  void portUp_followsChassisBinding_andRouterPortsAreUp() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      addSwitch(c, "sw0", "vm1", "0a:00:00:00:00:01 10.0.0.1");
      ReplicaSnapshot sb = c.syncSb();
      assertThat(LogicalSwitchPort.byName(c.nb.snapshot(), "vm1").orElseThrow().up())
          .contains(false);
      PortBinding vm1 = PortBinding.byLogicalPort(sb, "vm1").orElseThrow();
      Transaction t = c.sb.transaction();
      var chassis = t.insert("Chassis").set("name", "hv1").set("hostname", "hv1")
          .set("encaps", Set.of(t.insert("Encap").set("type", "geneve").set("ip", "127.0.0.1")
              .set("chassis_name", "hv1").uuid()));
      t.update(PortBinding.TABLE, vm1.uuid().uuid()).set(PortBinding.CHASSIS, Set.of(
          chassis.uuid())).set(PortBinding.UP, Set.of(true));
      c.sb.transact(t).get(10, TimeUnit.SECONDS);
      c.nb.await(s -> LogicalSwitchPort.byName(s, "vm1").flatMap(LogicalSwitchPort::up)
          .orElse(false)).get(10, TimeUnit.SECONDS);
    }
  }

  private static Map<String, Long> keys(ReplicaSnapshot sb) {
    Map<String, Long> out = new java.util.TreeMap<>();
    DatapathBinding.all(sb).forEach(d -> out.put("dp " + d.externalIds().get("name"),
        d.tunnelKey()));
    PortBinding.all(sb).forEach(p -> out.put("port " + p.logicalPort(), p.tunnelKey()));
    return out;
  }

  private static Set<java.util.UUID> flowsOf(ReplicaSnapshot sb, String datapath) {
    DatapathBinding dp = DatapathBinding.all(sb)
        .filter(d -> datapath.equals(d.externalIds().get("name"))).findFirst().orElseThrow();
    Set<java.util.UUID> out = new java.util.HashSet<>();
    LogicalFlow.all(sb).filter(f -> f.logicalDatapath().equals(java.util.Optional.of(dp.uuid())))
        .forEach(f -> out.add(f.uuid().uuid()));
    return out;
  }

  /** Adds a switch with ports given as name, addresses, name, addresses... */
  static void addSwitch(LocalCentral c, String name, String... portsAndAddresses)
      throws Exception {
    Transaction t = c.nb.transaction();
    Set<Object> ports = new java.util.HashSet<>();
    for (int i = 0; i < portsAndAddresses.length; i += 2) {
      ports.add(t.insert(LogicalSwitchPort.TABLE)
          .set(LogicalSwitchPort.NAME, portsAndAddresses[i])
          .set(LogicalSwitchPort.ADDRESSES, Set.of(portsAndAddresses[i + 1])).uuid());
    }
    t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, name)
        .set(LogicalSwitch.PORTS, ports);
    c.nb.transact(t).get(10, TimeUnit.SECONDS);
  }
}
