package org.jovn.ovsdb.server;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.RowChange;

/**
 * The recent committed transactions of one database, by transaction id, so that a client that
 * reconnects with monitor_cond_since receives only what it missed. Bounded by a number of
 * transactions and of changed rows; the oldest go first. Confined to the database's owner thread.
 */
final class TxnHistory {
  static final int MAX_TRANSACTIONS = 1000;
  static final int MAX_ROWS = 200_000;
  private static final UUID ZERO = new UUID(0, 0);

  private record Entry(UUID txnId, ChangeSet changes) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long rows;
  private UUID lastTxnId = ZERO;

  /** The id of the last committed transaction; all zeros before the first. */
  UUID lastTxnId() {
    return lastTxnId;
  }

  void add(UUID txnId, ChangeSet changes) {
    entries.addLast(new Entry(txnId, changes));
    rows += changes.size();
    lastTxnId = txnId;
    while (entries.size() > MAX_TRANSACTIONS || (rows > MAX_ROWS && entries.size() > 1)) {
      rows -= entries.removeFirst().changes().size();
    }
  }

  /** Forgets everything (after a conversion or reload: old ids no longer apply). */
  void reset(UUID newLast) {
    entries.clear();
    rows = 0;
    lastTxnId = newLast;
  }

  /** Forgets the newest transaction, which must be {@code txnId} (a rolled-back proposal). */
  void removeLast(UUID txnId) {
    Entry last = entries.peekLast();
    if (last != null && last.txnId().equals(txnId)) {
      entries.removeLast();
      rows -= last.changes().size();
      Entry prev = entries.peekLast();
      lastTxnId = prev == null ? new UUID(0, 0) : prev.txnId();
    }
  }

  /** The id of the transaction just before {@code txnId}, or all zeros. */
  UUID before(UUID txnId) {
    UUID prev = new UUID(0, 0);
    for (Entry e : entries) {
      if (e.txnId().equals(txnId)) {
        return prev;
      }
      prev = e.txnId();
    }
    return lastTxnId;
  }

  int size() {
    return entries.size();
  }

  /**
   * The merged changes committed after the given transaction, or null when that transaction is
   * not in the history (then the client needs everything). An id equal to the last one yields
   * an empty change set; the all-zeros id, which names no transaction, always yields null.
   */
  ChangeSet since(UUID txnId) {
    if (txnId.equals(ZERO)) {
      // No transaction has that id: the client has nothing (or only what was loaded from disk
      // before this history began), so it needs everything.
      return null;
    }
    if (txnId.equals(lastTxnId)) {
      return ChangeSet.empty();
    }
    Iterator<Entry> it = entries.iterator();
    while (it.hasNext()) {
      if (it.next().txnId().equals(txnId)) {
        ChangeSet.Builder merged = ChangeSet.builder();
        it.forEachRemaining(e -> {
          for (Map.Entry<String, Map<UUID, RowChange>> t : e.changes().tables().entrySet()) {
            t.getValue().values().forEach(c -> merged.put(t.getKey(), c));
          }
        });
        return merged.build();
      }
    }
    return null;
  }
}
