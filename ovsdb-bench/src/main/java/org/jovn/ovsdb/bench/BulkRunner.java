package org.jovn.ovsdb.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link Workload.Bulk}: one transaction inserting {@link BenchOptions#bulkRows()} rows,
 * timed from sending it to receiving its reply (the request is built before the clock starts).
 */
final class BulkRunner {
  private final BenchContext context;
  private final Workload.Bulk workload;

  BulkRunner(BenchContext context, Workload.Bulk workload) {
    this.context = context;
    this.workload = workload;
  }

  WorkloadResult run() {
    int rows = context.options().bulkRows();
    ArrayNode ops = Ops.inserts(context.prefix(workload), 0, rows);
    try (BenchClient client = context.connect()) {
      long start = System.nanoTime();
      ArrayNode results = BenchClient.await(client.transact(ops), workload.name());
      long elapsed = Math.max(1, System.nanoTime() - start);
      List<String> uuids = new ArrayList<>(rows);
      Ops.addInsertedUuids(results, rows, uuids);
      BenchContext.deleteRows(client, uuids, workload.name());
      double seconds = elapsed / 1e9;
      List<Metric> metrics = List.of(
          Metric.lower("time", elapsed / 1e6, "ms"),
          Metric.higher("rows/s", rows / seconds, "rows/s"));
      return new WorkloadResult(workload.name(), 1, rows, Duration.ofNanos(elapsed), metrics,
          String.format("%,d rows in one transaction", rows), null);
    }
  }
}
