package org.jovn.ovsdb.client;

import org.jovn.ovsdb.monitor.UpdateFormat;

/**
 * The monitor request a client sends, newest first. A client starts with the one configured and
 * falls back to the next when a server answers "unknown method".
 */
public enum MonitorMethod {
  /** {@code monitor_cond_since}: update3 notifications; a reconnect fetches only missed changes. */
  COND_SINCE("monitor_cond_since", UpdateFormat.UPDATE3),
  /** {@code monitor_cond}: update2 notifications (diffs); a reconnect fetches everything. */
  COND("monitor_cond", UpdateFormat.UPDATE2),
  /** RFC 7047 {@code monitor}: whole rows, no conditions. */
  PLAIN("monitor", UpdateFormat.UPDATE);

  private final String method;
  private final UpdateFormat format;

  MonitorMethod(String method, UpdateFormat format) {
    this.method = method;
    this.format = format;
  }

  /** The JSON-RPC method name. */
  public String method() {
    return method;
  }

  /** The notification form this request produces. */
  public UpdateFormat format() {
    return format;
  }

  /** The method to try when a server does not know this one, or null. */
  MonitorMethod fallback() {
    return switch (this) {
      case COND_SINCE -> COND;
      case COND -> PLAIN;
      case PLAIN -> null;
    };
  }
}
