package org.jovn.ovsdb.client;

/** Told of session state changes, on the client thread; must not block. */
@FunctionalInterface
public interface ConnectionListener {
  /**
   * @param state the new state
   * @param remote the remote concerned (e.g. {@code tcp:127.0.0.1:6641}), or null when none
   */
  void onStateChange(ConnectionState state, String remote);
}
