package org.jovn.ovsdb.schema;

import java.util.UUID;
import org.jovn.ovsdb.OvsdbException;

/** The five atomic types of OVSDB (RFC 7047 §3.2), with the Java class that carries each. */
public enum AtomicType {
  INTEGER("integer", Long.class),
  REAL("real", Double.class),
  BOOLEAN("boolean", Boolean.class),
  STRING("string", String.class),
  UUID("uuid", java.util.UUID.class);

  private static final java.util.UUID ZERO_UUID = new java.util.UUID(0, 0);

  private final String jsonName;
  private final Class<?> javaClass;

  AtomicType(String jsonName, Class<?> javaClass) {
    this.jsonName = jsonName;
    this.javaClass = javaClass;
  }

  /** The name used in schemas: "integer", "real", ... */
  public String jsonName() {
    return jsonName;
  }

  /** The Java class of this type's atoms: Long, Double, Boolean, String or UUID. */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** The default atom: 0, 0.0, false, "" or the all-zero UUID. */
  public Object defaultAtom() {
    return switch (this) {
      case INTEGER -> 0L;
      case REAL -> 0.0;
      case BOOLEAN -> Boolean.FALSE;
      case STRING -> "";
      case UUID -> ZERO_UUID;
    };
  }

  /** Parses a schema type name. */
  public static AtomicType fromJsonName(String name) {
    for (AtomicType t : values()) {
      if (t.jsonName.equals(name)) {
        return t;
      }
    }
    throw OvsdbException.syntax("unknown atomic type \"" + name + "\"");
  }

  /** The all-zero UUID, the default of uuid columns. */
  public static UUID zeroUuid() {
    return ZERO_UUID;
  }
}
