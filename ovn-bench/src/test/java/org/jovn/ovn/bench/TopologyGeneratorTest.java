package org.jovn.ovn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jovn.ovn.bench.Topology.Port;
import org.jovn.ovn.bench.Topology.Switch;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalRouterStaticRoute;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyGeneratorTest {
  @TempDir Path dir;

  @Test
  void generate_defaultSize_hasTheCountsAsked() {
    Topology t = new TopologyGenerator(TopologySize.DEFAULT).generate();

    assertThat(t.switches()).hasSize(100);
    assertThat(vifs(t)).hasSize(5_000);
    assertThat(t.switches()).allSatisfy(s -> assertThat(s.ports()).hasSize(51));
    assertThat(t.routers()).hasSize(10);
    assertThat(t.routers()).allSatisfy(r -> {
      assertThat(r.ports()).hasSize(11);
      assertThat(r.routes()).hasSize(90);
    });
    assertThat(t.join()).get().satisfies(j -> assertThat(j.ports()).hasSize(10));
    assertThat(t.switchPortCount()).isEqualTo(5_000 + 100 + 10);
    assertThat(t.routerPortCount()).isEqualTo(110);
    assertThat(t.routeCount()).isEqualTo(900);
    assertThat(t.rowCount()).isEqualTo(1 + 101 + 5_110 + 10 + 110 + 900);
  }

  @Test
  void generate_unevenCounts_spreadsPortsAndSwitchesWithinOne() {
    Topology t = new TopologyGenerator(new TopologySize(7, 100, 3)).generate();

    List<Integer> perSwitch = t.switches().stream()
        .map(s -> (int) s.ports().stream().filter(Port::isVif).count()).toList();
    assertThat(perSwitch.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    assertThat(perSwitch.stream().mapToInt(Integer::intValue).max().orElseThrow()
        - perSwitch.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);
    assertThat(t.switches()).allSatisfy(s -> assertThat(
        s.ports().stream().filter(p -> p.type().equals("router")).count()).isEqualTo(1));
    assertThat(t.routers()).extracting(r -> r.ports().size() - 1).containsExactly(2, 2, 3);
  }

  @Test
  void generate_scaledTenfold_addressesAndNamesAreUnique() {
    TopologyGenerator g = new TopologyGenerator(TopologySize.DEFAULT.scaled(10));
    Topology t = g.generate();

    List<String> macs = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    for (Switch s : t.switches()) {
      for (Port p : s.ports()) {
        if (p.isVif()) {
          String[] macIp = p.addresses().get(0).split(" ");
          macs.add(macIp[0]);
          ips.add(macIp[1]);
          assertThat(inSubnet(macIp[1], s.subnet())).as(p.name()).isTrue();
        }
      }
    }
    t.routers().forEach(r -> r.ports().forEach(p -> {
      macs.add(p.mac());
      ips.add(p.network().split("/")[0]);
    }));
    IntStream.range(0, 2 * t.switches().size()).mapToObj(g::churnPort).forEach(c -> {
      String[] macIp = c.port().addresses().get(0).split(" ");
      macs.add(macIp[0]);
      ips.add(macIp[1]);
      Switch home = t.switches().stream().filter(s -> s.name().equals(c.switchName()))
          .findFirst().orElseThrow();
      assertThat(inSubnet(macIp[1], home.subnet())).as(c.port().name()).isTrue();
    });
    assertThat(macs).doesNotHaveDuplicates()
        .allMatch(m -> m.matches("0a(:[0-9a-f]{2}){5}"));
    assertThat(ips).doesNotHaveDuplicates();
    List<String> names = new ArrayList<>();
    t.allSwitches().forEach(s -> s.ports().forEach(p -> names.add(p.name())));
    t.routers().forEach(r -> r.ports().forEach(p -> names.add(p.name())));
    assertThat(names).hasSize(t.switchPortCount() + t.routerPortCount()).doesNotHaveDuplicates();
    assertThat(t.routeCount()).isEqualTo(100 * 990);
  }

  @Test
  void generate_routerLinks_pointAtExistingRouterPortsOnTheSameSubnet() {
    Topology t = new TopologyGenerator(new TopologySize(12, 60, 4)).generate();
    Map<String, String> networks = new HashMap<>();
    t.routers().forEach(r -> r.ports().forEach(p -> networks.put(p.name(), p.network())));

    for (Switch s : t.allSwitches()) {
      for (Port p : s.ports()) {
        if (!p.isVif()) {
          String network = networks.get(p.options().get("router-port"));
          assertThat(network).as(p.name()).isNotNull();
          assertThat(inSubnet(network.split("/")[0], s.subnet())).as(p.name()).isTrue();
        }
      }
    }
  }

  @Test
  void generate_fewRouters_hasNoJoinSwitchOrRoutes() {
    assertThat(new TopologyGenerator(new TopologySize(3, 10, 0)).generate())
        .satisfies(t -> {
          assertThat(t.join()).isEmpty();
          assertThat(t.routers()).isEmpty();
          assertThat(t.switchPortCount()).isEqualTo(10);
        });
    assertThat(new TopologyGenerator(new TopologySize(3, 10, 1)).generate())
        .satisfies(t -> {
          assertThat(t.join()).isEmpty();
          assertThat(t.routeCount()).isZero();
          assertThat(t.routerPortCount()).isEqualTo(3);
        });
  }

  @Test
  void new_sizesBeyondTheAddressPlan_fail() {
    assertThatThrownBy(() -> new TopologyGenerator(new TopologySize(70_000, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.0/8");
    assertThatThrownBy(() -> new TopologySize(2, 10, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routers: 3");
    assertThatThrownBy(() -> new TopologyGenerator(TopologySize.DEFAULT).churnPort(6_400))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void load_intoOurServer_isAcceptedWithEveryRow() throws Exception {
    Topology t = new TopologyGenerator(new TopologySize(20, 300, 4)).generate();
    Path db = dir.resolve("nb.db");
    LogStorage.create(db, DatabaseSchema.bundled("ovn-nb").json());
    try (OvsdbServer server = new OvsdbServer(ServerConfig.defaults()
        .withRemotes(List.of("punix:" + dir.resolve("nb.sock"))))) {
      server.openDatabase(db);
      server.start();
      try (OvsdbClient nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb"))
          .remotes("unix:" + dir.resolve("nb.sock")).monitorAll().build()) {
        nb.connect().get(10, TimeUnit.SECONDS);

        int transactions = NbLoader.load(nb, t, 100, Duration.ofSeconds(30));

        ReplicaSnapshot s = nb.snapshot();
        assertThat(transactions).isGreaterThan(1);
        assertThat(s.rows(NbGlobal.TABLE)).hasSize(1);
        assertThat(s.rows(LogicalSwitch.TABLE)).hasSize(21);
        assertThat(s.rows(LogicalSwitchPort.TABLE)).hasSize(t.switchPortCount());
        assertThat(s.rows(LogicalRouter.TABLE)).hasSize(4);
        assertThat(s.rows(LogicalRouterPort.TABLE)).hasSize(t.routerPortCount());
        assertThat(s.rows(LogicalRouterStaticRoute.TABLE)).hasSize(t.routeCount());
        LogicalSwitch sw3 = LogicalSwitch.all(s).filter(x -> x.name().equals("sw3"))
            .findFirst().orElseThrow();
        assertThat(sw3.otherConfig()).containsEntry("subnet", t.switches().get(3).subnet());
        assertThat(sw3.ports()).hasSize(t.switches().get(3).ports().size());
        LogicalSwitchPort link = LogicalSwitchPort.byName(s, "sw3-lr0").orElseThrow();
        assertThat(link.type()).isEqualTo("router");
        assertThat(link.options()).containsEntry("router-port", "lr0-sw3");
        assertThat(link.addresses()).containsExactly("router");
        assertThat(LogicalSwitchPort.byName(s, "sw3-p0").orElseThrow().addresses())
            .containsExactlyElementsOf(t.switches().get(3).ports().get(0).addresses());
      }
    }
  }

  private static List<Port> vifs(Topology t) {
    return t.switches().stream().flatMap(s -> s.ports().stream()).filter(Port::isVif).toList();
  }

  private static boolean inSubnet(String ip, String cidr) {
    String[] parts = cidr.split("/");
    int bits = Integer.parseInt(parts[1]);
    long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
    long net = toLong(parts[0]);
    long addr = toLong(ip);
    long broadcast = net | (~mask & 0xffffffffL);
    return (addr & mask) == net && addr != net && addr != broadcast;
  }

  private static long toLong(String ip) {
    long v = 0;
    for (String octet : ip.split("\\.")) {
      v = (v << 8) | Integer.parseInt(octet);
    }
    return v;
  }
}
