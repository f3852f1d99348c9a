package org.jovn.ovsdb.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.RpcException;

/**
 * Runs {@link Workload.Fanout}: N monitoring connections, then K single-row inserts one at a time
 * on another connection; each is timed from just before sending to the moment the last monitor
 * has its update (matched by the row's unique name, see {@link FanoutTracker}). Unless warm-up is
 * off ({@code --warmup=0}), {@link #WARMUP_TXNS} unmeasured inserts go first with the monitors
 * in place, so that the figures are those of a running server, not of its first few updates
 * (a JIT-compiled server is still compiling its update path then).
 */
final class FanoutRunner {
  /** How long one update may take to reach every monitor. */
  static final Duration UPDATE_TIMEOUT = Duration.ofSeconds(30);

  /** Unmeasured transactions sent first, the monitors in place. */
  static final int WARMUP_TXNS = 200;

  private final BenchContext context;
  private final Workload.Fanout workload;
  private final FanoutTracker tracker = new FanoutTracker();

  FanoutRunner(BenchContext context, Workload.Fanout workload) {
    this.context = context;
    this.workload = workload;
  }

  WorkloadResult run() {
    List<BenchClient> monitors = new ArrayList<>();
    List<String> uuids = new ArrayList<>();
    try (BenchClient writer = context.connect()) {
      boolean done = false;
      try {
        for (int i = 0; i < workload.monitors(); i++) {
          monitors.add(BenchClient.connect(context.transport(), context.options().remote(),
              tracker::onNotification));
        }
        String method = subscribe(monitors);
        String prefix = context.prefix(workload);
        if (context.options().warmup() > 0) {
          for (int k = 0; k < WARMUP_TXNS; k++) {
            timeOne(writer, prefix + "warmup-" + k, uuids);
          }
        }
        LatencyRecorder latencies = new LatencyRecorder();
        long start = System.nanoTime();
        for (int k = 0; k < context.options().fanoutTransactions(); k++) {
          latencies.record(timeOne(writer, prefix + k, uuids));
        }
        long elapsed = Math.max(1, System.nanoTime() - start);
        monitors.forEach(BenchClient::close);
        BenchContext.deleteRows(writer, uuids, workload.name());
        done = true;
        return result(latencies.toArray(), elapsed, method);
      } finally {
        monitors.forEach(BenchClient::close);
        if (!done) {
          BenchContext.deleteRowsQuietly(writer, uuids, workload.name());
        }
      }
    }
  }

  /** Subscribes every monitor with monitor_cond, or with monitor if the server rejects it. */
  private String subscribe(List<BenchClient> monitors) {
    String method = "monitor_cond";
    try {
      BenchClient.await(monitors.get(0).call(method, monitorParams()), "probe");
    } catch (BenchException e) {
      if (!(e.getCause() instanceof RpcException)) {
        throw e;
      }
      method = "monitor";
      BenchClient.await(monitors.get(0).call(method, monitorParams()),
          workload.name() + ": monitor (after monitor_cond failed: " + e.getMessage() + ")");
    }
    List<CompletableFuture<?>> replies = new ArrayList<>();
    for (BenchClient monitor : monitors.subList(1, monitors.size())) {
      replies.add(monitor.call(method, monitorParams()));
    }
    BenchClient.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)),
        workload.name() + ": " + method);
    return method;
  }

  /** {@code ["OVN_Northbound", "bench", {"Address_Set": [{}]}]}: all columns, all changes. */
  private static ArrayNode monitorParams() {
    ObjectNode requests = Json.object();
    requests.set(Ops.TABLE, Json.array(Json.object()));
    return Json.array(Ops.DATABASE, TextNode.valueOf("bench"), requests);
  }

  private long timeOne(BenchClient writer, String name, List<String> uuids) {
    FanoutTracker.Pending pending = tracker.expect(name, workload.monitors());
    try {
      ArrayNode results = BenchClient.await(writer.transact(Json.array(Ops.insert(name))),
          workload.name() + ": insert " + name);
      uuids.add(Ops.insertedUuid(results, 0));
      return pending.await(UPDATE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new BenchException(workload.name() + ": " + pending.remaining() + " of "
          + workload.monitors() + " monitors did not receive the update for " + name + " within "
          + UPDATE_TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(workload.name() + ": interrupted", e);
    } finally {
      tracker.forget(name);
    }
  }

  private WorkloadResult result(long[] samples, long elapsed, String method) {
    LatencyStats latency = LatencyStats.of(samples);
    List<Metric> metrics = List.of(
        Metric.lower("p50", latency.p50Millis(), "ms"),
        Metric.lower("p99", latency.p99Millis(), "ms"));
    String note = String.format("%,d txns x %d monitors (%s), %,d updates matched, max %.3f ms",
        samples.length, workload.monitors(), method, tracker.matched(), latency.maxNanos() / 1e6);
    return new WorkloadResult(workload.name(), samples.length, samples.length,
        Duration.ofNanos(elapsed), metrics, note, null);
  }
}
