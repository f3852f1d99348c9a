package org.jovn.ovsdb.client.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.RowEvent;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.schema.DatabaseSchema;

/**
 * Replica benchmark (not a test): initial sync time and steady-state apply rate of a replica of
 * the Southbound table Logical_Flow, for comparison with the Python IDL of OVS
 * ({@code ovsdb-client/src/test/python/idl_bench.py}) on the same server. Run by
 * {@code bin/bench-client}, which starts the real ovsdb-server and calls the modes in turn:
 *
 * <ul>
 *   <li>{@code populate REMOTE ROWS}: inserts ROWS Logical_Flow rows (batches of 1000);
 *   <li>{@code replica REMOTE UPDATES}: syncs a replica of Logical_Flow, printing
 *       {@code initial_sync_cold_s} (the first sync, in a fresh JVM: class loading, no JIT);
 *       syncs {@link #WARMUP_SYNCS} more times unmeasured, then {@link #MEASURED_SYNCS} times
 *       and prints their median as {@code initial_sync_s} (the figure compared: a running
 *       process that has to sync again, as after a failover), then {@code READY}, then waits
 *       for UPDATES row modifications and
 *       prints {@code apply_s} (from the first modification seen to the last) and
 *       {@code apply_rows_per_s};
 *   <li>{@code write REMOTE BATCH}: modifies every Logical_Flow row once, BATCH rows per
 *       transaction, as fast as the server commits.
 * </ul>
 */
public final class ClientBench {
  private static final DatabaseSchema SB = DatabaseSchema.bundled("ovn-sb");
  /** Syncs after the cold one and before those measured. */
  static final int WARMUP_SYNCS = 5;
  /** Syncs whose median is the warm figure. */
  static final int MEASURED_SYNCS = 5;

  private ClientBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "populate" -> populate(args[1], Integer.parseInt(args[2]));
      case "replica" -> replica(args[1], Long.parseLong(args[2]));
      case "write" -> write(args[1], Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static OvsdbClient client(String remote, String... columns) throws Exception {
    OvsdbClient c = OvsdbClient.builder(SB).remotes(remote).monitor("Logical_Flow", columns)
        .build();
    c.connect().get(300, TimeUnit.SECONDS);
    return c;
  }

  private static void populate(String remote, int rows) throws Exception {
    try (OvsdbClient c = client(remote, "priority")) {
      Transaction dp = c.transaction();
      UUID datapath = dp.insert("Datapath_Binding").set("tunnel_key", 1).uuid();
      UUID real = c.transact(dp).get(60, TimeUnit.SECONDS).uuid(datapath);
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < rows; i += 1000) {
        Transaction t = c.transaction();
        for (int j = i; j < Math.min(rows, i + 1000); j++) {
          t.insert("Logical_Flow").set("logical_datapath", real)
              .set("pipeline", j % 2 == 0 ? "ingress" : "egress").set("table_id", j % 30)
              .set("priority", j % 1000).set("match", "ip4.dst == 10." + (j >> 16) + "."
                  + ((j >> 8) & 255) + "." + (j & 255) + " && tcp.dst == " + (j % 65536))
              .set("actions", "ct_next; output;")
              .set("external_ids", java.util.Map.of("source", "northd.c:" + j,
                  "stage-name", "ls_in_acl"));
        }
        pending.add(c.transact(t));
      }
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
    }
  }

  private static void replica(String remote, long updates) throws Exception {
    long cold = System.nanoTime();
    try (OvsdbClient first = OvsdbClient.builder(SB).remotes(remote).monitor("Logical_Flow")
        .build()) {
      first.connect().get(300, TimeUnit.SECONDS);
    }
    System.out.printf("initial_sync_cold_s=%.3f%n", (System.nanoTime() - cold) / 1e9);
    long[] measured = new long[MEASURED_SYNCS];
    for (int i = 0; i < WARMUP_SYNCS + MEASURED_SYNCS; i++) {
      long start = System.nanoTime();
      try (OvsdbClient again = OvsdbClient.builder(SB).remotes(remote).monitor("Logical_Flow")
          .build()) {
        again.connect().get(300, TimeUnit.SECONDS);
      }
      if (i >= WARMUP_SYNCS) {
        measured[i - WARMUP_SYNCS] = System.nanoTime() - start;
      }
    }
    java.util.Arrays.sort(measured);
    long median = measured[MEASURED_SYNCS / 2];
    OvsdbClient c = OvsdbClient.builder(SB).remotes(remote).monitor("Logical_Flow").build();
    AtomicLong seen = new AtomicLong();
    AtomicLong first = new AtomicLong();
    CompletableFuture<Long> done = new CompletableFuture<>();
    c.connect().get(300, TimeUnit.SECONDS);
    int rows = c.snapshot().rows("Logical_Flow").size();
    c.addListener(events -> {
      if (first.get() == 0) {
        first.set(System.nanoTime());
      }
      long n = 0;
      for (RowEvent e : events) {
        if (e instanceof RowEvent.Modified) {
          n++;
        }
      }
      if (seen.addAndGet(n) >= updates) {
        done.complete(System.nanoTime());
      }
    });
    System.out.printf("rows=%d%ninitial_sync_s=%.3f%nREADY%n", rows, median / 1e9);
    System.out.flush();
    long end = done.get(600, TimeUnit.SECONDS);
    double secs = (end - first.get()) / 1e9;
    System.out.printf("apply_s=%.3f%napply_rows_per_s=%.0f%n", secs, updates / secs);
    c.close();
  }

  private static void write(String remote, int batch) throws Exception {
    try (OvsdbClient c = client(remote, "priority")) {
      List<UUID> uuids = new ArrayList<>(c.snapshot().rows("Logical_Flow").keySet());
      long run = System.nanoTime();
      List<CompletableFuture<?>> pending = new ArrayList<>();
      for (int i = 0; i < uuids.size(); i += batch) {
        Transaction t = c.transaction();
        for (int j = i; j < Math.min(uuids.size(), i + batch); j++) {
          t.update("Logical_Flow", uuids.get(j))
              .set("actions", "next; /* " + run + "." + j + " */");
        }
        pending.add(c.transact(t));
        if (pending.size() >= 8) {
          pending.remove(0).get(60, TimeUnit.SECONDS);
        }
      }
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
    }
  }
}
