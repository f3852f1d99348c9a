package org.jovn.ovsdb.client;

import java.time.Duration;

/** Exponential backoff between connection rounds: min, doubling, capped at max. Not thread-safe. */
final class Backoff {
  private final Duration min;
  private final Duration max;
  private Duration next;

  Backoff(Duration min, Duration max) {
    this.min = min;
    this.max = max;
    this.next = min;
  }

  /** The delay to wait now; the one after is twice as long, up to max. */
  Duration next() {
    Duration d = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return d;
  }

  void reset() {
    next = min;
  }
}
