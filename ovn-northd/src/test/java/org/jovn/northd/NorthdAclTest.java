package org.jovn.northd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.SwitchAcls;
import org.jovn.northd.model.SwitchInput;
import org.jovn.ovn.nb.Acl;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.PortGroup;
import org.jovn.ovn.sb.AddressSet;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.LogicalFlow;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACLs, port groups and address sets through our northd between our Northbound and Southbound
 * databases: the Southbound {@code Address_Set} and {@code Port_Group} rows ovn-northd 23.03
 * writes for them (en-sync-sb.c, {@code sync_port_groups}), and the ACLs each switch's flows
 * see.
 */
class NorthdAclTest {
  @TempDir Path dir;

  @Test
  void sync_portGroupsAndAddressSets_mirroredPerSwitchAndByAddressFamily() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      Transaction t = c.nb.transaction();
      UUID a1 = port(t, "a1", "0a:00:00:00:00:01 10.0.0.1 fd00::1");
      UUID a2 = port(t, "a2", "0a:00:00:00:00:02 10.0.0.2/24", "unknown");
      UUID a3 = port(t, "a3", "0a:00:00:00:00:03 dynamic");
      UUID b1 = port(t, "b1", "0a:00:00:00:01:01 10.0.1.1 FD00:0:0::11 junk 10.0.1.99");
      t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "swA")
          .set(LogicalSwitch.PORTS, Set.of(a1, a2, a3))
          .set(LogicalSwitch.OTHER_CONFIG, Map.of("subnet", "10.0.0.0/24"));
      t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "swB")
          .set(LogicalSwitch.PORTS, Set.of(b1));
      t.insert(PortGroup.TABLE).set(PortGroup.NAME, "pg1").set(PortGroup.PORTS, Set.of(a1, b1));
      t.insert(PortGroup.TABLE).set(PortGroup.NAME, "pg2").set(PortGroup.PORTS, Set.of(a2, a3));
      t.insert(org.jovn.ovn.nb.AddressSet.TABLE).set(org.jovn.ovn.nb.AddressSet.NAME, "as1")
          .set(org.jovn.ovn.nb.AddressSet.ADDRESSES, Set.of("192.168.0.0/16", "10.1.1.1"));
      // A user-defined set named like a port group's set replaces it.
      t.insert(org.jovn.ovn.nb.AddressSet.TABLE).set(org.jovn.ovn.nb.AddressSet.NAME, "pg2_ip6")
          .set(org.jovn.ovn.nb.AddressSet.ADDRESSES, Set.of("fd99::1"));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot sb = c.syncSb();
      String dynamic = LogicalSwitchPort.byName(c.nb.snapshot(), "a3").orElseThrow()
          .dynamicAddresses().orElseThrow().split(" ")[1];

      assertThat(addressSets(sb)).containsAllEntriesOf(Map.of(
          "pg1_ip4", Set.of("10.0.0.1", "10.0.1.1"),
          "pg1_ip6", Set.of("fd00::1", "fd00::11"),
          "pg2_ip4", Set.of("10.0.0.2", dynamic),
          "pg2_ip6", Set.of("fd99::1"),
          "as1", Set.of("192.168.0.0/16", "10.1.1.1")));
      assertThat(addressSets(sb)).containsKey("svc_monitor_mac").hasSize(6);
      long keyA = key(sb, "swA");
      long keyB = key(sb, "swB");
      assertThat(portGroups(sb)).isEqualTo(Map.of(
          keyA + "_pg1", Set.of("a1"), keyB + "_pg1", Set.of("b1"),
          keyA + "_pg2", Set.of("a2", "a3")));

      ReplicaSnapshot nb = c.nb.snapshot();
      t = c.nb.transaction();
      t.mutate(PortGroup.TABLE, PortGroup.byName(nb, "pg1").orElseThrow().uuid().uuid())
          .delete(PortGroup.PORTS, Set.of(LogicalSwitchPort.byName(nb, "b1").orElseThrow()
              .uuid().uuid()));
      t.delete(PortGroup.TABLE, PortGroup.byName(nb, "pg2").orElseThrow().uuid().uuid());
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      sb = c.syncSb();

      assertThat(portGroups(sb)).isEqualTo(Map.of(keyA + "_pg1", Set.of("a1")));
      assertThat(addressSets(sb)).containsEntry("pg1_ip4", Set.of("10.0.0.1"))
          .containsEntry("pg2_ip6", Set.of("fd99::1")).doesNotContainKey("pg2_ip4");
    }
  }

  @Test
  void read_portGroupAcls_applyOnlyToSwitchesWithItsPorts() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      Transaction t = c.nb.transaction();
      UUID a1 = port(t, "a1", "0a:00:00:00:00:01 10.0.0.1");
      UUID b1 = port(t, "b1", "0a:00:00:00:01:01 10.0.1.1");
      UUID own = acl(t, "to-lport", 100, "ip4", "allow");
      t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "swA")
          .set(LogicalSwitch.PORTS, Set.of(a1)).set(LogicalSwitch.ACLS, Set.of(own));
      t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "swB")
          .set(LogicalSwitch.PORTS, Set.of(b1));
      UUID related = acl(t, "from-lport", 200, "inport == @pg1", "allow-related");
      t.insert(PortGroup.TABLE).set(PortGroup.NAME, "pg1").set(PortGroup.PORTS, Set.of(a1))
          .set(PortGroup.ACLS, Set.of(related));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      NorthboundInputs in = NorthboundInputs.read(c.nb.snapshot());

      SwitchAcls swA = byName(in, "swA").acls();
      assertThat(swA.rules()).extracting(SwitchAcls.Rule::match)
          .containsExactly("ip4", "inport == @pg1");
      assertThat(swA.stateful()).isTrue();
      assertThat(byName(in, "swB").acls()).isEqualTo(SwitchAcls.NONE);
      assertThat(NorthboundInputs.read(c.nb.snapshot()).switches())
          .as("equal snapshots give equal inputs").isEqualTo(in.switches());
    }
  }

  @Test
  void sync_aclLogWithFairMeter_namesTheAclsOwnCopyAndMetersAreMirrored() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      Transaction t = c.nb.transaction();
      meter(t, "fm", true);
      meter(t, "m", false);
      UUID fair = acl(t, "to-lport", 200, "icmp4", "allow");
      t.update(Acl.TABLE, fair).set(Acl.LOG, true).set(Acl.METER, "fm");
      UUID plain = acl(t, "to-lport", 300, "udp", "drop");
      t.update(Acl.TABLE, plain).set(Acl.LOG, true).set(Acl.METER, "m");
      t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "swA")
          .set(LogicalSwitch.ACLS, Set.of(fair, plain));
      var result = c.nb.transact(t).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot sb = c.syncSb();

      UUID fairAcl = result.uuid(fair);
      assertThat(actions(sb, 1200)).containsExactly(
          "log(severity=info, verdict=allow, meter=\"fm__" + fairAcl + "\"); next;");
      assertThat(actions(sb, 1300)).containsExactly(
          "log(severity=info, verdict=drop, meter=\"m\"); /* drop */");
      assertThat(meters(sb)).isEqualTo(Map.of("fm", "pktps [drop 10/0]", "m", "pktps [drop 10/0]",
          "fm__" + fairAcl, "pktps [drop 10/0]"));

      ReplicaSnapshot nb = c.nb.snapshot();
      t = c.nb.transaction();
      t.update(Acl.TABLE, fairAcl).set(Acl.METER, Set.of());
      UUID band = t.insert("Meter_Band").set("action", "drop").set("rate", 20L)
          .set("burst_size", 5L).uuid();
      t.update("Meter", org.jovn.ovn.nb.Meter.byName(nb, "m").orElseThrow().uuid().uuid())
          .set("bands", Set.of(band)).set("unit", "kbps");
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      sb = c.syncSb();

      assertThat(meters(sb)).isEqualTo(Map.of("fm", "pktps [drop 10/0]",
          "m", "kbps [drop 20/5]"));
      assertThat(sb.rows(org.jovn.ovn.sb.MeterBand.TABLE)).hasSize(2);
    }
  }

  private static UUID port(Transaction t, String name, String... addresses) {
    return t.insert(LogicalSwitchPort.TABLE).set(LogicalSwitchPort.NAME, name)
        .set(LogicalSwitchPort.ADDRESSES, Set.of((Object[]) addresses)).uuid();
  }

  private static UUID acl(Transaction t, String direction, long priority, String match,
      String action) {
    return t.insert(Acl.TABLE).set(Acl.DIRECTION, direction).set(Acl.PRIORITY, priority)
        .set(Acl.MATCH, match).set(Acl.ACTION, action).uuid();
  }

  private static void meter(Transaction t, String name, boolean fair) {
    UUID band = t.insert("Meter_Band").set("action", "drop").set("rate", 10L).uuid();
    t.insert("Meter").set("name", name).set("unit", "pktps").set("bands", Set.of(band))
        .set("fair", Set.of(fair));
  }

  private static SwitchInput byName(NorthboundInputs in, String name) {
    return in.switches().values().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow();
  }

  private static Map<String, Set<String>> addressSets(ReplicaSnapshot sb) {
    Map<String, Set<String>> out = new TreeMap<>();
    AddressSet.all(sb).forEach(as -> out.put(as.name(), as.addresses()));
    return out;
  }

  private static Map<String, Set<String>> portGroups(ReplicaSnapshot sb) {
    Map<String, Set<String>> out = new TreeMap<>();
    org.jovn.ovn.sb.PortGroup.all(sb).forEach(pg -> out.put(pg.name(), pg.ports()));
    return out;
  }

  /** Each meter as "UNIT [ACTION RATE/BURST, ...]", by name. */
  private static Map<String, String> meters(ReplicaSnapshot sb) {
    Map<String, String> out = new TreeMap<>();
    org.jovn.ovn.sb.Meter.all(sb).forEach(m -> out.put(m.name(), m.unit() + " "
        + m.bands().stream().map(r -> org.jovn.ovn.sb.MeterBand.get(sb, r).orElseThrow())
            .map(b -> b.action() + " " + b.rate() + "/" + b.burstSize()).sorted().toList()));
    return out;
  }

  private static long key(ReplicaSnapshot sb, String name) {
    return DatapathBinding.all(sb).filter(d -> name.equals(d.externalIds().get("name")))
        .findFirst().orElseThrow().tunnelKey();
  }

  private static List<String> actions(ReplicaSnapshot sb, long priority) {
    Set<String> out = new HashSet<>();
    LogicalFlow.all(sb).filter(f -> f.priority() == priority && f.tableId() == 4
        && f.pipeline().equals("egress")).forEach(f -> out.add(f.actions()));
    return List.copyOf(out);
  }
}
