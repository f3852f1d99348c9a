package org.jovn.ovsdb.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.schema.DatabaseSchema;

/** A client's settings, as the builder collected them. Immutable. */
record ClientConfig(
    DatabaseSchema schema,
    List<Remote> remotes,
    boolean leaderOnly,
    Duration minBackoff,
    Duration maxBackoff,
    RpcOptions rpcOptions,
    MonitorMethod monitorMethod,
    Map<String, TableSpec> tables) {
  ClientConfig {
    remotes = List.copyOf(remotes);
    tables = Map.copyOf(tables);
    if (remotes.isEmpty()) {
      throw new IllegalArgumentException("at least one remote is needed");
    }
    for (Remote r : remotes) {
      if (r.kind().passive()) {
        throw new IllegalArgumentException(r + " is passive; a client needs tcp:, ssl: or unix:");
      }
    }
    for (String t : tables.keySet()) {
      if (schema.table(t) == null) {
        throw new IllegalArgumentException("no table " + t + " in " + schema);
      }
    }
  }

  String database() {
    return schema.name();
  }
}
