package org.jovn.northd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LoadBalancerGroup;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.LogicalDpGroup;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Southbound {@code Load_Balancer} rows northd writes, with our northd between our
 * Northbound and Southbound databases in one JVM: one row per load balancer on some switch
 * (directly or through a group), its switches in a datapath group, updated and removed as the
 * Northbound changes, strays and duplicates deleted.
 */
class NorthdLoadBalancerTest {
  @TempDir Path dir;

  @Test
  void sync_loadBalancersOnSwitches_oneRowEachWithDatapathGroup_followsChanges()
      throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      NorthdTest.addSwitch(c, "sw0");
      NorthdTest.addSwitch(c, "sw1");
      NorthdTest.addSwitch(c, "sw2");
      Transaction t = c.nb.transaction();
      UUID web = t.insert(LoadBalancer.TABLE).set(LoadBalancer.NAME, "web")
          .set(LoadBalancer.VIPS, Map.of("172.16.0.10:80", "10.0.0.2:80"))
          .set(LoadBalancer.PROTOCOL, java.util.Optional.of("tcp"))
          .set(LoadBalancer.OPTIONS, Map.of("reject", "true")).uuid();
      UUID dns = t.insert(LoadBalancer.TABLE).set(LoadBalancer.NAME, "dns")
          .set(LoadBalancer.VIPS, Map.of("172.16.0.53:53", "10.0.0.3:53"))
          .set(LoadBalancer.PROTOCOL, java.util.Optional.of("udp")).uuid();
      UUID unused = t.insert(LoadBalancer.TABLE).set(LoadBalancer.NAME, "unused").uuid();
      UUID group = t.insert(LoadBalancerGroup.TABLE).set(LoadBalancerGroup.NAME, "g")
          .set(LoadBalancerGroup.LOAD_BALANCER, Set.of(dns)).uuid();
      t.mutate(LogicalSwitch.TABLE, switchUuid(c, "sw0"))
          .insert(LogicalSwitch.LOAD_BALANCER, Set.of(web));
      t.mutate(LogicalSwitch.TABLE, switchUuid(c, "sw1"))
          .insert(LogicalSwitch.LOAD_BALANCER_GROUP, Set.of(group))
          .insert(LogicalSwitch.LOAD_BALANCER, Set.of(web));
      t.mutate(LogicalSwitch.TABLE, switchUuid(c, "sw2"))
          .insert(LogicalSwitch.LOAD_BALANCER_GROUP, Set.of(group));
      var r = c.nb.transact(t).get(10, TimeUnit.SECONDS);
      web = r.uuid(web);
      dns = r.uuid(dns);
      unused = r.uuid(unused);
      group = r.uuid(group);

      ReplicaSnapshot sb = c.syncSb();
      assertThat(lbs(sb)).as("no row for a load balancer on no switch").doesNotContainKey(unused)
          .containsOnlyKeys(web, dns);
      assertThat(lbs(sb).get(web)).isEqualTo("web {172.16.0.10:80=10.0.0.2:80} [tcp]"
          + " {hairpin_orig_tuple=true, reject=true} [sw0, sw1] []");
      assertThat(lbs(sb).get(dns)).isEqualTo("dns {172.16.0.53:53=10.0.0.3:53} [udp]"
          + " {hairpin_orig_tuple=true} [sw1, sw2] []");

      // A stray row and a duplicate go; a change of VIPs and switches is written.
      t = c.sb.transaction();
      t.insert(org.jovn.ovn.sb.LoadBalancer.TABLE).set(org.jovn.ovn.sb.LoadBalancer.NAME, "x")
          .set(org.jovn.ovn.sb.LoadBalancer.EXTERNAL_IDS, Map.of("lb_id", web.toString()));
      t.insert(org.jovn.ovn.sb.LoadBalancer.TABLE).set(org.jovn.ovn.sb.LoadBalancer.NAME, "y");
      c.sb.transact(t).get(10, TimeUnit.SECONDS);
      t = c.nb.transaction();
      t.update(LoadBalancer.TABLE, web).set(LoadBalancer.VIPS,
          Map.of("172.16.0.10:8080", "10.0.0.4:80"));
      t.mutate(LogicalSwitch.TABLE, switchUuid(c, "sw0"))
          .delete(LogicalSwitch.LOAD_BALANCER, Set.of(web));
      t.mutate(LogicalSwitch.TABLE, switchUuid(c, "sw2"))
          .delete(LogicalSwitch.LOAD_BALANCER_GROUP, Set.of(group));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);

      sb = c.syncSb();
      assertThat(lbs(sb)).containsOnlyKeys(web, dns);
      assertThat(lbs(sb).get(web)).isEqualTo("web {172.16.0.10:8080=10.0.0.4:80} [tcp]"
          + " {hairpin_orig_tuple=true, reject=true} [sw1] []");
      assertThat(lbs(sb).get(dns)).isEqualTo("dns {172.16.0.53:53=10.0.0.3:53} [udp]"
          + " {hairpin_orig_tuple=true} [sw1] []");
      assertThat(DatapathBinding.all(sb)).allSatisfy(
          d -> assertThat(d.loadBalancers()).isEmpty());
    }
  }

  private static UUID switchUuid(LocalCentral c, String name) {
    return LogicalSwitch.all(c.nb.snapshot()).filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow().uuid().uuid();
  }

  /** Each Load_Balancer row by lb_id: name, VIPs, protocol, options, group and datapaths. */
  private static Map<UUID, String> lbs(ReplicaSnapshot sb) {
    Map<UUID, String> names = new HashMap<>();
    DatapathBinding.all(sb).forEach(d -> names.put(d.uuid().uuid(), d.externalIds().get("name")));
    Map<UUID, String> out = new HashMap<>();
    org.jovn.ovn.sb.LoadBalancer.all(sb).forEach(lb -> {
      Set<String> group = new TreeSet<>();
      lb.datapathGroup().flatMap(g -> LogicalDpGroup.get(sb, g)).ifPresent(
          g -> g.datapaths().forEach(d -> group.add(names.get(d.uuid()))));
      Set<String> dps = new TreeSet<>();
      lb.datapaths().forEach(d -> dps.add(names.get(d.uuid())));
      String id = lb.externalIds().get("lb_id");
      out.merge(id == null ? new UUID(0, 0) : UUID.fromString(id), lb.name() + " "
          + new TreeMap<>(lb.vips()) + " " + lb.protocol().stream().toList() + " "
          + new TreeMap<>(lb.options()) + " " + group + " " + dps, (a, b) -> a + " | " + b);
    });
    return out;
  }
}
