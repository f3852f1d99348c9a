package org.jovn.ovsdb.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jovn.ovsdb.OvsdbException;

/**
 * The server's named locks (RFC 7047 §4.1.8-10): per name, an owner and a queue of waiters.
 * Locks belong to the server, not to a database. Thread-safe (synchronized): sessions call it
 * from their event loops, transactions' "assert" from database threads.
 */
final class LockManager {
  /** A session that must be told it now owns a lock ("locked") or lost it ("stolen"). */
  record Notice(Session session, String method, String lock) {}

  /** Per lock name: the owner first, then the waiters in arrival order. */
  private final Map<String, Deque<Session>> locks = new HashMap<>();

  /**
   * Requests a lock.
   *
   * @return true when the session owns it now, false when it waits
   * @throws OvsdbException (syntax error, as ovsdb-server) when the session already owns or
   *     waits for it
   */
  synchronized boolean lock(Session s, String name) {
    Deque<Session> q = queue(s, name, "lock");
    q.addLast(s);
    return q.peekFirst() == s;
  }

  /**
   * Takes the lock from its owner, who keeps waiting for it (as in ovsdb-server: it gets
   * "locked" again once the thief releases it).
   *
   * @return the notice for the previous owner, or null
   * @throws OvsdbException when the session already owns or waits for the lock
   */
  synchronized Notice steal(Session s, String name) {
    Deque<Session> q = queue(s, name, "steal");
    Session previous = q.peekFirst();
    q.addFirst(s);
    return previous == null ? null : new Notice(previous, "stolen", name);
  }

  private Deque<Session> queue(Session s, String name, String method) {
    Deque<Session> q = locks.computeIfAbsent(name, n -> new ArrayDeque<>());
    if (q.contains(s)) {
      throw OvsdbException.syntax("must issue \"unlock\" before new \"" + method + "\"");
    }
    return q;
  }

  /**
   * Releases or stops waiting for a lock.
   *
   * @return the notice for the new owner, or null
   * @throws OvsdbException when the session neither owns nor waits for the lock
   */
  synchronized Notice unlock(Session s, String name) {
    Deque<Session> q = locks.get(name);
    if (q == null || !q.contains(s)) {
      throw OvsdbException.syntax("\"unlock\" without \"lock\" or \"steal\"");
    }
    return release(q, s, name);
  }

  private Notice release(Deque<Session> q, Session s, String name) {
    boolean wasOwner = q.peekFirst() == s;
    q.remove(s);
    if (q.isEmpty()) {
      locks.remove(name);
      return null;
    }
    return wasOwner ? new Notice(q.peekFirst(), "locked", name) : null;
  }

  synchronized boolean owns(Session s, String name) {
    Deque<Session> q = locks.get(name);
    return q != null && q.peekFirst() == s;
  }

  synchronized boolean holdsOrWaits(Session s, String name) {
    Deque<Session> q = locks.get(name);
    return q != null && q.contains(s);
  }

  /** The names of the locks a session owns and of those it waits for, each sorted. */
  record SessionLocks(List<String> held, List<String> waiting) {
    static final SessionLocks NONE = new SessionLocks(List.of(), List.of());

    SessionLocks {
      held = List.copyOf(held);
      waiting = List.copyOf(waiting);
    }
  }

  /** The locks a session owns or waits for (for its remote's status). */
  synchronized SessionLocks locksOf(Session s) {
    List<String> held = new ArrayList<>();
    List<String> waiting = new ArrayList<>();
    locks.forEach((name, q) -> {
      if (q.peekFirst() == s) {
        held.add(name);
      } else if (q.contains(s)) {
        waiting.add(name);
      }
    });
    held.sort(null);
    waiting.sort(null);
    return new SessionLocks(held, waiting);
  }

  /** Releases everything a closing session held or waited for. */
  synchronized List<Notice> releaseAll(Session s) {
    List<Notice> notices = new ArrayList<>();
    for (String name : new ArrayList<>(locks.keySet())) {
      Deque<Session> q = locks.get(name);
      if (q.contains(s)) {
        Notice n = release(q, s, name);
        if (n != null) {
          notices.add(n);
        }
      }
    }
    return notices;
  }
}
