package org.jovn.ovsdb.rpc;

/** A call could not complete because its connection closed before the reply arrived. */
public final class ConnectionClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param connectionName the name of the closed connection, e.g. {@code tcp:127.0.0.1:6641} */
  public ConnectionClosedException(String connectionName) {
    super("connection " + connectionName + " closed");
  }
}
