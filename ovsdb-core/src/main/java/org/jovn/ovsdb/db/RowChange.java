package org.jovn.ovsdb.db;

import org.jovn.ovsdb.data.Row;

/**
 * One row's change in a transaction: {@code old} is null for an insert, {@code neu} is null for a
 * delete, both are set for a modification.
 */
public record RowChange(Row old, Row neu) {
  public RowChange {
    if (old == null && neu == null) {
      throw new IllegalArgumentException("a change needs an old or a new row");
    }
  }

  public boolean isInsert() {
    return old == null;
  }

  public boolean isDelete() {
    return neu == null;
  }

  /** The row after the change, or before it for a delete. */
  public Row current() {
    return neu != null ? neu : old;
  }
}
