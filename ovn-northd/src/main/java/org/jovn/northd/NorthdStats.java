package org.jovn.northd;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of a northd instance, updated by its thread and read from any. */
public final class NorthdStats {
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong datapathsRecomputed = new AtomicLong();
  private final AtomicLong lastComputeNanos = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final AtomicLong flows = new AtomicLong();

  void computed(int datapaths, long nanos) {
    runs.incrementAndGet();
    datapathsRecomputed.addAndGet(datapaths);
    lastComputeNanos.set(nanos);
  }

  void committed(int flowCount) {
    commits.incrementAndGet();
    flows.set(flowCount);
  }

  /** Computations run. */
  public long runs() {
    return runs.get();
  }

  /** Datapaths whose flows were recomputed, over all runs. */
  public long datapathsRecomputed() {
    return datapathsRecomputed.get();
  }

  /** Time the last computation took, in nanoseconds. */
  public long lastComputeNanos() {
    return lastComputeNanos.get();
  }

  /** Southbound transactions committed. */
  public long commits() {
    return commits.get();
  }

  /** Logical flows in the Southbound after the last commit. */
  public long flows() {
    return flows.get();
  }
}
