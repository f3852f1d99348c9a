package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jovn.ovsdb.json.Json;

/**
 * Transactions whose "wait" operation is not yet satisfied. They run again after every commit
 * and when their timeout passes (then the "wait" fails with "timed out"). Confined to the
 * database's owner thread.
 */
final class BlockedTransactions {
  /** Re-runs a transaction. */
  @FunctionalInterface
  interface Runner {
    void run(MonitorSink client, JsonNode requestId, JsonNode params, long startMillis);
  }

  private record Entry(MonitorSink client, JsonNode requestId, JsonNode params, long start,
      long timeoutMs, Runner runner) {
    boolean expired(long now) {
      return timeoutMs != Long.MAX_VALUE && now - start >= timeoutMs;
    }
  }

  private final InstantSource clock;
  private List<Entry> entries = new ArrayList<>();
  private boolean retrying;
  /** Set when a retried transaction committed, so that the others must look again. */
  private boolean committedWhileRetrying;

  BlockedTransactions(InstantSource clock) {
    this.clock = clock;
  }

  void add(MonitorSink client, JsonNode requestId, JsonNode params, long start, long timeoutMs,
      Runner runner) {
    entries.add(new Entry(client, requestId, params, start, timeoutMs, runner));
  }

  /**
   * Runs every blocked transaction again (after a commit). A retried transaction that commits
   * calls this again; then every transaction still blocked is retried once more, so that one
   * unblocked by a transaction later in the list is not left waiting for an unrelated commit.
   */
  void retryAll() {
    if (retrying) {
      committedWhileRetrying = true;
      return;
    }
    retrying = true;
    try {
      do {
        committedWhileRetrying = false;
        List<Entry> again = entries;
        entries = new ArrayList<>();
        for (Entry e : again) {
          e.runner().run(e.client(), e.requestId(), e.params(), e.start());
        }
      } while (committedWhileRetrying && !entries.isEmpty());
    } finally {
      retrying = false;
    }
  }

  /** Runs again the transactions whose timeout has passed, so that they fail. */
  void expire() {
    long now = clock.millis();
    List<Entry> due = new ArrayList<>();
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.expired(now)) {
        due.add(e);
        it.remove();
      }
    }
    for (Entry e : due) {
      e.runner().run(e.client(), e.requestId(), e.params(), e.start());
    }
  }

  void removeAll(MonitorSink client) {
    entries.removeIf(e -> e.client() == client);
  }

  /** Cancels one transaction, answering it with a "canceled" error. */
  void cancel(MonitorSink client, JsonNode requestId) {
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.client() == client && e.requestId().equals(requestId)) {
        it.remove();
        // As ovsdb-server: the error is the bare string "canceled".
        client.replyError(requestId, Json.NODES.textNode("canceled"));
      }
    }
  }
}
