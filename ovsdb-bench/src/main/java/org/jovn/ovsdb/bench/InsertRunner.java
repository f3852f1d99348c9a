package org.jovn.ovsdb.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs {@link Workload.Insert}: keeps {@code inFlight} single-row insert transactions outstanding,
 * spread round-robin over the connections, until the duration or count is reached.
 *
 * <p>Threading: each in-flight slot sends its next transaction from the completion of the
 * previous one, on its connection's event loop; a {@link Lane}'s recorder and UUID list are only
 * touched on that loop, and read by the calling thread after the latch has opened.
 */
final class InsertRunner {
  private final BenchContext context;
  private final Workload.Insert workload;
  private final String prefix;
  private final AtomicLong issued = new AtomicLong();
  private final AtomicLong lastDone = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private CountDownLatch slotsDone;
  private long deadline;

  /** One connection and what its completions recorded (confined to its event loop). */
  private record Lane(BenchClient client, LatencyRecorder latencies, List<String> uuids) {}

  InsertRunner(BenchContext context, Workload.Insert workload) {
    this.context = context;
    this.workload = workload;
    this.prefix = context.prefix(workload);
  }

  WorkloadResult run() {
    BenchOptions options = context.options();
    List<Lane> lanes = new ArrayList<>();
    try {
      for (int i = 0; i < options.connections(); i++) {
        lanes.add(new Lane(context.connect(), new LatencyRecorder(), new ArrayList<>()));
      }
      slotsDone = new CountDownLatch(workload.inFlight());
      long start = System.nanoTime();
      deadline = start + options.duration().toNanos();
      for (int slot = 0; slot < workload.inFlight(); slot++) {
        issue(lanes.get(slot % lanes.size()));
      }
      awaitSlots();
      List<LatencyRecorder> recorders = lanes.stream().map(Lane::latencies).toList();
      long[] samples = LatencyRecorder.merge(recorders);
      long elapsedNanos = Math.max(1, lastDone.get() - start);
      for (Lane lane : lanes) {
        BenchContext.deleteRows(lane.client(), lane.uuids(), workload.name());
      }
      return result(samples, elapsedNanos);
    } finally {
      lanes.forEach(lane -> lane.client().close());
    }
  }

  private boolean more() {
    long count = context.options().count();
    if (failure.get() != null) {
      return false;
    }
    return count > 0 ? issued.get() < count : System.nanoTime() < deadline;
  }

  private void issue(Lane lane) {
    long n;
    if (!more() || (n = issued.getAndIncrement()) >= limit()) {
      slotsDone.countDown();
      return;
    }
    ArrayNode ops = Ops.inserts(prefix, n, 1);
    long sent = System.nanoTime();
    lane.client().transact(ops).whenComplete((results, error) -> {
      long now = System.nanoTime();
      if (error != null) {
        failure.compareAndSet(null, error);
        slotsDone.countDown();
        return;
      }
      try {
        lane.uuids().add(Ops.insertedUuid(results, 0));
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
        slotsDone.countDown();
        return;
      }
      lane.latencies().record(now - sent);
      lastDone.accumulateAndGet(now, Math::max);
      issue(lane);
    });
  }

  private long limit() {
    long count = context.options().count();
    return count > 0 ? count : Long.MAX_VALUE;
  }

  private void awaitSlots() {
    Duration budget = context.options().count() > 0 ? BenchClient.CALL_TIMEOUT
        : context.options().duration().plus(BenchClient.CALL_TIMEOUT);
    try {
      if (!slotsDone.await(budget.toSeconds(), TimeUnit.SECONDS)) {
        throw new BenchException(workload.name() + ": transactions still unanswered after "
            + budget.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(workload.name() + ": interrupted", e);
    }
    Throwable error = failure.get();
    if (error != null) {
      Throwable cause = error.getCause() != null ? error.getCause() : error;
      throw new BenchException(workload.name() + ": " + cause.getMessage(), cause);
    }
  }

  private WorkloadResult result(long[] samples, long elapsedNanos) {
    LatencyStats latency = LatencyStats.of(samples);
    double seconds = elapsedNanos / 1e9;
    List<Metric> metrics = List.of(
        Metric.higher("txn/s", samples.length / seconds, "txn/s"),
        Metric.lower("p50", latency.p50Millis(), "ms"),
        Metric.lower("p99", latency.p99Millis(), "ms"));
    String note = String.format("%,d txns in %.2f s, %d in flight on %d connection(s)",
        samples.length, seconds, workload.inFlight(), context.options().connections());
    return new WorkloadResult(workload.name(), samples.length, samples.length,
        Duration.ofNanos(elapsedNanos), metrics, note, null);
  }
}
