package org.jovn.ovsdb.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * The replica's contents at one moment: the monitored tables' rows, by UUID. Immutable and
 * thread-safe; obtained from {@link OvsdbClient#snapshot()}. Columns that are not monitored hold
 * their defaults.
 *
 * <p>Index lookups ({@link #lookup}) build a hash index on first use per column list and keep it
 * with the snapshot, so repeated lookups are O(1).
 */
public final class ReplicaSnapshot {
  private final DatabaseSchema schema;
  private final Map<String, Map<UUID, Row>> tables;
  private final long seqno;
  private final Object replica;
  private final Map<String, TableChanges> history;
  private final Map<String, Map<List<Datum>, Row>> indexes = new ConcurrentHashMap<>();

  ReplicaSnapshot(DatabaseSchema schema, Map<String, Map<UUID, Row>> tables, long seqno,
      Object replica, Map<String, TableChanges> history) {
    this.schema = schema;
    this.tables = Map.copyOf(tables);
    this.seqno = seqno;
    this.replica = replica;
    this.history = Map.copyOf(history);
  }

  /** The schema the rows follow: the server's, once connected. */
  public DatabaseSchema schema() {
    return schema;
  }

  /**
   * A number that grows with every update applied to the replica; equal numbers mean equal
   * contents.
   */
  public long seqno() {
    return seqno;
  }

  /** The names of the monitored tables. */
  public java.util.Set<String> tableNames() {
    return tables.keySet();
  }

  /**
   * The UUIDs of the rows of {@code table} that were inserted, modified or deleted between
   * {@code earlier} (a snapshot of the same replica, taken before this one) and this snapshot:
   * what a caller that has already processed {@code earlier} needs to look at again. Empty when
   * the replica cannot tell: {@code earlier} comes from another replica or is newer than this
   * one, or it is so old that the replica's bounded history no longer reaches it. A row
   * changed and changed back may be included.
   */
  public Optional<Set<UUID>> changedRows(String table, ReplicaSnapshot earlier) {
    if (earlier.replica != replica || earlier.seqno > seqno) {
      return Optional.empty();
    }
    return history.getOrDefault(table, TableChanges.EMPTY).since(earlier.seqno);
  }

  /** The rows of a table by UUID, unmodifiable; empty when the table is not monitored. */
  public Map<UUID, Row> rows(String table) {
    return tables.getOrDefault(table, Map.of());
  }

  /** The row with this UUID, if the table has it. */
  public Optional<Row> row(String table, UUID uuid) {
    return Optional.ofNullable(rows(table).get(uuid));
  }

  /** The rows of a table that satisfy a predicate, in no particular order. */
  public Stream<Row> find(String table, Predicate<Row> filter) {
    return rows(table).values().stream().filter(filter);
  }

  /**
   * The row whose {@code columns} hold {@code values} (converted as {@link Values} does), as a
   * schema index or any other column list identifies at most one row; when several rows match,
   * one of them.
   *
   * @throws IllegalArgumentException on an unknown table or column, or a value that does not fit
   */
  public Optional<Row> lookup(String table, List<String> columns, Object... values) {
    TableSchema ts = tableSchema(table);
    if (columns.size() != values.length) {
      throw new IllegalArgumentException(columns.size() + " columns but " + values.length
          + " values");
    }
    List<ColumnSchema> cols = new ArrayList<>(columns.size());
    List<Datum> key = new ArrayList<>(columns.size());
    for (int i = 0; i < values.length; i++) {
      ColumnSchema c = ts.column(columns.get(i));
      if (c == null) {
        throw new IllegalArgumentException("table " + table + " has no column " + columns.get(i));
      }
      cols.add(c);
      key.add(Values.toDatum(c.type(), values[i]));
    }
    Map<List<Datum>, Row> index = indexes.computeIfAbsent(table + "\0" + columns,
        k -> buildIndex(table, cols));
    return Optional.ofNullable(index.get(key));
  }

  private Map<List<Datum>, Row> buildIndex(String table, List<ColumnSchema> cols) {
    Map<List<Datum>, Row> index = new HashMap<>();
    for (Row r : rows(table).values()) {
      List<Datum> k = new ArrayList<>(cols.size());
      for (ColumnSchema c : cols) {
        k.add(r.get(c));
      }
      index.put(List.copyOf(k), r);
    }
    return index;
  }

  private TableSchema tableSchema(String table) {
    TableSchema ts = schema.table(table);
    if (ts == null) {
      throw new IllegalArgumentException("no table " + table + " in " + schema);
    }
    return ts;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ReplicaSnapshot[seqno=").append(seqno);
    tables.forEach((t, rows) -> sb.append(", ").append(t).append('=').append(rows.size()));
    return sb.append(']').toString();
  }
}
