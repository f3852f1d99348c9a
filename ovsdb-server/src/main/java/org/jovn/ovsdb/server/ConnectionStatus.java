package org.jovn.ovsdb.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server reports about one remote in the ephemeral {@code is_connected} and
 * {@code status} columns of the row that configures it (OVN's Connection, OVS's Manager), worded
 * as ovsdb-server 3.1 words it, so that {@code ovn-nbctl list connection} shows the same thing
 * on either server.
 *
 * <p>Listeners report {@code bound_port} (TCP and SSL only) and, from two sessions up,
 * {@code n_connections}; they also always show {@code sec_since_connect} and
 * {@code sec_since_disconnect} as {@code "0"}, as ovsdb-server does (its status starts zeroed and
 * a listener never fills those in). Outgoing connections report their reconnect {@code state},
 * the seconds since they last connected and disconnected (once they have) and the locks their
 * session holds or waits for.
 *
 * @param connected true when at least one session runs through the remote
 * @param status the {@code status} map; copied
 */
record ConnectionStatus(boolean connected, Map<String, String> status) {

  ConnectionStatus {
    status = Map.copyOf(status);
  }

  /**
   * A listener.
   *
   * @param boundPort the TCP port it is bound to; 0 for a unix socket (or a listener that is
   *     not bound, which ovsdb-server reports the same way)
   * @param sessions the number of sessions accepted and still open
   */
  static ConnectionStatus passive(int boundPort, int sessions) {
    Map<String, String> status = new LinkedHashMap<>();
    if (boundPort != 0) {
      status.put("bound_port", Integer.toString(boundPort));
    }
    if (sessions > 1) {
      status.put("n_connections", Integer.toString(sessions));
    }
    status.put("sec_since_connect", "0");
    status.put("sec_since_disconnect", "0");
    return new ConnectionStatus(sessions > 0, status);
  }

  /** A remote the server does not serve (yet): what ovsdb-server shows for one it cannot bind. */
  static ConnectionStatus notServed() {
    return passive(0, 0);
  }

  /**
   * An outgoing connection.
   *
   * @param state the reconnect state, as ovsdb-server names it ("CONNECTING", "ACTIVE", ...)
   * @param connected true while connected
   * @param msSinceConnect ms since it last connected, or -1 when it never did
   * @param msSinceDisconnect ms since it last disconnected, or -1 when it never did
   * @param locks the locks its session holds and waits for
   */
  static ConnectionStatus active(String state, boolean connected, long msSinceConnect,
      long msSinceDisconnect, LockManager.SessionLocks locks) {
    Map<String, String> status = new LinkedHashMap<>();
    status.put("state", state);
    if (msSinceConnect >= 0) {
      status.put("sec_since_connect", Long.toString(msSinceConnect / 1000));
    }
    if (msSinceDisconnect >= 0) {
      status.put("sec_since_disconnect", Long.toString(msSinceDisconnect / 1000));
    }
    putNames(status, "locks_held", locks.held());
    putNames(status, "locks_waiting", locks.waiting());
    return new ConnectionStatus(connected, status);
  }

  private static void putNames(Map<String, String> status, String key, List<String> names) {
    if (!names.isEmpty()) {
      status.put(key, String.join(" ", names));
    }
  }
}
