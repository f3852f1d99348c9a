package org.jovn.ovsdb.bench;

/**
 * A workload could not run: the server refused a transaction, closed the connection, did not
 * answer in time, or lacks the {@code OVN_Northbound} database. The message names the workload
 * and what went wrong.
 */
public final class BenchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message names the workload and the failure */
  public BenchException(String message) {
    super(message);
  }

  /** @param message names the workload and the failure */
  public BenchException(String message, Throwable cause) {
    super(message, cause);
  }
}
