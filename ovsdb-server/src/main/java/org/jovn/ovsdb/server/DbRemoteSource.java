package org.jovn.ovsdb.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.RowChange;
import org.jovn.ovsdb.schema.AtomicType;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * A {@code db:DB,TABLE,COLUMN} remote: the remotes named by a column of every row of a table.
 * The column holds connection methods as strings, or references to rows with a {@code target}
 * column and optionally {@code inactivity_probe} and {@code read_only} (OVN's and OVS's
 * Connection/Manager tables), as ovsdb-server reads them. Into the latter rows' ephemeral
 * {@code is_connected} and {@code status} columns the server writes what it knows of each
 * remote ({@link #statusChanges}).
 */
record DbRemoteSource(String text, String database, String table, String column) {

  /** Parses {@code db:DB,TABLE,COLUMN}. */
  static DbRemoteSource parse(String text) {
    String[] parts = text.substring("db:".length()).split(",");
    if (parts.length != 3) {
      throw new IllegalArgumentException("\"" + text + "\": expected db:DB,TABLE,COLUMN");
    }
    return new DbRemoteSource(text, parts[0], parts[1], parts[2]);
  }

  /**
   * Reads the remotes from the database (on its owner thread).
   *
   * @throws OvsdbException when the table or column does not exist or has the wrong type
   */
  List<RemoteSpec> read(Database db) {
    TableSchema t = db.schema().table(table);
    ColumnSchema c = t == null ? null : t.column(column);
    if (c == null) {
      throw OvsdbException.syntax(text + ": no column " + column + " in table " + table);
    }
    List<RemoteSpec> out = new ArrayList<>();
    for (Row r : db.rows(table)) {
      Datum d = r.get(c);
      for (int i = 0; i < d.size(); i++) {
        Object k = d.key(i);
        if (k instanceof String s) {
          out.add(RemoteSpec.of(s));
        } else if (k instanceof UUID ref && c.type().key().isRef()) {
          RemoteSpec spec = connection(db, c.type().key().refTable(), ref);
          if (spec != null) {
            out.add(spec);
          }
        }
      }
    }
    return out;
  }

  /**
   * The change that makes the {@code is_connected} and {@code status} columns of every row
   * referenced by this source show the status of the remote its {@code target} names; empty when
   * they already do (or the source holds plain strings, or the rows lack those columns). Runs on
   * the database's owner thread.
   *
   * @param statusOf the status of a target
   * @param newVersion a new {@code _version} for each changed row
   */
  ChangeSet statusChanges(Database db, Function<String, ConnectionStatus> statusOf,
      Supplier<UUID> newVersion) {
    TableSchema t = db.schema().table(table);
    ColumnSchema c = t == null ? null : t.column(column);
    if (c == null || !c.type().key().isRef() || c.type().isMap()) {
      return ChangeSet.empty();
    }
    TableSchema refs = db.schema().table(c.type().key().refTable());
    ColumnSchema target = refs.column("target");
    ColumnSchema connected = refs.column("is_connected");
    ColumnSchema status = refs.column("status");
    if (target == null || connected == null || status == null
        || connected.type().key().type() != AtomicType.BOOLEAN || !status.type().isMap()) {
      return ChangeSet.empty();
    }
    ChangeSet.Builder changes = ChangeSet.builder();
    Set<UUID> seen = new HashSet<>();
    for (Row r : db.rows(table)) {
      for (Object ref : r.get(c).keys()) {
        Row old = db.row(refs.name(), (UUID) ref);
        if (old == null || old.get(target).isEmpty() || !seen.add(old.uuid())) {
          continue;
        }
        ConnectionStatus s = statusOf.apply((String) old.get(target).first());
        Row row = old.with(connected, Datum.of(s.connected()))
            .with(status, s.status().isEmpty() ? Datum.emptyMap() : Datum.mapOf(s.status()));
        if (!old.sameContent(row)) {
          changes.put(refs.name(), new RowChange(old, row.withVersion(newVersion.get())));
        }
      }
    }
    return changes.build();
  }

  private static RemoteSpec connection(Database db, String table, UUID uuid) {
    Row row = db.row(table, uuid);
    TableSchema t = db.schema().table(table);
    ColumnSchema target = t.column("target");
    if (row == null || target == null || row.get(target).isEmpty()) {
      return null;
    }
    long probe = RemoteSpec.DEFAULT_PROBE_MS;
    ColumnSchema probeCol = t.column("inactivity_probe");
    if (probeCol != null && !row.get(probeCol).isEmpty()) {
      probe = (Long) row.get(probeCol).first();
    }
    boolean readOnly = false;
    ColumnSchema ro = t.column("read_only");
    if (ro != null && !row.get(ro).isEmpty()) {
      readOnly = (Boolean) row.get(ro).first();
    }
    return new RemoteSpec((String) row.get(target).first(), probe, readOnly);
  }
}
