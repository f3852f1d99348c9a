package org.jovn.northd.model;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jovn.ovsdb.data.Row;

/**
 * Values derived from rows, kept while the row is the same object: a replica snapshot hands out
 * the very same {@link Row} for a row that did not change, so identity tells "unchanged" for
 * free. Not thread-safe.
 *
 * @param <T> the derived value
 */
public final class RowMemo<T> {
  private record Entry<T>(Row row, T value) {}

  private final Map<UUID, Entry<T>> entries = new HashMap<>();

  /** The value for {@code row}, derived again only if the row changed since. */
  public T get(Row row, Function<Row, T> derive) {
    T v = peek(row);
    if (v == null) {
      v = derive.apply(row);
      put(row, v);
    }
    return v;
  }

  /** The value kept for this very row object, or null. */
  public T peek(Row row) {
    Entry<T> e = entries.get(row.uuid());
    return e != null && e.row() == row ? e.value() : null;
  }

  /** Keeps {@code value} for {@code row}. */
  public void put(Row row, T value) {
    entries.put(row.uuid(), new Entry<>(row, value));
  }

  /** Forgets rows no longer in the table, once the memo holds twice as many as it has. */
  public void retain(Map<UUID, Row> table) {
    if (entries.size() > 2 * table.size() + 16) {
      entries.keySet().retainAll(table.keySet());
    }
  }
}
