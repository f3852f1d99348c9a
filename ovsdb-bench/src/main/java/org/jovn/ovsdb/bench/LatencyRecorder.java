package org.jovn.ovsdb.bench;

import java.util.Arrays;

/** A growable array of latency samples in nanoseconds. Not thread-safe: confine to one thread. */
final class LatencyRecorder {
  private long[] samples = new long[1024];
  private int size;

  void record(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  int size() {
    return size;
  }

  long[] toArray() {
    return Arrays.copyOf(samples, size);
  }

  /** Concatenates the samples of several recorders. */
  static long[] merge(Iterable<LatencyRecorder> recorders) {
    int total = 0;
    for (LatencyRecorder r : recorders) {
      total += r.size;
    }
    long[] all = new long[total];
    int at = 0;
    for (LatencyRecorder r : recorders) {
      System.arraycopy(r.samples, 0, all, at, r.size);
      at += r.size;
    }
    return all;
  }
}
