package org.jovn.northd;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovsdb.client.NbCfg;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;

/**
 * OVN central in this JVM for tests: our ovsdb-server holding fresh Northbound and Southbound
 * databases on one unix socket, our northd, and a Northbound and a Southbound client that see
 * everything. Closing it stops all of them.
 */
final class LocalCentral implements AutoCloseable {
  final OvsdbServer server;
  final Northd northd;
  final OvsdbClient nb;
  final OvsdbClient sb;
  final String remote;

  LocalCentral(Path dir) throws Exception {
    Path nbDb = dir.resolve("nb.db");
    Path sbDb = dir.resolve("sb.db");
    LogStorage.create(nbDb, DatabaseSchema.bundled("ovn-nb").json());
    LogStorage.create(sbDb, DatabaseSchema.bundled("ovn-sb").json());
    remote = "unix:" + dir.resolve("db.sock");
    server = new OvsdbServer(ServerConfig.defaults()
        .withRemotes(List.of("punix:" + dir.resolve("db.sock"))));
    server.openDatabase(nbDb);
    server.openDatabase(sbDb);
    server.start();
    northd = Northd.start(new NorthdConfig(List.of(remote), List.of(remote), null));
    nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb")).remotes(remote).monitorAll()
        .build();
    sb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-sb")).remotes(remote).monitorAll()
        .build();
    nb.connect().get(10, TimeUnit.SECONDS);
    sb.connect().get(10, TimeUnit.SECONDS);
    nb.await(s -> !s.rows("NB_Global").isEmpty()).get(10, TimeUnit.SECONDS);
  }

  /**
   * Waits until northd has written everything the Northbound holds now ({@code nb_cfg} →
   * {@code sb_cfg}), then returns a Southbound snapshot that includes it.
   */
  ReplicaSnapshot syncSb() throws Exception {
    long cfg = NbCfg.increment(nb).get(10, TimeUnit.SECONDS);
    NbCfg.awaitSb(nb, cfg).get(20, TimeUnit.SECONDS);
    return sb.sync().get(10, TimeUnit.SECONDS);
  }

  /** The number of logical switches in the Northbound replica (a cheap liveness check). */
  long switches() {
    return LogicalSwitch.all(nb.snapshot()).count();
  }

  @Override
  public void close() {
    nb.close();
    sb.close();
    northd.close();
    server.close();
  }
}
