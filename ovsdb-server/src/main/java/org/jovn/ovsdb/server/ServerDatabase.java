package org.jovn.ovsdb.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.data.Uuids;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.RowChange;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * The {@code _Server} database's contents: one Database row per served database, with the
 * columns leader-only clients read (name, model, connected, leader, schema, cid, sid, index).
 * Stateless helpers that build change sets for the {@code _Server} engine.
 */
final class ServerDatabase {
  static final String NAME = "_Server";

  private ServerDatabase() {}

  /** The bundled {@code _Server} schema (version 1.2.0, as OVS 3.1 serves it). */
  static DatabaseSchema schema() {
    try (InputStream in = ServerDatabase.class.getResourceAsStream("_server.ovsschema")) {
      return DatabaseSchema.fromJson(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the Database row of one database says. */
  record Status(String name, String model, boolean connected, boolean leader, String schemaJson,
      UUID cid, UUID sid, Long index) {}

  /** The change that makes the row of {@code status.name()} match the status. */
  static ChangeSet upsert(Database db, Status status, RandomGenerator random) {
    TableSchema t = db.schema().table("Database");
    Row old = find(db, status.name());
    Row row = old != null ? old : Row.withDefaults(t, Uuids.random(random), null);
    row = row.with(t.column("name"), Datum.of(status.name()))
        .with(t.column("model"), Datum.of(status.model()))
        .with(t.column("connected"), Datum.of(status.connected()))
        .with(t.column("leader"), Datum.of(status.leader()))
        .with(t.column("schema"), Datum.of(status.schemaJson()))
        .with(t.column("cid"), optional(status.cid()))
        .with(t.column("sid"), optional(status.sid()))
        .with(t.column("index"), optional(status.index()));
    if (old != null && old.sameContent(row)) {
      return ChangeSet.empty();
    }
    return ChangeSet.builder().put("Database",
        new RowChange(old, row.withVersion(Uuids.random(random)))).build();
  }

  /** The change that removes the row of a database no longer served. */
  static ChangeSet remove(Database db, String name) {
    Row old = find(db, name);
    return old == null ? ChangeSet.empty()
        : ChangeSet.builder().put("Database", new RowChange(old, null)).build();
  }

  private static Datum optional(Object value) {
    return value == null ? Datum.emptySet() : Datum.of(value);
  }

  private static Row find(Database db, String name) {
    TableSchema t = db.schema().table("Database");
    for (Row r : db.rows("Database")) {
      if (r.get(t.column("name")).first().equals(name)) {
        return r;
      }
    }
    return null;
  }
}
