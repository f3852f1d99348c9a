package org.jovn.ovsdb.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jovn.ovsdb.rpc.Remote;

/**
 * What {@link OvsdbBenchmark} runs and how big. Immutable; validated on construction. Use
 * {@link #defaults(Remote)} and the {@code with...} methods, or {@link #parse}.
 *
 * @param remote the server, an active remote ({@code tcp:HOST:PORT} or {@code unix:PATH})
 * @param workloads what to run, in order (the caller puts {@code memory} last)
 * @param duration how long each {@code insert-N} workload runs when {@code count} is 0
 * @param count transactions per {@code insert-N} workload, or 0 to run for {@code duration}
 * @param connections connections the {@code insert-N} transactions are spread over
 * @param bulkRows rows in the one {@code bulk} transaction
 * @param fanoutTransactions transactions committed one at a time by {@code fanout-N}
 * @param memoryRows rows inserted by {@code memory}
 * @param memoryBatch rows per transaction in {@code memory}
 * @param serverPid process id of the server whose memory is read, or 0 if unknown
 * @param warmup unmeasured single-row inserts (64 in flight, then deleted) sent before the first
 *     workload so that the figures are a running server's: neither the client's nor a
 *     JIT-compiled server's code is cold (tens of thousands of transactions go by before a JVM
 *     has compiled its hot paths); 0 for none
 */
public record BenchOptions(
    Remote remote,
    List<Workload> workloads,
    Duration duration,
    long count,
    int connections,
    int bulkRows,
    int fanoutTransactions,
    long memoryRows,
    int memoryBatch,
    long serverPid,
    long warmup) {
  /** The workloads run when none are named: all but {@code memory}. */
  public static final List<Workload> DEFAULT_WORKLOADS = List.of(
      new Workload.Insert(1), new Workload.Insert(64), new Workload.Bulk(),
      new Workload.Fanout(50), new Workload.Fanout(200));

  /** @throws IllegalArgumentException naming the first value out of range */
  public BenchOptions {
    Objects.requireNonNull(remote, "remote");
    if (remote.kind().passive()) {
      throw new IllegalArgumentException("remote " + remote + ": expected tcp:, ssl: or unix:");
    }
    workloads = List.copyOf(workloads);
    Objects.requireNonNull(duration, "duration");
    if (workloads.isEmpty()) {
      throw new IllegalArgumentException("workloads: expected at least one");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration " + duration + ": expected > 0");
    }
    atLeast("count", count, 0);
    atLeast("connections", connections, 1);
    atLeast("bulk-rows", bulkRows, 1);
    atLeast("fanout-txns", fanoutTransactions, 1);
    atLeast("rows", memoryRows, 1);
    atLeast("batch", memoryBatch, 1);
    atLeast("server-pid", serverPid, 0);
    atLeast("warmup", warmup, 0);
  }

  /**
   * Returns the defaults: {@link #DEFAULT_WORKLOADS}, 5 s, 1 connection, 20,000 bulk rows, 200
   * fan-out transactions, 1,000,000 memory rows in batches of 10,000, no server pid, 5,000 warm-up
   * transactions.
   */
  public static BenchOptions defaults(Remote remote) {
    return new BenchOptions(remote, DEFAULT_WORKLOADS, Duration.ofSeconds(5), 0, 1, 20_000, 200,
        1_000_000, 10_000, 0, 50_000);
  }

  /**
   * Parses command-line arguments: {@code REMOTE [--workloads=a,b] [--duration=5s] [--count=N]
   * [--connections=N] [--bulk-rows=N] [--fanout-txns=N] [--rows=N] [--batch=N]
   * [--server-pid=PID] [--warmup=N]}; {@code --opt value} works as well as {@code --opt=value}.
   *
   * @throws IllegalArgumentException naming the argument and what was expected
   */
  public static BenchOptions parse(List<String> args) {
    return OptionParser.parse(args);
  }

  /** Returns a copy running these workloads. */
  public BenchOptions withWorkloads(List<Workload> newWorkloads) {
    return new BenchOptions(remote, newWorkloads, duration, count, connections, bulkRows,
        fanoutTransactions, memoryRows, memoryBatch, serverPid, warmup);
  }

  /** Returns a copy with another insert duration and count (0 = by duration). */
  public BenchOptions withDuration(Duration newDuration, long newCount) {
    return new BenchOptions(remote, workloads, newDuration, newCount, connections, bulkRows,
        fanoutTransactions, memoryRows, memoryBatch, serverPid, warmup);
  }

  /** Returns a copy with other sizes. */
  public BenchOptions withSizes(int newBulkRows, int newFanoutTransactions, long newMemoryRows,
      int newMemoryBatch) {
    return new BenchOptions(remote, workloads, duration, count, connections, newBulkRows,
        newFanoutTransactions, newMemoryRows, newMemoryBatch, serverPid, warmup);
  }

  /** Returns a copy spreading {@code insert-N} over this many connections. */
  public BenchOptions withConnections(int newConnections) {
    return new BenchOptions(remote, workloads, duration, count, newConnections, bulkRows,
        fanoutTransactions, memoryRows, memoryBatch, serverPid, warmup);
  }

  /** Returns a copy reading the memory of this server process (0 = unknown). */
  public BenchOptions withServerPid(long pid) {
    return new BenchOptions(remote, workloads, duration, count, connections, bulkRows,
        fanoutTransactions, memoryRows, memoryBatch, pid, warmup);
  }

  /** Returns a copy sending this many warm-up transactions (0 = none). */
  public BenchOptions withWarmup(long transactions) {
    return new BenchOptions(remote, workloads, duration, count, connections, bulkRows,
        fanoutTransactions, memoryRows, memoryBatch, serverPid, transactions);
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException("--" + name + " " + value + ": expected >= " + min);
    }
  }
}
