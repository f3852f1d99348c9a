package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a database engine sends what a client asked for: replies and monitor notifications.
 * Implemented by {@link Session}. Thread-safe: called from database threads.
 */
interface MonitorSink {
  /** Sends a JSON-RPC notification. */
  void notify(String method, JsonNode params);

  /** Sends a successful reply. */
  void reply(JsonNode id, JsonNode result);

  /** Sends an error reply. */
  void replyError(JsonNode id, JsonNode error);

  /** Whether the client holds the named lock (for the "assert" operation). */
  boolean ownsLock(String lock);

  /** Whether the client may only read (a read-only remote). */
  boolean readOnly();

  /** Told when a monitor request failed, so that its id may be used again. */
  default void monitorRejected(JsonNode monitorId) {}

  /**
   * Told when the server ended a monitor because its database changed schema: the client gets
   * {@code monitor_canceled} if it asked to be told of database changes, else is disconnected.
   */
  default void monitorCanceled(JsonNode monitorId) {}
}
