package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.json.Json;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * monitor_cond_since across members: transaction ids are the same on every member, so a client
 * that monitored member A and reconnects to member B with its last transaction id gets
 * found=true and only the changes it missed (as ovsdb-idl does after a failover).
 */
class ClusterMonitorSinceTest {
  private static final String ZERO = "00000000-0000-0000-0000-000000000000";

  @TempDir
  Path dir;
  @AutoClose
  private Cluster cluster;

  private static ArrayNode request(String lastTxnId) {
    ArrayNode p = Json.array();
    p.add(Cluster.DB);
    p.add("items");
    p.addObject().putArray("Item").addObject().putArray("columns").add("name");
    p.add(lastTxnId);
    return p;
  }

  private static List<String> names(JsonNode tableUpdates) {
    List<String> names = new ArrayList<>();
    tableUpdates.path("Item").forEach(r -> {
      JsonNode row = r.has("initial") ? r.get("initial") : r.get("insert");
      names.add(row == null ? "?" + r : row.path("name").asText());
    });
    names.sort(null);
    return names;
  }

  @Test
  void reconnectToOtherMember_withLastTxnId_getsOnlyMissedChanges() throws Exception {
    cluster = Cluster.create(dir, 3, "--election-timer=800");
    Member leader = cluster.startAndAwaitFormed();
    Member a = cluster.others(leader).get(0);
    Member b = cluster.others(leader).get(1);
    String last;
    try (JsonRpc c = a.connect()) {
      assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("before", 0))))
          .isNull();
      JsonNode r = c.call("monitor_cond_since", request(ZERO), 20_000);
      assertThat(r.get(0).asBoolean()).isFalse();
      assertThat(names(r.get(2))).containsExactly("before");
      last = r.get(1).asText();
      for (String name : List.of("seen1", "seen2")) {
        assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem(name, 0))))
            .isNull();
        JsonNode update = c.notifications.poll(20, TimeUnit.SECONDS);
        assertThat(update).isNotNull();
        assertThat(update.get("method").asText()).isEqualTo("update3");
        assertThat(names(update.get("params").get(2))).containsExactly(name);
        last = update.get("params").get(1).asText();
      }
    }
    try (JsonRpc c = leader.connect()) {
      for (String name : List.of("missed1", "missed2")) {
        assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem(name, 0))))
            .isNull();
      }
    }
    cluster.awaitItems(b, List.of("before", "seen1", "seen2", "missed1", "missed2"));
    try (JsonRpc c = b.connect()) {
      JsonNode r = c.call("monitor_cond_since", request(last), 20_000);
      assertThat(r.get(0).asBoolean()).as("found %s on %s", last, b).isTrue();
      assertThat(names(r.get(2))).containsExactly("missed1", "missed2");
      String newest = r.get(1).asText();
      assertThat(newest).isNotEqualTo(last);
      // And B's updates continue from there.
      assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("after", 0))))
          .isNull();
      JsonNode update = c.notifications.poll(20, TimeUnit.SECONDS);
      assertThat(names(update.get("params").get(2))).containsExactly("after");
    }
  }
}
