package org.jovn.ovsdb.schema;

import org.jovn.ovsdb.data.Datum;

/**
 * A column's type: a key base type, an optional value base type (then the column is a map), and
 * the number of elements allowed (RFC 7047 §3.2 {@code <type>}).
 *
 * @param key the key type (the element type of a set or scalar)
 * @param value the value type of a map, or null for sets and scalars
 * @param min 0 or 1
 * @param max at least 1; {@link Long#MAX_VALUE} for "unlimited"
 */
public record ColumnType(BaseType key, BaseType value, long min, long max) {

  public ColumnType {
    if (min < 0 || min > 1) {
      throw new IllegalArgumentException("min must be 0 or 1, not " + min);
    }
    if (max < 1 || max < min) {
      throw new IllegalArgumentException("max must be at least 1 and min, not " + max);
    }
  }

  public boolean isMap() {
    return value != null;
  }

  /** Exactly one element, not a map: serialized as a bare atom. */
  public boolean isScalar() {
    return value == null && min == 1 && max == 1;
  }

  /** Holds at most one element. */
  public boolean isOptional() {
    return min == 0 && max == 1;
  }

  public boolean isSet() {
    return value == null && !isScalar();
  }

  /**
   * Checks that a datum has between min and max elements.
   *
   * @throws org.jovn.ovsdb.OvsdbException "constraint violation" otherwise
   */
  public void checkCount(Datum d) {
    if (d.size() < min || d.size() > max) {
      throw org.jovn.ovsdb.OvsdbException.constraint((isMap() ? "map" : "set") + " must have "
          + min + " to " + (max == Long.MAX_VALUE ? "unlimited" : String.valueOf(max))
          + " members but " + d.size() + " are present");
    }
  }

  /** The default datum: empty when min is 0, else one default atom (and value). */
  public Datum defaultDatum() {
    if (min == 0) {
      return isMap() ? Datum.emptyMap() : Datum.emptySet();
    }
    if (isMap()) {
      return Datum.mapOf(key.type().defaultAtom(), value.type().defaultAtom());
    }
    return Datum.of(key.type().defaultAtom());
  }
}
