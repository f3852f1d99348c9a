package org.jovn.ovsdb.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.schema.BaseType;
import org.jovn.ovsdb.schema.ColumnType;

/**
 * Converts plain Java values to column values ({@link Datum}s) of a column type. Used by
 * {@link Transaction} and {@link Clause} and by generated table bindings. Stateless.
 *
 * <p>Accepted: a {@link Datum} as is; {@code null} or an empty {@link Optional} as the empty set;
 * an {@link Optional}'s content; a {@link Map} for map columns; a {@link Collection} for sets;
 * otherwise one atom. Atoms: {@link Integer}, {@link Long}, {@link Short} for integers (and reals),
 * {@link Float}, {@link Double} for reals, {@link Boolean}, {@link String}, {@link UUID} and
 * {@link Ref}.
 */
public final class Values {
  private Values() {}

  /**
   * The datum for {@code value} in a column of {@code type}.
   *
   * @throws IllegalArgumentException naming the value and the expected type when it does not fit
   *     (constraints such as ranges are left to the server)
   */
  public static Datum toDatum(ColumnType type, Object value) {
    if (value instanceof Datum d) {
      return d;
    }
    if (value == null) {
      return type.isMap() ? Datum.emptyMap() : Datum.emptySet();
    }
    if (value instanceof Optional<?> o) {
      return toDatum(type, o.orElse(null));
    }
    if (value instanceof Map<?, ?> m) {
      if (!type.isMap()) {
        throw new IllegalArgumentException("a map " + m + " given for a column of type " + type);
      }
      Map<Object, Object> atoms = new LinkedHashMap<>();
      m.forEach((k, v) -> atoms.put(atom(type.key(), k), atom(type.value(), v)));
      return Datum.mapOf(atoms);
    }
    if (type.isMap()) {
      throw new IllegalArgumentException("column of type map needs a java.util.Map, got " + value);
    }
    if (value instanceof Collection<?> c) {
      List<Object> atoms = new ArrayList<>(c.size());
      for (Object o : c) {
        atoms.add(atom(type.key(), o));
      }
      return Datum.setOf(atoms);
    }
    return Datum.of(atom(type.key(), value));
  }

  /**
   * The atom for {@code value} of a base type.
   *
   * @throws IllegalArgumentException when the Java type does not fit
   */
  public static Object atom(BaseType base, Object value) {
    Object a = switch (base.type()) {
      case INTEGER -> value instanceof Long || value instanceof Integer || value instanceof Short
          ? (Object) ((Number) value).longValue() : null;
      case REAL -> value instanceof Number n ? (Object) n.doubleValue() : null;
      case BOOLEAN -> value instanceof Boolean ? value : null;
      case STRING -> value instanceof String ? value : null;
      case UUID -> value instanceof UUID ? value : value instanceof Ref<?> r ? r.uuid() : null;
    };
    if (a == null) {
      throw new IllegalArgumentException("expected " + base.type().jsonName() + ", got "
          + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
    }
    return a;
  }
}
