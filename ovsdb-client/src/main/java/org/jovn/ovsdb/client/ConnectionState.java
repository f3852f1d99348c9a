package org.jovn.ovsdb.client;

/** Where a client's session stands. */
public enum ConnectionState {
  /** Not connecting: before {@link OvsdbClient#connect()} or after {@link OvsdbClient#disconnect()}. */
  IDLE,
  /** Opening a connection, checking the server, or waiting for the monitor reply. */
  CONNECTING,
  /** Connected and monitoring: the replica is current and transactions are sent. */
  SYNCED,
  /** Waiting before the next attempt after a failure. */
  BACKOFF,
  /** Closed for good. */
  CLOSED
}
