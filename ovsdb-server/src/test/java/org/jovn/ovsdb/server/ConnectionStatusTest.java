package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.RowChange;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;
import org.junit.jupiter.api.Test;

/** Status columns change only when the status does: no commit per period otherwise. */
class ConnectionStatusTest {
  private static final DbRemoteSource SOURCE =
      DbRemoteSource.parse("db:OVN_Northbound,NB_Global,connections");

  private static Database withConnection(String target) {
    Database db = new Database(DatabaseSchema.bundled("ovn-nb"));
    TableSchema conn = db.schema().table("Connection");
    TableSchema global = db.schema().table("NB_Global");
    UUID c = UUID.randomUUID();
    Row connection = Row.withDefaults(conn, c, UUID.randomUUID())
        .with(conn.column("target"), Datum.of(target));
    Row nb = Row.withDefaults(global, UUID.randomUUID(), UUID.randomUUID())
        .with(global.column("connections"), Datum.of(c));
    db.apply(ChangeSet.builder().put("Connection", new RowChange(null, connection))
        .put("NB_Global", new RowChange(null, nb)).build());
    return db;
  }

  @Test
  void statusChanges_sameStatusTwice_secondIsEmpty() {
    Database db = withConnection("ptcp:6641");
    ConnectionStatus two = ConnectionStatus.passive(6641, 2);

    ChangeSet first = SOURCE.statusChanges(db, t -> two, UUID::randomUUID);
    assertThat(first.size()).isEqualTo(1);
    db.apply(first);
    Row row = db.rows("Connection").iterator().next();
    TableSchema conn = db.schema().table("Connection");
    assertThat(row.get(conn.column("is_connected"))).isEqualTo(Datum.of(true));
    assertThat(row.get(conn.column("status")).toMap()).containsEntry("bound_port", "6641")
        .containsEntry("n_connections", "2");

    assertThat(SOURCE.statusChanges(db, t -> ConnectionStatus.passive(6641, 2),
        UUID::randomUUID).isEmpty()).isTrue();
    assertThat(SOURCE.statusChanges(db, t -> ConnectionStatus.passive(6641, 0),
        UUID::randomUUID).size()).isEqualTo(1);
  }
}
