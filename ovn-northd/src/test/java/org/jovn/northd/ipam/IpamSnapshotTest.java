package org.jovn.northd.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.client.TransactionResult;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Ipam#assign} on a replica of a Northbound database served by jovn's server. */
class IpamSnapshotTest {
  @TempDir Path dir;

  @Test
  void assign_replicaWithRouterAndStaticPorts_assignsAroundThemAndThenKeeps() throws Exception {
    Path db = dir.resolve("nb.db");
    LogStorage.create(db, DatabaseSchema.bundled("ovn-nb").json());
    try (OvsdbServer server = new OvsdbServer(ServerConfig.defaults()
        .withRemotes(List.of("punix:" + dir.resolve("nb.sock"))))) {
      server.openDatabase(db);
      server.start();
      try (OvsdbClient nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb"))
          .remotes("unix:" + dir.resolve("nb.sock"))
          .monitor(LogicalSwitch.TABLE).monitor(LogicalSwitchPort.TABLE)
          .monitor(LogicalRouterPort.TABLE).build()) {
        nb.connect().get(10, TimeUnit.SECONDS);
        Transaction t = nb.transaction();
        Ref<LogicalRouterPort> rp = t.insert(LogicalRouterPort.TABLE)
            .set(LogicalRouterPort.NAME, "rp").set(LogicalRouterPort.MAC, "0a:00:00:00:00:02")
            .set(LogicalRouterPort.NETWORKS, Set.of("10.0.0.2/24")).ref();
        t.insert(LogicalRouter.TABLE).set(LogicalRouter.NAME, "r0")
            .set(LogicalRouter.PORTS, Set.of(rp));
        Ref<LogicalSwitchPort> rs = lsp(t, "rs", Set.of("router"))
            .set(LogicalSwitchPort.TYPE, "router")
            .set(LogicalSwitchPort.OPTIONS, Map.of("router-port", "rp")).ref();
        Ref<LogicalSwitchPort> vm = lsp(t, "vm", Set.of("0a:00:00:00:00:05 10.0.0.3")).ref();
        Ref<LogicalSwitchPort> p1 = lsp(t, "p1", Set.of("dynamic")).ref();
        Ref<LogicalSwitchPort> p2 = lsp(t, "p2", Set.of("0a:00:00:00:00:02 10.0.0.9"))
            .set(LogicalSwitchPort.DYNAMIC_ADDRESSES, "0a:00:00:00:00:07 10.0.0.7").ref();
        t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "sw0")
            .set(LogicalSwitch.PORTS, Set.of(rs, vm, p1, p2))
            .set(LogicalSwitch.OTHER_CONFIG, Map.of("subnet", "10.0.0.0/24"));
        TransactionResult r = nb.transact(t).get(10, TimeUnit.SECONDS);
        ReplicaSnapshot s = nb.sync().get(10, TimeUnit.SECONDS);

        Map<UUID, Optional<String>> changes = Ipam.assign(s, "0a:00:00");
        assertThat(changes).containsOnly(
            Map.entry(r.ref(p1).uuid(), Optional.of("0a:00:00:00:00:06 10.0.0.4")),
            Map.entry(r.ref(p2).uuid(), Optional.empty()));

        Transaction apply = nb.transaction();
        changes.forEach((lsp, v) -> apply.update(LogicalSwitchPort.TABLE, lsp)
            .set(LogicalSwitchPort.DYNAMIC_ADDRESSES, v));
        nb.transact(apply).get(10, TimeUnit.SECONDS);
        assertThat(Ipam.assign(nb.sync().get(10, TimeUnit.SECONDS), "0a:00:00")).isEmpty();
      }
    }
  }

  private static Transaction.Insert lsp(Transaction t, String name, Set<String> addresses) {
    return t.insert(LogicalSwitchPort.TABLE).set(LogicalSwitchPort.NAME, name)
        .set(LogicalSwitchPort.ADDRESSES, addresses);
  }
}
