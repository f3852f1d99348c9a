package org.jovn.ovsdb.txn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.RowChange;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * A transaction's private view: the committed database plus this transaction's changes. Reads
 * see the transaction's own writes; the committed database is never touched. Not thread-safe.
 */
final class TransactionState {
  private final Database db;
  /** Per table: row uuid to (committed row or null, current row or null). */
  private final Map<String, LinkedHashMap<UUID, RowChange>> changes = new LinkedHashMap<>();

  TransactionState(Database db) {
    this.db = db;
  }

  Database db() {
    return db;
  }

  /** The row as this transaction sees it, or null. */
  Row get(TableSchema table, UUID uuid) {
    LinkedHashMap<UUID, RowChange> t = changes.get(table.name());
    if (t != null) {
      RowChange c = t.get(uuid);
      if (c != null) {
        return c.neu();
      }
    }
    return db.row(table.name(), uuid);
  }

  /** Whether the row exists in the committed database or in this transaction. */
  boolean touched(TableSchema table, UUID uuid) {
    LinkedHashMap<UUID, RowChange> t = changes.get(table.name());
    return t != null && t.containsKey(uuid);
  }

  /** The rows matching the condition, as a stable list. */
  List<Row> query(TableSchema table, Condition where) {
    List<Row> out = new ArrayList<>();
    if (where.isAlwaysFalse()) {
      return out;
    }
    UUID pinned = where.pinnedUuid();
    if (pinned != null) {
      Row r = get(table, pinned);
      if (r != null && where.test(r)) {
        out.add(r);
      }
      return out;
    }
    LinkedHashMap<UUID, RowChange> t = changes.get(table.name());
    for (Row r : db.rows(table.name())) {
      if (t != null && t.containsKey(r.uuid())) {
        continue;
      }
      if (where.test(r)) {
        out.add(r);
      }
    }
    if (t != null) {
      for (RowChange c : t.values()) {
        if (c.neu() != null && where.test(c.neu())) {
          out.add(c.neu());
        }
      }
    }
    return out;
  }

  void insert(Row row) {
    checkMayCreate(row.table(), row.uuid());
    table(row.table()).put(row.uuid(), new RowChange(null, row));
  }

  /** Fails with "duplicate uuid" when the table has, or this transaction touched, that row. */
  void checkMayCreate(TableSchema table, UUID uuid) {
    if (touched(table, uuid) || db.row(table.name(), uuid) != null) {
      throw new OvsdbException("duplicate uuid", "This UUID (" + uuid + ") would duplicate "
          + "a UUID already present within the table or deleted within the same transaction.");
    }
  }

  /** Replaces the current version of a row (which must exist) with a new one. */
  void update(Row neu) {
    LinkedHashMap<UUID, RowChange> t = table(neu.table());
    RowChange c = t.get(neu.uuid());
    Row old = c != null ? c.old() : db.row(neu.table().name(), neu.uuid());
    t.put(neu.uuid(), new RowChange(old, neu));
  }

  void delete(Row current) {
    LinkedHashMap<UUID, RowChange> t = table(current.table());
    RowChange c = t.get(current.uuid());
    Row old = c != null ? c.old() : current;
    if (old == null) {
      t.remove(current.uuid());
    } else {
      t.put(current.uuid(), new RowChange(old, null));
    }
  }

  private LinkedHashMap<UUID, RowChange> table(TableSchema table) {
    return changes.computeIfAbsent(table.name(), k -> new LinkedHashMap<>());
  }

  /** The pending changes, per table (live view). */
  Map<String, LinkedHashMap<UUID, RowChange>> changes() {
    return changes;
  }
}
