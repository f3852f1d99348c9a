package org.jovn.ovsdb.schema;

/**
 * A column of a table.
 *
 * @param name the column name
 * @param index position of the column in a row's column array
 * @param type the column's type
 * @param ephemeral true when the column is not written to disk
 * @param mutable false when the column may only be set on insert
 */
public record ColumnSchema(String name, int index, ColumnType type, boolean ephemeral,
    boolean mutable) {

  /** True when the key or the value references another table. */
  public boolean hasRefs() {
    return type.key().isRef() || (type.value() != null && type.value().isRef());
  }
}
