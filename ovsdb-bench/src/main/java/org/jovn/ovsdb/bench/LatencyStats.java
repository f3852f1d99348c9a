package org.jovn.ovsdb.bench;

import java.util.Arrays;

/**
 * Summary of a set of latency samples, in nanoseconds. Percentiles use the nearest-rank method:
 * the p-th percentile of n sorted samples is the sample at rank {@code ceil(p / 100 * n)}.
 *
 * @param count number of samples
 * @param p50Nanos median
 * @param p99Nanos 99th percentile
 * @param maxNanos largest sample
 */
public record LatencyStats(long count, long p50Nanos, long p99Nanos, long maxNanos) {
  /** No samples. */
  public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0);

  /** Summarizes {@code samples} (not modified); returns {@link #EMPTY} if there are none. */
  public static LatencyStats of(long[] samples) {
    if (samples.length == 0) {
      return EMPTY;
    }
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 99),
        sorted[sorted.length - 1]);
  }

  /**
   * Returns the nearest-rank {@code p}-th percentile of ascending {@code sorted}.
   *
   * @throws IllegalArgumentException if {@code sorted} is empty or p is outside (0, 100]
   */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("percentile of no samples");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile " + p + ": expected in (0, 100]");
    }
    long rank = (long) Math.ceil(p / 100.0 * sorted.length);
    return sorted[(int) Math.max(1, Math.min(rank, sorted.length)) - 1];
  }

  /** Returns the median in milliseconds. */
  public double p50Millis() {
    return p50Nanos / 1e6;
  }

  /** Returns the 99th percentile in milliseconds. */
  public double p99Millis() {
    return p99Nanos / 1e6;
  }
}
