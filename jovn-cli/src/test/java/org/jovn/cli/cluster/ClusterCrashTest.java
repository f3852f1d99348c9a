package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of all three members in the middle of a write burst from several clients: after a
 * restart every acknowledged insert is there exactly once, and no insert is there twice.
 */
class ClusterCrashTest {
  private static final int WRITERS = 6;

  @TempDir
  Path dir;
  @AutoClose
  private Cluster cluster;

  @Test
  void allKilledDuringBurst_acknowledgedInsertsSurviveExactlyOnce() throws Exception {
    cluster = Cluster.create(dir, 3, "--election-timer=800");
    cluster.startAndAwaitFormed();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    var lastError = new java.util.concurrent.atomic.AtomicReference<String>();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    List<Future<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      Member target = cluster.member(w % 3);
      writers.add(pool.submit(() -> {
        int attempts = 0;
        try (JsonRpc c = target.connect()) {
          for (int i = 0; !stop.get(); i++) {
            String name = "w" + writer + "-" + i;
            attempts++;
            try {
              if (Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem(name, writer)))
                  == null) {
                acked.add(name);
              }
            } catch (JsonRpc.RpcError e) {
              // Not acknowledged: may or may not be applied.
              lastError.set(e.getMessage());
            }
          }
        } catch (java.io.IOException e) {
          // The member died under us.
          lastError.set(e.toString());
        }
        return attempts;
      }));
    }
    cluster.await("some acknowledged writes", 40, () -> {
      if (acked.size() >= 100) {
        return true;
      }
      assertThat(writers.stream().filter(Future::isDone)).as("writers that stopped early, "
          + "last error %s", lastError.get()).isEmpty();
      return false;
    });
    for (Member m : cluster.members) {
      m.kill();
    }
    stop.set(true);
    int attempts = 0;
    for (Future<Integer> f : writers) {
      attempts += f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(acked).hasSizeGreaterThanOrEqualTo(100);

    cluster.startAndAwaitFormed();
    // Entries of the old term commit once the new leader commits one of its own, a little
    // after the restart: compare the members once they all serve the same rows.
    List<String> names = cluster.await("every member to serve the same rows", 60, () -> {
      List<List<String>> all = new ArrayList<>();
      for (Member m : cluster.members) {
        try (JsonRpc c = m.connect()) {
          all.add(Ops.itemNames(c));
        }
      }
      boolean same = all.stream().allMatch(l -> l.equals(all.get(0)));
      return same && all.get(0).size() >= acked.size() ? all.get(0) : null;
    });
    Map<String, Integer> counts = new HashMap<>();
    names.forEach(n -> counts.merge(n, 1, Integer::sum));
    assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
        .as("rows inserted twice").isEmpty();
    assertThat(counts.keySet()).as("acknowledged rows (of %d attempts)", attempts)
        .containsAll(acked);
  }
}
