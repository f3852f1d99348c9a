package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many writes in flight at once travel to the leader in batches (one Raft entry for many
 * transactions, executed from memory when the leader itself submits them). Each transaction
 * must still get its own reply — success, its own error, or a wait that blocks and completes
 * later — and commit exactly once, whether the client talks to the leader or to a follower;
 * and every member ends with the same rows and row versions.
 */
class ClusterBatchingTest {
  private static final int WRITES = 60;

  @TempDir
  Path dir;
  @AutoClose
  private Cluster cluster;
  @AutoClose("shutdownNow")
  private final ExecutorService pool = Executors.newFixedThreadPool(WRITES + 1);

  @Test
  void concurrentWrites_onLeaderAndFollower_eachGetTheirOwnReplyAndCommitOnce()
      throws Exception {
    cluster = Cluster.create(dir, 3, "--election-timer=800");
    Member leader = cluster.startAndAwaitFormed();
    Member follower = cluster.others(leader).get(0);
    List<String> expected = new ArrayList<>();
    for (Member target : List.of(leader, follower)) {
      String tag = target == leader ? "leader" : "follower";
      try (JsonRpc c = target.connect()) {
        assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertReg(tag, 0)))).isNull();
        // Blocks until the last write sets the register: its wait is retried after commits.
        Future<ArrayNode> blocked = pool.submit(() -> c.transact(Cluster.DB, 30_000,
            waitFor(tag, WRITES), Ops.insertItem(tag + "-after-wait", 0)));
        List<Future<ArrayNode>> writes = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
          int n = i;
          writes.add(pool.submit(() -> c.transact(Cluster.DB, 30_000, n % 4 == 3
              ? Ops.waitReg(tag, -1) // fails: "timed out"
              : Ops.insertItem(tag + "-" + n, n))));
        }
        for (int i = 0; i < WRITES; i++) {
          ArrayNode results = writes.get(i).get();
          if (i % 4 == 3) {
            assertThat(Ops.error(results)).as("write %d", i).isEqualTo("timed out");
          } else {
            assertThat(Ops.error(results)).as("write %d", i).isNull();
            assertThat(results.get(0).path("uuid").isArray()).isTrue();
            expected.add(tag + "-" + i);
          }
        }
        assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.writeReg(tag, WRITES))))
            .isNull();
        assertThat(Ops.error(blocked.get())).isNull();
        expected.add(tag + "-after-wait");
      }
    }
    Map<String, String> versions = null;
    for (Member m : cluster.running()) {
      cluster.awaitItems(m, expected);
      Map<String, String> mine = new TreeMap<>();
      try (JsonRpc c = m.connect()) {
        for (JsonNode row : c.transact(Cluster.DB, 20_000,
            Ops.select("Item", null, "_uuid", "_version")).get(0).get("rows")) {
          mine.put(row.get("_uuid").get(1).asText(), row.get("_version").get(1).asText());
        }
      }
      // Every member gives a row the same _version (the leader's, carried in the log).
      if (versions != null) {
        assertThat(mine).isEqualTo(versions);
      }
      versions = mine;
    }
  }

  /** A wait that blocks (up to 20 s) until register KEY holds VALUE. */
  private static ObjectNode waitFor(String key, long value) {
    ObjectNode op = Ops.waitReg(key, value);
    op.put("timeout", 20_000);
    return op;
  }
}
