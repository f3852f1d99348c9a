package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.json.Json;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two of three members frozen with SIGSTOP: the one left alone serves reads (transact select,
 * monitor) but refuses writes with a "not leader" error; once the others resume, the cluster
 * converges with every acknowledged write.
 */
class ClusterMinorityTest {
  @TempDir
  Path dir;
  @AutoClose
  private Cluster cluster;

  private static ArrayNode monitorItems() {
    ArrayNode p = Json.array();
    p.add(Cluster.DB);
    p.add("items");
    p.addObject().putObject("Item").putArray("columns").add("name");
    return p;
  }

  private static List<String> names(JsonNode tableUpdates) {
    List<String> names = new ArrayList<>();
    tableUpdates.path("Item").forEach(r -> names.add(r.path("new").path("name").asText()));
    names.sort(null);
    return names;
  }

  @Test
  void loneFollower_servesReads_refusesWrites_thenConverges() throws Exception {
    cluster = Cluster.create(dir, 3, "--election-timer=800");
    Member leader = cluster.startAndAwaitFormed();
    Member lone = cluster.others(leader).get(0);
    Member other = cluster.others(leader).get(1);
    List<String> acked = new ArrayList<>();
    try (JsonRpc c = lone.connect()) {
      for (int i = 0; i < 10; i++) {
        assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("a" + i, 0))))
            .isNull();
        acked.add("a" + i);
      }
    }
    leader.pause();
    other.pause();

    try (JsonRpc c = lone.connect()) {
      assertThat(Ops.itemNames(c)).isEqualTo(acked);
      JsonNode initial = c.call("monitor", monitorItems(), 20_000);
      assertThat(names(initial)).isEqualTo(acked);
      assertThatThrownBy(() -> c.transact(Cluster.DB, 60_000, Ops.insertItem("refused", 0)))
          .isInstanceOf(JsonRpc.RpcError.class)
          .hasMessageContaining("not leader");
      // Reads still work after the refusal.
      assertThat(Ops.itemNames(c)).doesNotContain("refused").containsAll(acked);
    }

    leader.cont();
    other.cont();
    cluster.awaitFormed(3, cluster.members);
    try (JsonRpc c = lone.connect()) {
      cluster.await("a write through the lone member", 40, () -> {
        try {
          return Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("b", 0))) == null;
        } catch (JsonRpc.RpcError e) {
          return null;
        }
      });
      acked.add("b");
    }
    // The refused write may or may not have been applied; the acknowledged ones all are.
    for (Member m : cluster.members) {
      cluster.await(m + " to hold every acknowledged item", 40, () -> {
        try (JsonRpc c = m.connect()) {
          List<String> names = Ops.itemNames(c);
          names.remove("refused");
          return names.equals(acked);
        }
      });
    }
  }

  /**
   * The old leader left alone with an uncommitted proposal must not show it to readers (OVSDB
   * clients read only committed data), nor send monitor updates for it.
   */
  @Test
  void loneLeader_doesNotServeUncommittedWrites() throws Exception {
    cluster = Cluster.create(dir, 3, "--election-timer=800");
    Member leader = cluster.startAndAwaitFormed();
    List<Member> followers = cluster.others(leader);
    try (JsonRpc c = leader.connect()) {
      assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("committed", 0))))
          .isNull();
    }
    for (Member f : followers) {
      cluster.await(f + " to apply the first write", 30, () -> {
        try (JsonRpc c = f.connect()) {
          return Ops.itemNames(c).contains("committed");
        }
      });
      f.pause();
    }
    try (JsonRpc writer = leader.connect(); JsonRpc reader = leader.connect()) {
      reader.call("monitor", monitorItems(), 20_000);
      CompletableFuture<Object> write = CompletableFuture.supplyAsync(() -> {
        try {
          return writer.transact(Cluster.DB, 60_000, Ops.insertItem("uncommitted", 0));
        } catch (Exception e) {
          return e;
        }
      });
      Thread.sleep(1_000);
      assertThat(Ops.itemNames(reader)).as("read on the leader with a write in flight")
          .containsExactly("committed");
      JsonNode second = Json.array().add(Cluster.DB).add("items2")
          .add(Json.object().set("Item", Json.object().set("columns", Json.array().add("name"))));
      assertThat(names(reader.call("monitor", second, 20_000)))
          .as("monitor started on the leader with a write in flight")
          .containsExactly("committed");
      assertThat(reader.notifications.poll(200, TimeUnit.MILLISECONDS))
          .as("update for an uncommitted write").isNull();
      leader.pause();
      for (Member f : followers) {
        f.cont();
      }
      Member newLeader = cluster.awaitLeader(followers);
      try (JsonRpc c = newLeader.connect()) {
        assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("new", 0))))
            .isNull();
      }
      leader.cont();
      assertThat(write.get(60, TimeUnit.SECONDS)).isInstanceOf(JsonRpc.RpcError.class);
    }
    // The refused write's outcome is unknown to its client (Ratis's client may still deliver
    // it to the new leader), but every member agrees on it.
    cluster.await("every member to hold the same committed items", 40, () -> {
      List<List<String>> seen = new ArrayList<>();
      for (Member m : cluster.members) {
        try (JsonRpc c = m.connect()) {
          seen.add(Ops.itemNames(c));
        }
      }
      List<String> first = seen.get(0);
      return seen.stream().allMatch(first::equals) && first.containsAll(List.of("committed", "new"))
          && List.of("committed", "new", "uncommitted").containsAll(first);
    });
  }
}
