package org.jovn.ovsdb.bench;

import java.util.List;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every workload runner needs: the transport its connections use, the options, and a run id
 * that makes row names unique to this run. Immutable; the transport is owned by
 * {@link OvsdbBenchmark}.
 */
record BenchContext(RpcTransport transport, BenchOptions options, String runId) {
  private static final Logger LOG = LoggerFactory.getLogger(BenchContext.class);

  /** Rows deleted per cleanup transaction. */
  static final int DELETE_BATCH = 10_000;

  /** Returns the row-name prefix of {@code workload}, e.g. {@code bench-1a2b3c-insert-64-}. */
  String prefix(Workload workload) {
    return "bench-" + runId + "-" + workload.name() + "-";
  }

  /** Opens a client without a notification listener. */
  BenchClient connect() {
    return BenchClient.connect(transport, options.remote(), null);
  }

  /** Deletes the rows with these UUIDs, {@link #DELETE_BATCH} per transaction. */
  static void deleteRows(BenchClient client, List<String> uuids, String workload) {
    for (int from = 0; from < uuids.size(); from += DELETE_BATCH) {
      List<String> batch = uuids.subList(from, Math.min(uuids.size(), from + DELETE_BATCH));
      BenchClient.await(client.transact(Ops.deletes(batch)), workload + ": delete its rows");
    }
  }

  /** Like {@link #deleteRows}, for cleaning up after a failure: logs instead of throwing. */
  static void deleteRowsQuietly(BenchClient client, List<String> uuids, String workload) {
    try {
      deleteRows(client, uuids, workload);
    } catch (BenchException e) {
      LOG.warn("{}: could not delete the {} rows it inserted: {}", workload, uuids.size(),
          e.getMessage());
    }
  }
}
