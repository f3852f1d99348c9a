package org.jovn.ovsdb.schema;

import java.util.Set;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Atoms;

/**
 * The type of a key or a value: an atomic type plus its constraints (RFC 7047 §3.2 {@code <base-type>}).
 *
 * @param type the atomic type
 * @param enumValues the allowed atoms, or null when any atom of the type is allowed
 * @param minInteger inclusive lower bound for integers
 * @param maxInteger inclusive upper bound for integers
 * @param minReal inclusive lower bound for reals
 * @param maxReal inclusive upper bound for reals
 * @param minLength minimum string length in characters
 * @param maxLength maximum string length in characters
 * @param refTable for uuids: the referenced table, or null
 * @param refType for uuids with a refTable: strong or weak
 */
public record BaseType(
    AtomicType type,
    Set<Object> enumValues,
    long minInteger,
    long maxInteger,
    double minReal,
    double maxReal,
    long minLength,
    long maxLength,
    String refTable,
    RefType refType) {

  /** Strong references keep their target alive and may not dangle; weak ones vanish with it. */
  public enum RefType {
    STRONG,
    WEAK
  }

  public BaseType {
    enumValues = enumValues == null ? null : Set.copyOf(enumValues);
  }

  /** An unconstrained base type. */
  public static BaseType of(AtomicType type) {
    return new BaseType(type, null, Long.MIN_VALUE, Long.MAX_VALUE,
        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0, Long.MAX_VALUE, null, RefType.STRONG);
  }

  /** True for a uuid that references rows of another table. */
  public boolean isRef() {
    return refTable != null;
  }

  public boolean isStrongRef() {
    return refTable != null && refType == RefType.STRONG;
  }

  public boolean isWeakRef() {
    return refTable != null && refType == RefType.WEAK;
  }

  /**
   * Checks an atom of this type against the constraints.
   *
   * @throws OvsdbException "constraint violation" naming the atom and the bound it breaks
   */
  public void check(Object atom) {
    if (enumValues != null && !enumValues.contains(atom)) {
      throw OvsdbException.constraint(Atoms.toText(atom) + " is not one of the allowed values "
          + Atoms.toText(enumValues));
    }
    switch (type) {
      case INTEGER -> {
        long v = (Long) atom;
        if (v < minInteger || v > maxInteger) {
          throw OvsdbException.constraint(v + " is not in the valid range " + rangeText(
              minInteger == Long.MIN_VALUE ? null : minInteger,
              maxInteger == Long.MAX_VALUE ? null : maxInteger) + " (inclusive)");
        }
      }
      case REAL -> {
        double v = (Double) atom;
        if (v < minReal || v > maxReal) {
          throw OvsdbException.constraint(Atoms.toText(v) + " is not in the valid range "
              + rangeText(Double.isInfinite(minReal) ? null : minReal,
                  Double.isInfinite(maxReal) ? null : maxReal) + " (inclusive)");
        }
      }
      case STRING -> {
        String s = (String) atom;
        long n = s.codePointCount(0, s.length());
        if (n < minLength) {
          throw OvsdbException.constraint("\"" + s + "\" length " + n
              + " is less than minimum allowed length " + minLength);
        }
        if (n > maxLength) {
          throw OvsdbException.constraint("\"" + s + "\" length " + n
              + " is greater than maximum allowed length " + maxLength);
        }
      }
      case BOOLEAN, UUID -> { }
    }
  }

  private static String rangeText(Object min, Object max) {
    return (min == null ? "-inf" : min.toString()) + " to " + (max == null ? "+inf" : max.toString());
  }
}
