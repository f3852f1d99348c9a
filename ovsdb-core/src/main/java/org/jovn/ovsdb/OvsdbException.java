package org.jovn.ovsdb;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error that maps to OVSDB's error object: {@code {"error": TAG, "details": TEXT}}.
 *
 * <p>The tag is one of RFC 7047's error strings ("constraint violation", "referential integrity
 * violation", "syntax error", ...); the details name the table, column and value at fault.
 * Instances are immutable and thread-safe.
 */
public class OvsdbException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String error;

  public OvsdbException(String error, String details) {
    super(details);
    this.error = error;
  }

  /** A "syntax error": the request's JSON does not have the expected shape. */
  public static OvsdbException syntax(String details) {
    return new OvsdbException("syntax error", details);
  }

  /** A "constraint violation": a value breaks the schema's type or a table's limits. */
  public static OvsdbException constraint(String details) {
    return new OvsdbException("constraint violation", details);
  }

  /** A "referential integrity violation". */
  public static OvsdbException referentialIntegrity(String details) {
    return new OvsdbException("referential integrity violation", details);
  }

  /** The RFC 7047 error tag. */
  public String error() {
    return error;
  }

  /** The human-readable details. */
  public String details() {
    return getMessage();
  }

  /** The error as OVSDB's JSON error object. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("error", error);
    if (getMessage() != null) {
      node.put("details", getMessage());
    }
    return node;
  }
}
