package org.jovn.ovsdb.monitor;

/**
 * The notification forms: "update" (RFC 7047 monitor), "update2" (monitor_cond) and "update3"
 * (monitor_cond_since, update2's rows with the last transaction id).
 */
public enum UpdateFormat {
  UPDATE("update"),
  UPDATE2("update2"),
  UPDATE3("update3");

  private final String method;

  UpdateFormat(String method) {
    this.method = method;
  }

  /** The JSON-RPC notification method. */
  public String method() {
    return method;
  }

  /** True for update2 and update3, whose rows are "initial"/"insert"/"delete"/"modify". */
  public boolean isV2() {
    return this != UPDATE;
  }
}
