package org.jovn.ovsdb.txn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.Refs;
import org.jovn.ovsdb.db.RowChange;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * The checks and consequences that run when a transaction's operations are done, as
 * ovsdb-server's commit does: garbage collection of unreferenced non-root rows, removal of weak
 * references to rows that do not exist, referential integrity of strong references, unique
 * indexes, row limits, and new {@code _version}s. Works only on the {@link TransactionState}.
 */
final class CommitChecks {
  private final TransactionState state;
  private final Database db;
  private final DatabaseSchema schema;
  private final Supplier<UUID> newUuid;
  /** Change in the number of strong references to each row. */
  private final Map<UUID, Integer> delta = new HashMap<>();
  /** The table each row in {@link #delta} belongs to. */
  private final Map<UUID, String> targetTable = new HashMap<>();

  CommitChecks(TransactionState state, Supplier<UUID> newUuid) {
    this.state = state;
    this.db = state.db();
    this.schema = db.schema();
    this.newUuid = newUuid;
  }

  ChangeSet run() {
    boolean references = false;
    for (RowChange c : allChanges()) {
      account(c.old(), -1);
      account(c.neu(), +1);
      references |= c.isDelete() || !c.current().table().refColumns().isEmpty()
          || (c.isInsert() && !c.neu().table().isRoot());
    }
    // Transactions that touch no reference, delete nothing and add no non-root row (most
    // single-row inserts and updates) cannot break references or orphan anything.
    if (references) {
      // ovsdb-server's order: strong references are checked before garbage collection, so a
      // dangling reference is an error even in a row that collection would delete.
      checkStrongRefs();
      collectGarbage();
    }
    checkMaxRows();
    boolean changed = references;
    while (changed) {
      changed = removeWeakRefs() && collectGarbage();
    }
    checkIndexes();
    return buildChangeSet();
  }

  private List<RowChange> allChanges() {
    List<RowChange> all = new ArrayList<>();
    for (LinkedHashMap<UUID, RowChange> t : state.changes().values()) {
      all.addAll(t.values());
    }
    return all;
  }

  private void account(Row row, int sign) {
    if (row == null) {
      return;
    }
    Refs.forEach(row, (c, base, target) -> {
      if (base.isStrongRef()) {
        delta.merge(target, sign, Integer::sum);
        targetTable.putIfAbsent(target, base.refTable());
      }
    });
  }

  private int postCount(UUID uuid) {
    return db.strongRefCount(uuid) + delta.getOrDefault(uuid, 0);
  }

  /** Deletes non-root rows that nothing strongly references. True when it deleted any. */
  private boolean collectGarbage() {
    Deque<Row> work = new ArrayDeque<>();
    for (RowChange c : allChanges()) {
      if (c.isInsert() && !c.neu().table().isRoot()) {
        work.add(c.neu());
      }
    }
    delta.forEach((uuid, d) -> {
      if (d < 0) {
        TableSchema t = schema.table(targetTable.get(uuid));
        Row r = state.get(t, uuid);
        if (r != null && !t.isRoot()) {
          work.add(r);
        }
      }
    });
    boolean deleted = false;
    while (!work.isEmpty()) {
      Row r = work.poll();
      Row current = state.get(r.table(), r.uuid());
      if (current == null || current.table().isRoot() || postCount(r.uuid()) > 0) {
        continue;
      }
      state.delete(current);
      deleted = true;
      Refs.forEach(current, (c, base, target) -> {
        if (base.isStrongRef()) {
          delta.merge(target, -1, Integer::sum);
          targetTable.putIfAbsent(target, base.refTable());
          Row t = state.get(schema.table(base.refTable()), target);
          if (t != null) {
            work.add(t);
          }
        }
      });
    }
    return deleted;
  }

  /** Drops weak references whose target does not exist. True when it changed any row. */
  private boolean removeWeakRefs() {
    Map<UUID, Row> candidates = new LinkedHashMap<>();
    for (RowChange c : allChanges()) {
      if (c.neu() != null) {
        candidates.put(c.neu().uuid(), c.neu());
      } else if (c.old() != null) {
        db.weakReferrers(c.old().uuid()).forEach((uuid, table) -> {
          Row r = state.get(schema.table(table), uuid);
          if (r != null) {
            candidates.put(uuid, r);
          }
        });
      }
    }
    boolean changed = false;
    for (Row row : candidates.values()) {
      Row neu = row;
      for (ColumnSchema c : row.table().refColumns()) {
        neu = neu.with(c, dropDangling(c, neu.get(c)));
      }
      if (neu != row) {
        for (ColumnSchema c : row.table().refColumns()) {
          try {
            c.type().checkCount(neu.get(c));
          } catch (OvsdbException e) {
            throw OvsdbException.constraint("Deletion of weak reference(s) from table "
                + row.table().name() + " column " + c.name() + " row " + row.uuid()
                + " leaves " + e.details());
          }
        }
        account(row, -1);
        account(neu, +1);
        state.update(neu);
        changed = true;
      }
    }
    return changed;
  }

  private Datum dropDangling(ColumnSchema c, Datum d) {
    boolean weakKey = c.type().key().isWeakRef();
    boolean weakValue = c.type().value() != null && c.type().value().isWeakRef();
    if (d.isEmpty() || (!weakKey && !weakValue)) {
      return d;
    }
    Map<Object, Object> kept = new LinkedHashMap<>();
    for (int i = 0; i < d.size(); i++) {
      boolean ok = !weakKey || exists(c.type().key().refTable(), (UUID) d.key(i));
      if (ok && weakValue) {
        ok = exists(c.type().value().refTable(), (UUID) d.value(i));
      }
      if (ok) {
        kept.put(d.key(i), d.isMap() ? d.value(i) : d.key(i));
      }
    }
    if (kept.size() == d.size()) {
      return d;
    }
    return d.isMap() ? Datum.mapOf(kept) : Datum.setOf(kept.keySet());
  }

  private boolean exists(String table, UUID uuid) {
    return state.get(schema.table(table), uuid) != null;
  }

  private void checkStrongRefs() {
    for (RowChange c : allChanges()) {
      if (c.neu() != null) {
        Set<UUID> before = new HashSet<>();
        if (c.old() != null) {
          Refs.forEach(c.old(), (col, base, t) -> before.add(t));
        }
        Refs.forEach(c.neu(), (col, base, target) -> {
          if (base.isStrongRef() && !before.contains(target)
              && !exists(base.refTable(), target)) {
            throw OvsdbException.referentialIntegrity("Table " + c.neu().table().name()
                + " column " + col.name() + " row " + c.neu().uuid()
                + " references nonexistent row " + target + " in table " + base.refTable()
                + ".");
          }
        });
      } else if (c.old() != null && postCount(c.old().uuid()) > 0) {
        throw OvsdbException.referentialIntegrity("cannot delete " + c.old().table().name()
            + " row " + c.old().uuid() + " because of " + postCount(c.old().uuid())
            + " remaining reference(s)");
      }
    }
  }

  private void checkIndexes() {
    state.changes().forEach((tableName, rows) -> {
      TableSchema t = schema.table(tableName);
      for (int i = 0; i < t.indexes().size(); i++) {
        List<ColumnSchema> cols = t.indexes().get(i);
        Map<List<Datum>, UUID> seen = new HashMap<>();
        for (RowChange c : rows.values()) {
          if (c.neu() == null) {
            continue;
          }
          List<Datum> key = Database.indexKey(c.neu(), cols);
          UUID other = seen.put(key, c.neu().uuid());
          if (other == null) {
            UUID committed = db.indexLookup(t, i, key);
            if (committed != null && !rows.containsKey(committed)) {
              other = committed;
            }
          }
          if (other != null) {
            throw OvsdbException.constraint("Transaction causes multiple rows in \"" + tableName
                + "\" table to have identical values (" + key + ") for index on columns "
                + cols.stream().map(ColumnSchema::name).toList() + ".  First row, with UUID "
                + other + ", and second row, with UUID " + c.neu().uuid() + ".");
          }
        }
      }
    });
  }

  private void checkMaxRows() {
    state.changes().forEach((tableName, rows) -> {
      TableSchema t = schema.table(tableName);
      if (t.maxRows() == Long.MAX_VALUE) {
        return;
      }
      long n = db.rowCount(tableName);
      for (RowChange c : rows.values()) {
        n += (c.neu() != null ? 1 : 0) - (c.old() != null ? 1 : 0);
      }
      if (n > t.maxRows()) {
        throw OvsdbException.constraint("Transaction causes \"" + tableName + "\" table to contain "
            + n + " rows, greater than the schema-defined limit of " + t.maxRows() + " row(s).");
      }
    });
  }

  private ChangeSet buildChangeSet() {
    ChangeSet.Builder b = ChangeSet.builder();
    state.changes().forEach((tableName, rows) -> {
      for (RowChange c : rows.values()) {
        if (c.old() != null && c.neu() != null && c.old().sameContent(c.neu())) {
          continue;
        }
        Row neu = c.neu() == null ? null : c.neu().withVersion(newUuid.get());
        b.put(tableName, new RowChange(c.old(), neu));
      }
    });
    return b.build();
  }
}
