package org.jovn.ovsdb.client;

/** The state of a lock this client asked for (RFC 7047 §4.1.8-10). */
public enum LockState {
  /** Requested but held by another client (or not yet answered, or disconnected). */
  WAITING,
  /** Held by this client. */
  ACQUIRED,
  /** Taken away by another client's {@code steal}; this client no longer holds it. */
  STOLEN,
  /** Released by {@link OvsdbClient#unlock}. */
  RELEASED
}
