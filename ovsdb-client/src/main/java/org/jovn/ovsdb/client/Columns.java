package org.jovn.ovsdb.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.ColumnSchema;

/**
 * Reads a row's columns as Java values: the conversions generated table bindings use. Atoms come
 * as {@link Long}, {@link Double}, {@link Boolean}, {@link String} or {@link java.util.UUID};
 * {@code convert} turns each into the binding's type (e.g. a UUID into a {@link Ref}).
 * Stateless; results are unmodifiable.
 *
 * @throws IllegalArgumentException (from every method) when the row's table has no such column
 */
public final class Columns {
  private Columns() {}

  /** The value of a column holding exactly one atom. */
  public static <T> T scalar(Row row, String column, Function<Object, T> convert) {
    return convert.apply(datum(row, column).first());
  }

  /** The value of a column holding zero or one atom. */
  public static <T> Optional<T> optional(Row row, String column, Function<Object, T> convert) {
    Datum d = datum(row, column);
    return d.isEmpty() ? Optional.empty() : Optional.of(convert.apply(d.first()));
  }

  /** The elements of a set column, in the set's order. */
  public static <T> Set<T> set(Row row, String column, Function<Object, T> convert) {
    Datum d = datum(row, column);
    Set<T> out = new LinkedHashSet<>();
    for (int i = 0; i < d.size(); i++) {
      out.add(convert.apply(d.key(i)));
    }
    return Collections.unmodifiableSet(out);
  }

  /** The pairs of a map column, in key order. */
  public static <K, V> Map<K, V> map(Row row, String column, Function<Object, K> key,
      Function<Object, V> value) {
    Datum d = datum(row, column);
    Map<K, V> out = new LinkedHashMap<>();
    for (int i = 0; i < d.size(); i++) {
      out.put(key.apply(d.key(i)), value.apply(d.value(i)));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Converts a UUID atom into a typed reference. */
  public static <T> Ref<T> ref(Object atom) {
    return Ref.of((java.util.UUID) atom);
  }

  private static Datum datum(Row row, String column) {
    ColumnSchema c = row.table().column(column);
    if (c == null) {
      throw new IllegalArgumentException("table " + row.table().name() + " has no column "
          + column);
    }
    return row.get(c);
  }
}
