package org.jovn.ovn.nb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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

/** The generated NB bindings over a live replica of our server. */
class TypedReplicaTest {
  @TempDir Path dir;

  @Test
  void typedRows_switchWithPort_readThroughRecordsRefsAndIndexes() throws Exception {
    Path db = dir.resolve("nb.db");
    LogStorage.create(db, DatabaseSchema.bundled("ovn-nb").json());
    try (OvsdbServer server = new OvsdbServer(ServerConfig.defaults()
        .withRemotes(List.of("punix:" + dir.resolve("nb.sock"))))) {
      server.openDatabase(db);
      server.start();
      try (OvsdbClient nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb"))
          .remotes("unix:" + dir.resolve("nb.sock"))
          .monitor(LogicalSwitch.TABLE).monitor(LogicalSwitchPort.TABLE).build()) {
        nb.connect().get(10, TimeUnit.SECONDS);
        Transaction t = nb.transaction();
        Ref<LogicalSwitchPort> port = t.insert(LogicalSwitchPort.TABLE)
            .set(LogicalSwitchPort.NAME, "vm1").set(LogicalSwitchPort.TAG_REQUEST, 7)
            .set(LogicalSwitchPort.ADDRESSES, Set.of("00:00:00:00:00:01 10.0.0.1")).ref();
        t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "sw0")
            .set(LogicalSwitch.PORTS, Set.of(port))
            .set(LogicalSwitch.EXTERNAL_IDS, Map.of("owner", "test"));
        TransactionResult r = nb.transact(t).get(10, TimeUnit.SECONDS);

        ReplicaSnapshot s = nb.snapshot();
        LogicalSwitchPort vm1 = LogicalSwitchPort.byName(s, "vm1").orElseThrow();
        assertThat(vm1.uuid()).isEqualTo(r.ref(port));
        assertThat(vm1.tagRequest()).contains(7L);
        assertThat(vm1.up()).isEmpty();
        LogicalSwitch sw0 = LogicalSwitch.all(s).findFirst().orElseThrow();
        assertThat(sw0.name()).isEqualTo("sw0");
        assertThat(sw0.ports()).containsExactly(vm1.uuid());
        assertThat(sw0.externalIds()).containsEntry("owner", "test");
        assertThat(LogicalSwitchPort.get(s, sw0.ports().iterator().next())).contains(vm1);
      }
    }
  }
}
