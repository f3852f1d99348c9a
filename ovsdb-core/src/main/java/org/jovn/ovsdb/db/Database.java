package org.jovn.ovsdb.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * The committed contents of one database: rows per table, plus the indexes that transactions
 * need (incoming strong reference counts, weak referrers, unique-index keys).
 *
 * <p><b>One writer.</b> Not thread-safe: all calls come from the database's single owner thread.
 * State changes only through {@link #apply}, the one replay path shared by new commits, recovery
 * from disk and replication.
 */
public final class Database {
  private final DatabaseSchema schema;
  private final Map<String, HashMap<UUID, Row>> tables = new LinkedHashMap<>();
  /** Target row to the number of strong references to it. */
  private final HashMap<UUID, Integer> strongRefs = new HashMap<>();
  /** Target row to the rows (uuid to table) that weakly reference it. */
  private final HashMap<UUID, Map<UUID, String>> weakReferrers = new HashMap<>();
  /** Table to, per unique index, the key columns' values to the row holding them. */
  private final Map<String, List<HashMap<List<Datum>, UUID>>> indexes = new HashMap<>();

  public Database(DatabaseSchema schema) {
    this.schema = schema;
    for (TableSchema t : schema.tables()) {
      tables.put(t.name(), new HashMap<>());
      List<HashMap<List<Datum>, UUID>> idx = new ArrayList<>();
      for (int i = 0; i < t.indexes().size(); i++) {
        idx.add(new HashMap<>());
      }
      indexes.put(t.name(), idx);
    }
  }

  public DatabaseSchema schema() {
    return schema;
  }

  /** The committed row, or null. */
  public Row row(String table, UUID uuid) {
    HashMap<UUID, Row> rows = tables.get(table);
    return rows == null ? null : rows.get(uuid);
  }

  /** The committed rows of a table (a live, unmodifiable view). */
  public Collection<Row> rows(String table) {
    return Collections.unmodifiableCollection(tables.get(table).values());
  }

  /** Number of rows in a table. */
  public int rowCount(String table) {
    return tables.get(table).size();
  }

  /** Total number of rows. */
  public long totalRows() {
    long n = 0;
    for (HashMap<UUID, Row> t : tables.values()) {
      n += t.size();
    }
    return n;
  }

  /** Committed count of strong references to a row. */
  public int strongRefCount(UUID target) {
    return strongRefs.getOrDefault(target, 0);
  }

  /** Rows (uuid to table name) that weakly reference the target. */
  public Map<UUID, String> weakReferrers(UUID target) {
    return weakReferrers.getOrDefault(target, Map.of());
  }

  /** The row holding these values in the table's i-th unique index, or null. */
  public UUID indexLookup(TableSchema table, int i, List<Datum> key) {
    return indexes.get(table.name()).get(i).get(key);
  }

  /** The key of a row in one of its table's indexes. */
  public static List<Datum> indexKey(Row row, List<ColumnSchema> columns) {
    List<Datum> key = new ArrayList<>(columns.size());
    for (ColumnSchema c : columns) {
      key.add(row.get(c));
    }
    return key;
  }

  /** Applies committed changes: the single replay path. */
  public void apply(ChangeSet changes) {
    changes.tables().forEach((table, rows) -> {
      HashMap<UUID, Row> data = tables.get(table);
      TableSchema ts = schema.table(table);
      for (RowChange ch : rows.values()) {
        if (ch.old() != null) {
          unindex(ts, ch.old());
        }
        if (ch.neu() != null) {
          data.put(ch.neu().uuid(), ch.neu());
          index(ts, ch.neu());
        } else {
          data.remove(ch.old().uuid());
        }
      }
    });
  }

  private void index(TableSchema ts, Row row) {
    Refs.forEach(row, (c, base, target) -> {
      if (base.isStrongRef()) {
        strongRefs.merge(target, 1, Integer::sum);
      } else {
        weakReferrers.computeIfAbsent(target, k -> new HashMap<>()).put(row.uuid(), ts.name());
      }
    });
    List<HashMap<List<Datum>, UUID>> idx = indexes.get(ts.name());
    for (int i = 0; i < idx.size(); i++) {
      idx.get(i).put(indexKey(row, ts.indexes().get(i)), row.uuid());
    }
  }

  private void unindex(TableSchema ts, Row row) {
    Refs.forEach(row, (c, base, target) -> {
      if (base.isStrongRef()) {
        strongRefs.computeIfPresent(target, (k, n) -> n == 1 ? null : n - 1);
      } else {
        Map<UUID, String> m = weakReferrers.get(target);
        if (m != null) {
          m.remove(row.uuid());
          if (m.isEmpty()) {
            weakReferrers.remove(target);
          }
        }
      }
    });
    List<HashMap<List<Datum>, UUID>> idx = indexes.get(ts.name());
    for (int i = 0; i < idx.size(); i++) {
      idx.get(i).remove(indexKey(row, ts.indexes().get(i)), row.uuid());
    }
  }
}
