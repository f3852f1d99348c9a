package org.jovn.northd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jovn.ovn.sb.SbGlobal;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;

/**
 * Incremental == full recompute: after any sequence of Northbound changes, each followed or
 * not by northd catching up, the Southbound that northd maintained incrementally holds exactly
 * what a fresh northd writes into an empty Southbound from the final Northbound (up to row
 * UUIDs and tunnel keys).
 */
class NorthdIncrementalProperties {
  @Property(tries = 12)
  void incrementalSouthbound_equalsFreshRecompute(@ForAll("changes") List<NbChange> changes,
      @ForAll("syncEvery") int syncEvery) throws Exception {
    Path dir = Files.createTempDirectory("northd-prop");
    try (LocalCentral central = new LocalCentral(dir)) {
      for (int i = 0; i < changes.size(); i++) {
        changes.get(i).apply(central.nb);
        if (i % syncEvery == 0) {
          central.syncSb();
        }
      }
      SouthboundContent incremental = SouthboundContent.of(central.syncSb());
      long nbCfg = org.jovn.ovn.nb.NbGlobal.all(central.nb.snapshot()).findFirst()
          .orElseThrow().nbCfg();
      var nb = central.nb.snapshot();
      if (org.jovn.ovn.nb.LogicalSwitch.all(nb).findAny().isPresent()
          || org.jovn.ovn.nb.LogicalRouter.all(nb).findAny().isPresent()) {
        // Changes that end with every switch and router deleted leave nothing to compare.
        assertThat(incremental.datapaths()).isNotEmpty();
      }
      assertThat(fresh(dir, central.remote, nbCfg)).isEqualTo(incremental);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A second northd, from scratch, into an empty Southbound on a server of its own. */
  private static SouthboundContent fresh(Path dir, String nbRemote, long nbCfg) throws Exception {
    Path sbDb = dir.resolve("fresh-sb.db");
    LogStorage.create(sbDb, DatabaseSchema.bundled("ovn-sb").json());
    String sbRemote = "unix:" + dir.resolve("fresh.sock");
    try (OvsdbServer server = new OvsdbServer(ServerConfig.defaults()
        .withRemotes(List.of("punix:" + dir.resolve("fresh.sock"))))) {
      server.openDatabase(sbDb);
      server.start();
      try (Northd northd = Northd.start(new NorthdConfig(List.of(nbRemote), List.of(sbRemote),
              null));
          OvsdbClient sb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-sb"))
              .remotes(sbRemote).monitorAll().build()) {
        sb.connect().get(10, TimeUnit.SECONDS);
        ReplicaSnapshot s = sb.await(x -> SbGlobal.all(x).anyMatch(g -> g.nbCfg() >= nbCfg))
            .get(30, TimeUnit.SECONDS);
        return SouthboundContent.of(s);
      }
    }
  }

  @Provide
  Arbitrary<List<NbChange>> changes() {
    Arbitrary<NbChange> change = Combinators.combine(
        Arbitraries.of(NbChange.Kind.class), Arbitraries.integers().between(0, 7),
        Arbitraries.integers().between(0, 40)).as(NbChange::new);
    Arbitrary<NbChange> start = Arbitraries.integers().between(0, 3)
        .map(i -> new NbChange(NbChange.Kind.ADD_SWITCH, i, 0));
    return Combinators.combine(start.list().ofSize(2), change.list().ofMinSize(5).ofMaxSize(25))
        .as((a, b) -> Stream.concat(a.stream(), b.stream()).toList());
  }

  @Provide
  Arbitrary<Integer> syncEvery() {
    return Arbitraries.integers().between(1, 6);
  }
}
