package org.jovn.ovn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jovn.ovn.bench.Policies.AclRule;
import org.jovn.ovn.bench.Policies.NatRule;
import org.jovn.ovn.bench.Policies.SwitchPolicy;
import org.jovn.ovn.nb.Acl;
import org.jovn.ovn.nb.AddressSet;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.Nat;
import org.jovn.ovn.nb.PortGroup;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyGeneratorTest {
  @TempDir Path dir;

  @Test
  void generate_none_isEmpty() {
    assertThat(new PolicyGenerator(TopologySize.DEFAULT, PolicySize.NONE).generate())
        .isEqualTo(Policies.NONE);
  }

  @Test
  void generate_part2_hasTheCountsAsked() {
    Policies p = new PolicyGenerator(TopologySize.DEFAULT, new PolicySize(500, 500, true))
        .generate();

    assertThat(p.switches()).hasSize(100);
    assertThat(p.aclCount()).isEqualTo(500);
    assertThat(p.vipCount()).isEqualTo(500);
    assertThat(p.switches().values()).allSatisfy(s -> {
      assertThat(s.acls()).hasSize(5);
      assertThat(s.vips()).hasSize(5);
      assertThat(s.addresses()).hasSize(PolicyGenerator.SET_SIZE);
    });
    assertThat(p.routers()).hasSize(10);
    assertThat(p.natCount()).isEqualTo(100 + 10 * PolicySize.DNAT_PER_ROUTER);
    assertThat(p.rowCount()).isEqualTo(100 * 3 + 500 + 120);
  }

  @Test
  void generate_scaledTenfold_matchesVipsAndExternalAddressesAreUnique() {
    TopologySize size = TopologySize.DEFAULT.scaled(10);
    PolicyGenerator g = new PolicyGenerator(size, new PolicySize(500, 500, true).scaled(10));
    Policies p = g.generate();

    List<String> matches = new ArrayList<>();
    List<String> vips = new ArrayList<>();
    for (SwitchPolicy s : p.switches().values()) {
      s.acls().forEach(a -> matches.add(a.direction() + " " + a.match()));
      assertThat(s.acls()).allSatisfy(a -> assertThat(a.match())
          .contains("@" + s.portGroup()).contains("$" + s.addressSet()));
      vips.addAll(s.vips().keySet());
    }
    IntStream.range(0, 20).forEach(k -> {
      AclRule a = g.churnAcl(k);
      matches.add(a.direction() + " " + a.match());
      vips.add(g.churnVip(k).getKey());
    });
    List<String> external = new ArrayList<>();
    p.routers().values().forEach(rules -> rules.stream()
        .filter(n -> n.type().equals("dnat_and_snat")).map(NatRule::externalIp)
        .forEach(external::add));
    p.routers().values().forEach(rules -> external.add(rules.get(0).externalIp()));

    assertThat(p.aclCount()).isEqualTo(5_000);
    assertThat(matches).hasSize(5_020).doesNotHaveDuplicates();
    assertThat(vips).hasSize(5_020).doesNotHaveDuplicates().allMatch(v -> v.startsWith("172."));
    assertThat(external).doesNotHaveDuplicates().noneMatch(e -> e.startsWith("10."));
  }

  @Test
  void load_intoOurServer_isAcceptedWithEveryPolicyRow() throws Exception {
    TopologySize size = new TopologySize(20, 300, 4);
    Topology t = new TopologyGenerator(size).generate();
    Policies p = new PolicyGenerator(size, new PolicySize(50, 30, true)).generate();
    Path db = dir.resolve("nb.db");
    LogStorage.create(db, DatabaseSchema.bundled("ovn-nb").json());
    try (OvsdbServer server = new OvsdbServer(ServerConfig.defaults()
        .withRemotes(List.of("punix:" + dir.resolve("nb.sock"))))) {
      server.openDatabase(db);
      server.start();
      try (OvsdbClient nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb"))
          .remotes("unix:" + dir.resolve("nb.sock")).monitorAll().build()) {
        nb.connect().get(10, TimeUnit.SECONDS);

        NbLoader.load(nb, t, p, 100, Duration.ofSeconds(30));

        ReplicaSnapshot s = nb.snapshot();
        assertThat(s.rows(PortGroup.TABLE)).hasSize(20);
        assertThat(s.rows(AddressSet.TABLE)).hasSize(20);
        assertThat(s.rows(Acl.TABLE)).hasSize(50);
        assertThat(s.rows(LoadBalancer.TABLE)).hasSize(20);
        assertThat(s.rows(Nat.TABLE)).hasSize(p.natCount());
        PortGroup pg3 = PortGroup.all(s).filter(x -> x.name().equals("pg_sw3"))
            .findFirst().orElseThrow();
        assertThat(pg3.ports()).hasSize(15);
        assertThat(pg3.acls()).hasSize(p.switches().get("sw3").acls().size());
        LogicalSwitch sw3 = LogicalSwitch.all(s).filter(x -> x.name().equals("sw3"))
            .findFirst().orElseThrow();
        assertThat(sw3.loadBalancer()).hasSize(1);
        assertThat(LogicalRouter.all(s)).allSatisfy(r -> assertThat(r.nat()).isNotEmpty());
      }
    }
  }
}
