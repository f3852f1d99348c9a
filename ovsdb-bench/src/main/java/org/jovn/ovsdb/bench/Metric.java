package org.jovn.ovsdb.bench;

import java.util.Objects;

/**
 * One figure a workload reports, e.g. {@code txn/s = 12345} or {@code p99 = 0.21 ms}.
 *
 * @param name short name, e.g. {@code txn/s}, {@code p50}, {@code bytes/row}; no whitespace
 * @param value the figure, in {@code unit}
 * @param unit e.g. {@code txn/s}, {@code ms}, {@code MiB}; no whitespace
 * @param higherIsBetter true for throughput, false for latency, time and memory
 */
public record Metric(String name, double value, String unit, boolean higherIsBetter) {
  /** @throws IllegalArgumentException if a name or unit is blank or holds whitespace */
  public Metric {
    word("name", name);
    word("unit", unit);
  }

  static Metric higher(String name, double value, String unit) {
    return new Metric(name, value, unit, true);
  }

  static Metric lower(String name, double value, String unit) {
    return new Metric(name, value, unit, false);
  }

  private static void word(String what, String text) {
    Objects.requireNonNull(text, what);
    if (text.isEmpty() || !text.chars().noneMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("metric " + what + " \"" + text + "\": expected one word");
    }
  }
}
