package org.jovn.ovsdb.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * One row: its table, {@code _uuid}, {@code _version} and a value per column in schema order.
 * Immutable and thread-safe; "modifying" a row makes a new one.
 */
public final class Row {
  private final TableSchema table;
  private final UUID uuid;
  private final UUID version;
  private final Datum[] columns;

  private Row(TableSchema table, UUID uuid, UUID version, Datum[] columns) {
    this.table = table;
    this.uuid = uuid;
    this.version = version;
    this.columns = columns;
  }

  /** A new row with every column at its default. */
  public static Row withDefaults(TableSchema table, UUID uuid, UUID version) {
    Datum[] cols = new Datum[table.columns().size()];
    for (ColumnSchema c : table.columns()) {
      cols[c.index()] = c.type().defaultDatum();
    }
    return new Row(table, uuid, version, cols);
  }

  public TableSchema table() {
    return table;
  }

  public UUID uuid() {
    return uuid;
  }

  public UUID version() {
    return version;
  }

  public Datum get(ColumnSchema column) {
    return columns[column.index()];
  }

  /** A copy with one column changed. */
  public Row with(ColumnSchema column, Datum value) {
    if (columns[column.index()].equals(value)) {
      return this;
    }
    Datum[] cols = columns.clone();
    cols[column.index()] = value;
    return new Row(table, uuid, version, cols);
  }

  /** A copy with another {@code _version}. */
  public Row withVersion(UUID newVersion) {
    return new Row(table, uuid, newVersion, columns);
  }

  /** True when every column of this row equals the other's (ignoring {@code _version}). */
  public boolean sameContent(Row other) {
    return Arrays.equals(columns, other.columns);
  }

  /** The given columns (all when null) as a JSON object, with {@code _uuid}/{@code _version}. */
  public ObjectNode toJson(Collection<ColumnSchema> cols, boolean withUuid, boolean withVersion) {
    ObjectNode o = Json.object();
    if (withUuid) {
      o.set("_uuid", Atoms.toJson(uuid));
    }
    if (withVersion) {
      o.set("_version", Atoms.toJson(version));
    }
    for (ColumnSchema c : cols == null ? table.columns() : cols) {
      o.set(c.name(), columns[c.index()].toJson(c.type()));
    }
    return o;
  }

  @Override
  public String toString() {
    return table.name() + " row " + uuid;
  }
}
