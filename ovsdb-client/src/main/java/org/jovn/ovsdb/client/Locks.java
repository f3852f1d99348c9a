package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.RpcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The locks a client asked for and their states. Requests are (re)sent on every new session.
 * Mutated on the client thread only; {@link #state} may be read from any thread.
 */
final class Locks {
  private static final Logger LOG = LoggerFactory.getLogger(Locks.class);

  private record Entry(LockListener listener, boolean steal) {}

  private final Map<String, Entry> wanted = new LinkedHashMap<>();
  private final Map<String, LockState> states = new ConcurrentHashMap<>();

  LockState state(String lock) {
    return states.getOrDefault(lock, LockState.RELEASED);
  }

  /** Records a request and sends it when a session is up (conn may be null). */
  void request(String lock, LockListener listener, boolean steal, RpcConnection conn,
      java.util.concurrent.Executor exec) {
    boolean again = wanted.put(lock, new Entry(listener, steal)) != null;
    set(lock, LockState.WAITING);
    if (conn != null) {
      if (again) {
        // A server refuses a second request for a lock the session already asked for.
        conn.call("unlock", Json.array(Json.NODES.textNode(lock)));
      }
      send(lock, conn, exec);
    }
  }

  void release(String lock, RpcConnection conn) {
    Entry e = wanted.remove(lock);
    if (e == null) {
      return;
    }
    if (conn != null) {
      conn.call("unlock", Json.array(Json.NODES.textNode(lock)));
    }
    states.put(lock, LockState.RELEASED);
    tell(e.listener(), lock, LockState.RELEASED);
  }

  /** A new session is up: asks for every lock again (steals only the first time). */
  void resend(RpcConnection conn, java.util.concurrent.Executor exec) {
    for (String lock : wanted.keySet()) {
      send(lock, conn, exec);
    }
  }

  /** The session went: no lock is held any more. */
  void disconnected() {
    for (String lock : wanted.keySet()) {
      set(lock, LockState.WAITING);
    }
  }

  /** A "locked" or "stolen" notification. */
  void notified(String method, JsonNode params) {
    String lock = params.path(0).asText();
    if (wanted.containsKey(lock)) {
      set(lock, method.equals("locked") ? LockState.ACQUIRED : LockState.STOLEN);
    }
  }

  private void send(String lock, RpcConnection conn, java.util.concurrent.Executor exec) {
    Entry e = wanted.get(lock);
    String method = e.steal() ? "steal" : "lock";
    wanted.put(lock, new Entry(e.listener(), false));
    conn.call(method, Json.array(Json.NODES.textNode(lock))).whenCompleteAsync((r, err) -> {
      if (err != null) {
        LOG.debug("{} {} failed: {}", method, lock, err.toString());
      } else if (wanted.containsKey(lock) && r.path("locked").asBoolean(false)) {
        set(lock, LockState.ACQUIRED);
      }
    }, exec);
  }

  private void set(String lock, LockState state) {
    LockState old = states.put(lock, state);
    Entry e = wanted.get(lock);
    if (old != state && e != null) {
      tell(e.listener(), lock, state);
    }
  }

  private static void tell(LockListener listener, String lock, LockState state) {
    try {
      listener.onLockState(lock, state);
    } catch (RuntimeException ex) {
      LOG.warn("lock listener failed for {}", lock, ex);
    }
  }
}
