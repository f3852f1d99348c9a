package org.jovn.ovsdb.bench;

import java.util.Locale;

/**
 * One measurement the benchmark can run, named as on the command line. Every workload writes rows
 * of {@code Address_Set} (a root table without references, unique on {@code name}) with names
 * under a prefix unique to the run, and deletes the rows it created before it returns.
 *
 * <p>Immutable values; thread-safe.
 */
public sealed interface Workload
    permits Workload.Insert, Workload.Bulk, Workload.Fanout, Workload.Memory {
  /** Returns the command-line name, e.g. {@code insert-64} or {@code fanout-200}. */
  String name();

  /**
   * Single-row insert transactions with {@code inFlight} outstanding at any time, spread over
   * {@link BenchOptions#connections()} connections, for {@link BenchOptions#duration()} or
   * {@link BenchOptions#count()} transactions. Reports transactions/s and latency p50/p99.
   *
   * @param inFlight transactions outstanding at once, at least 1
   */
  record Insert(int inFlight) implements Workload {
    /** @throws IllegalArgumentException if {@code inFlight < 1} */
    public Insert {
      positive("insert in-flight count", inFlight);
    }

    @Override
    public String name() {
      return "insert-" + inFlight;
    }
  }

  /**
   * One transaction of {@link BenchOptions#bulkRows()} inserts. Reports its time and rows/s.
   */
  record Bulk() implements Workload {
    @Override
    public String name() {
      return "bulk";
    }
  }

  /**
   * {@code monitors} extra connections each monitor {@code Address_Set} (all columns, with
   * {@code monitor_cond}, or {@code monitor} if the server rejects it); then
   * {@link BenchOptions#fanoutTransactions()} single-row inserts are committed one at a time.
   * Reports p50/p99 of the time from sending each transaction to the moment the last monitor has
   * received the update carrying its row.
   *
   * @param monitors monitoring connections, at least 1
   */
  record Fanout(int monitors) implements Workload {
    /** @throws IllegalArgumentException if {@code monitors < 1} */
    public Fanout {
      positive("fan-out monitor count", monitors);
    }

    @Override
    public String name() {
      return "fanout-" + monitors;
    }
  }

  /**
   * Inserts {@link BenchOptions#memoryRows()} rows in transactions of
   * {@link BenchOptions#memoryBatch()} rows and reads the server's resident set size
   * ({@code VmRSS} of {@link BenchOptions#serverPid()}) before and after. Reports RSS after and
   * (after - before) / rows; without a server pid only rows/s.
   */
  record Memory() implements Workload {
    @Override
    public String name() {
      return "memory";
    }
  }

  /**
   * Parses a command-line name: {@code insert-N}, {@code bulk}, {@code fanout-N} or
   * {@code memory} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  static Workload parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.equals("bulk")) {
        return new Bulk();
      } else if (s.equals("memory")) {
        return new Memory();
      } else if (s.startsWith("insert-")) {
        return new Insert(Integer.parseInt(s.substring("insert-".length())));
      } else if (s.startsWith("fanout-")) {
        return new Fanout(Integer.parseInt(s.substring("fanout-".length())));
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("workload \"" + text
        + "\": expected insert-N, bulk, fanout-N or memory (N a positive integer)");
  }

  private static void positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, got " + value);
    }
  }
}
