package org.jovn.ovsdb.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * The database file's transaction records (ovsdb(5)): {@code {TABLE: {UUID: ROW-or-null}, "_date":
 * MS, "_comment": TEXT}}. Written records carry full new values of changed columns (readable by
 * every OVS version); records with {@code "_is_diff": true}, as newer ovsdb-server writes them,
 * are read too. Ephemeral columns are never written. Stateless.
 */
public final class ChangeSetJson {
  private ChangeSetJson() {}

  /**
   * The file record of a change set, or null when nothing durable changed.
   *
   * @param comment the transaction's comment, or null
   */
  public static ObjectNode toFileRecord(ChangeSet changes, String comment, long dateMs) {
    return toRecord(changes, comment, dateMs, false);
  }

  /**
   * The record of a change set, or null when nothing changed. With {@code withEphemeral}, the
   * form a replicated log carries: ephemeral columns too (every cluster member serves them) and
   * each row's {@code _version}, so that every member gives a row the same version.
   */
  public static ObjectNode toRecord(ChangeSet changes, String comment, long dateMs,
      boolean withEphemeral) {
    ObjectNode record = Json.object();
    changes.tables().forEach((table, rows) -> {
      ObjectNode t = null;
      for (RowChange c : rows.values()) {
        JsonNode row = c.neu() == null ? Json.NODES.nullNode() : columns(c, withEphemeral);
        if (row == null) {
          continue;
        }
        if (t == null) {
          t = record.putObject(table);
        }
        t.set(c.current().uuid().toString(), row);
      }
    });
    if (record.isEmpty()) {
      return null;
    }
    record.put("_date", dateMs);
    if (comment != null) {
      record.put("_comment", comment);
    }
    return record;
  }

  private static ObjectNode columns(RowChange c, boolean withEphemeral) {
    ObjectNode o = Json.object();
    for (ColumnSchema col : c.neu().table().columns()) {
      if (col.ephemeral() && !withEphemeral) {
        continue;
      }
      Datum v = c.neu().get(col);
      Datum before = c.old() == null ? col.type().defaultDatum() : c.old().get(col);
      if (!v.equals(before)) {
        o.set(col.name(), v.toJson(col.type()));
      }
    }
    if (o.isEmpty() && c.old() != null) {
      return null;
    }
    if (withEphemeral && c.neu().version() != null) {
      o.put(VERSION, c.neu().version().toString());
    }
    return o;
  }

  private static final String VERSION = "_version";

  /** One record holding every row of the database, as compaction writes it. */
  public static ObjectNode snapshotRecord(Database db, long dateMs) {
    return snapshotRecord(db, dateMs, false);
  }

  /**
   * One record holding every row; with {@code withEphemeral}, ephemeral columns and row versions
   * too (a replica's snapshot, see {@link #toRecord}).
   */
  public static ObjectNode snapshotRecord(Database db, long dateMs, boolean withEphemeral) {
    ObjectNode record = Json.object();
    for (TableSchema t : db.schema().tables()) {
      if (db.rowCount(t.name()) == 0) {
        continue;
      }
      ObjectNode rows = record.putObject(t.name());
      for (Row r : db.rows(t.name())) {
        rows.set(r.uuid().toString(), columns(new RowChange(null, r), withEphemeral));
      }
    }
    record.put("_date", dateMs);
    record.put("_comment", "compacting database online");
    return record;
  }

  /**
   * Reads a file record into the change set that replays it on {@code db}.
   *
   * @param newVersion supplies the {@code _version} of each changed row whose record does not
   *     carry one (file records never do; replicated log entries do)
   * @throws OvsdbException on unknown tables or columns or malformed values
   */
  public static ChangeSet fromFileRecord(Database db, JsonNode record, Supplier<UUID> newVersion) {
    if (!record.isObject()) {
      throw OvsdbException.syntax("transaction record must be an object");
    }
    boolean isDiff = record.path("_is_diff").asBoolean(false);
    ChangeSet.Builder b = ChangeSet.builder();
    for (Map.Entry<String, JsonNode> e : record.properties()) {
      String name = e.getKey();
      if (name.startsWith("_")) {
        continue;
      }
      TableSchema t = db.schema().table(name);
      if (t == null) {
        throw OvsdbException.syntax("No table named " + name + ".");
      }
      for (Map.Entry<String, JsonNode> r : e.getValue().properties()) {
        UUID uuid = Atoms.parseUuid(r.getKey());
        Row old = db.row(name, uuid);
        if (r.getValue().isNull()) {
          if (old != null) {
            b.put(name, new RowChange(old, null));
          }
          continue;
        }
        Row base = old != null ? old : Row.withDefaults(t, uuid, null);
        Row neu = applyColumns(t, base, r.getValue(), isDiff && old != null);
        JsonNode version = r.getValue().get(VERSION);
        b.put(name, new RowChange(old, neu.withVersion(version != null
            ? Atoms.parseUuid(version.asText()) : newVersion.get())));
      }
    }
    return b.build();
  }

  private static Row applyColumns(TableSchema t, Row row, JsonNode columns, boolean isDiff) {
    for (Map.Entry<String, JsonNode> c : columns.properties()) {
      if (c.getKey().equals(VERSION)) {
        continue;
      }
      ColumnSchema col = t.column(c.getKey());
      if (col == null) {
        throw OvsdbException.syntax("No column " + c.getKey() + " in table " + t.name() + ".");
      }
      Datum v = Datum.fromJsonUnchecked(col.type(), c.getValue(), null, false);
      // As ovsdb-server reads diffs: a column with at most one element, or still at its
      // default, takes the value as it is.
      Datum current = row.get(col);
      if (isDiff && col.type().max() > 1 && !current.equals(col.type().defaultDatum())) {
        v = current.applyDiff(v);
      }
      row = row.with(col, v);
    }
    return row;
  }
}
