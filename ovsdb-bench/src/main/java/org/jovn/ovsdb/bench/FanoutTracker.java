package org.jovn.ovsdb.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jovn.ovsdb.rpc.Notification;

/**
 * Matches monitor updates to the transactions that caused them, by the unique row name each
 * transaction inserts. Thread-safe: {@link #onNotification} runs on any monitor's event loop,
 * {@link #expect} and {@link Pending#await} on the workload thread.
 */
final class FanoutTracker {
  private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong matched = new AtomicLong();

  /** One transaction waiting for its update to reach every monitor. */
  static final class Pending {
    private final long sentNanos = System.nanoTime();
    private final AtomicInteger remaining;
    private final CompletableFuture<Long> lastArrival = new CompletableFuture<>();

    private Pending(int monitors) {
      this.remaining = new AtomicInteger(monitors);
    }

    private void arrived() {
      long now = System.nanoTime();
      if (remaining.decrementAndGet() == 0) {
        lastArrival.complete(now);
      }
    }

    /** Returns when the clock started for this transaction (just before it was sent). */
    long sentNanos() {
      return sentNanos;
    }

    /** Returns how many monitors have not yet received the update. */
    int remaining() {
      return Math.max(0, remaining.get());
    }

    /**
     * Waits for the last monitor and returns nanoseconds from {@link #sentNanos()} to its update.
     *
     * @throws TimeoutException if some monitor has not received it within the timeout
     */
    long await(long timeout, TimeUnit unit) throws TimeoutException, InterruptedException {
      try {
        return lastArrival.get(timeout, unit) - sentNanos;
      } catch (ExecutionException e) {
        throw new IllegalStateException("never completed exceptionally", e);
      }
    }
  }

  /** Starts the clock for the row named {@code name}, expected by {@code monitors} monitors. */
  Pending expect(String name, int monitors) {
    Pending p = new Pending(monitors);
    pending.put(name, p);
    return p;
  }

  /** Stops tracking {@code name}. */
  void forget(String name) {
    pending.remove(name);
  }

  /** Returns how many (monitor, row) updates have matched an expected row. */
  long matched() {
    return matched.get();
  }

  /** Records the rows of one monitor's update notification. */
  void onNotification(Notification notification) {
    List<String> names = MonitorUpdates.rowNames(notification);
    for (String name : names) {
      Pending p = pending.get(name);
      if (p != null) {
        matched.incrementAndGet();
        p.arrived();
      }
    }
  }
}
