package org.jovn.ovsdb.client;

import java.util.Objects;
import org.jovn.ovsdb.data.Row;

/**
 * A change to one row of the replica, as a {@link ReplicaListener} receives it. Rows are
 * immutable; columns not monitored hold their defaults.
 */
public sealed interface RowEvent {
  /** The table's name. */
  default String table() {
    return (newRow() != null ? newRow() : oldRow()).table().name();
  }

  /** The row before the change, or null for an insert. */
  Row oldRow();

  /** The row after the change, or null for a delete. */
  Row newRow();

  /** A row appeared (inserted, or came into the monitor's condition). */
  record Inserted(Row row) implements RowEvent {
    public Inserted {
      Objects.requireNonNull(row, "row");
    }

    @Override
    public Row oldRow() {
      return null;
    }

    @Override
    public Row newRow() {
      return row;
    }
  }

  /** A row changed; {@code old} and {@code row} have the same UUID. */
  record Modified(Row old, Row row) implements RowEvent {
    public Modified {
      Objects.requireNonNull(old, "old");
      Objects.requireNonNull(row, "row");
    }

    @Override
    public Row oldRow() {
      return old;
    }

    @Override
    public Row newRow() {
      return row;
    }
  }

  /** A row went away (deleted, or left the monitor's condition). */
  record Deleted(Row old) implements RowEvent {
    public Deleted {
      Objects.requireNonNull(old, "old");
    }

    @Override
    public Row oldRow() {
      return old;
    }

    @Override
    public Row newRow() {
      return null;
    }
  }
}
