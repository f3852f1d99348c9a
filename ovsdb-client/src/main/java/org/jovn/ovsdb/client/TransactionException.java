package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.jovn.ovsdb.OvsdbException;

/**
 * A transaction failed: {@link #error()} is OVSDB's error tag ("constraint violation",
 * "referential integrity violation", "timed out", ...), {@link #details()} the server's details,
 * {@link #operationIndex()} the operation at fault. Two tags come from the client itself:
 * {@value #CONNECTION_LOST} (the session closed before the reply; the transaction may or may not
 * have been committed) and {@value #RPC_ERROR} (the server rejected the request as a whole).
 */
public final class TransactionException extends OvsdbException {
  private static final long serialVersionUID = 1L;

  /** The error tag for a session that closed before the reply came. */
  public static final String CONNECTION_LOST = "connection lost";
  /** The error tag for a JSON-RPC error reply (e.g. an unknown database). */
  public static final String RPC_ERROR = "rpc error";

  private final int operationIndex;

  public TransactionException(String error, String details, int operationIndex) {
    super(error, (details == null ? error : details)
        + (operationIndex >= 0 ? " (operation " + operationIndex + ")" : ""));
    this.operationIndex = operationIndex;
  }

  /** Reads OVSDB's {@code {"error": ..., "details": ...}} object of operation {@code index}. */
  static TransactionException fromJson(JsonNode error, int index) {
    String details = error.path("details").isTextual() ? error.get("details").asText() : null;
    return new TransactionException(error.path("error").asText("unknown error"), details, index);
  }

  /**
   * The index of the failed operation in the transaction; the operation count when the commit
   * itself failed (e.g. referential integrity); -1 when no operation is at fault.
   */
  public int operationIndex() {
    return operationIndex;
  }

  /**
   * True when another client changed a row this transaction had verified (a "wait" with timeout
   * 0 failed): build the transaction again on the fresh replica and retry.
   */
  public boolean isConflict() {
    return "timed out".equals(error());
  }

  /** True for failures that a retry on a fresh replica may cure: conflicts and lost sessions. */
  public boolean isRetryable() {
    return isConflict() || CONNECTION_LOST.equals(error());
  }
}
