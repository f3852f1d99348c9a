package org.jovn.ovsdb.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table: its columns in schema order, row limit, root status and unique indexes. Immutable.
 */
public final class TableSchema {
  private final String name;
  private final List<ColumnSchema> columns;
  private final Map<String, ColumnSchema> byName;
  private final long maxRows;
  private final boolean isRoot;
  private final List<List<ColumnSchema>> indexes;
  private final List<ColumnSchema> refColumns;

  TableSchema(String name, List<ColumnSchema> columns, long maxRows, boolean isRoot,
      List<List<ColumnSchema>> indexes) {
    this.name = name;
    this.columns = List.copyOf(columns);
    Map<String, ColumnSchema> map = new LinkedHashMap<>();
    for (ColumnSchema c : columns) {
      map.put(c.name(), c);
    }
    this.byName = Collections.unmodifiableMap(map);
    this.maxRows = maxRows;
    this.isRoot = isRoot;
    this.indexes = indexes.stream().map(List::copyOf).toList();
    this.refColumns = columns.stream().filter(ColumnSchema::hasRefs).toList();
  }

  public String name() {
    return name;
  }

  /** The columns in schema order, without {@code _uuid} and {@code _version}. */
  public List<ColumnSchema> columns() {
    return columns;
  }

  /** The column of that name, or null ({@code _uuid} and {@code _version} are not columns here). */
  public ColumnSchema column(String columnName) {
    return byName.get(columnName);
  }

  /** {@link Long#MAX_VALUE} when unlimited. */
  public long maxRows() {
    return maxRows;
  }

  /** Whether rows live without being referenced (RFC 7047 §3.2 "isRoot"). */
  public boolean isRoot() {
    return isRoot;
  }

  /** Sets of columns whose values must be unique across rows. */
  public List<List<ColumnSchema>> indexes() {
    return indexes;
  }

  /** The columns that reference other tables. */
  public List<ColumnSchema> refColumns() {
    return refColumns;
  }

  @Override
  public String toString() {
    return "table " + name;
  }
}
