package org.jovn.ovsdb.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Workload.Memory}: inserts {@link BenchOptions#memoryRows()} rows, one batch per
 * transaction, one transaction at a time, and reads the server's RSS before the first and right
 * after the last reply. RSS is what the kernel reports, so it includes whatever the server keeps
 * besides rows (its log buffers, a JVM's unused heap); bytes/row is (after - before) / rows.
 */
final class MemoryRunner {
  private final BenchContext context;
  private final Workload.Memory workload;

  MemoryRunner(BenchContext context, Workload.Memory workload) {
    this.context = context;
    this.workload = workload;
  }

  WorkloadResult run() {
    BenchOptions options = context.options();
    long pid = options.serverPid();
    long total = options.memoryRows();
    String prefix = context.prefix(workload);
    List<String> uuids = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE - 8));
    try (BenchClient client = context.connect()) {
      boolean done = false;
      try {
        long before = pid > 0 ? ServerMemory.rssBytes(pid) : -1;
        long start = System.nanoTime();
        long transactions = 0;
        for (long first = 0; first < total; first += options.memoryBatch()) {
          int rows = (int) Math.min(options.memoryBatch(), total - first);
          ArrayNode results = BenchClient.await(client.transact(Ops.inserts(prefix, first, rows)),
              workload.name() + ": insert rows " + first + ".." + (first + rows - 1));
          Ops.addInsertedUuids(results, rows, uuids);
          transactions++;
        }
        long elapsed = Math.max(1, System.nanoTime() - start);
        long after = pid > 0 ? ServerMemory.rssBytes(pid) : -1;
        BenchContext.deleteRows(client, uuids, workload.name());
        done = true;
        return result(total, transactions, elapsed, before, after);
      } finally {
        if (!done) {
          BenchContext.deleteRowsQuietly(client, uuids, workload.name());
        }
      }
    }
  }

  private WorkloadResult result(long rows, long transactions, long elapsed, long before,
      long after) {
    List<Metric> metrics = new ArrayList<>();
    metrics.add(Metric.higher("rows/s", rows / (elapsed / 1e9), "rows/s"));
    String note = String.format("%,d rows in %,d txns", rows, transactions);
    if (after >= 0) {
      metrics.add(Metric.lower("rss", after / 1048576.0, "MiB"));
      metrics.add(Metric.lower("bytes/row", (after - before) / (double) rows, "B"));
      note += String.format(", RSS %.1f -> %.1f MiB", before / 1048576.0, after / 1048576.0);
    } else {
      note += ", no --server-pid so no RSS";
    }
    return new WorkloadResult(workload.name(), transactions, rows, Duration.ofNanos(elapsed),
        metrics, note, null);
  }
}
