package org.jovn.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.jovn.ovsdb.json.Json;
import org.junit.jupiter.api.Test;

class ServerCheckTest {
  private static com.fasterxml.jackson.databind.JsonNode row(String json) {
    return Json.parse(json);
  }

  @Test
  void verdict_standalone_accepted() {
    assertThat(ServerCheck.verdict(row("{\"model\":\"standalone\"}"), "NB", true, -1)).isNull();
  }

  @Test
  void verdict_noRow_rejected() {
    assertThat(ServerCheck.verdict(null, "NB", false, -1)).contains("no database NB");
  }

  @Test
  void verdict_clusteredFollower_rejectedOnlyWhenLeaderOnly() {
    String follower = "{\"model\":\"clustered\",\"connected\":true,\"leader\":false}";
    assertThat(ServerCheck.verdict(row(follower), "NB", true, -1)).contains("not the leader");
    assertThat(ServerCheck.verdict(row(follower), "NB", false, -1)).isNull();
  }

  @Test
  void verdict_clusteredDisconnected_rejected() {
    String row = "{\"model\":\"clustered\",\"connected\":false,\"leader\":true}";
    assertThat(ServerCheck.verdict(row(row), "NB", false, -1)).contains("not connected");
  }

  @Test
  void verdict_olderIndexThanSeen_rejectedAsStale() {
    String row = "{\"model\":\"clustered\",\"connected\":true,\"leader\":true,"
        + "\"index\":[\"set\",[5]]}";
    assertThat(ServerCheck.verdict(row(row), "NB", true, 7)).contains("stale");
    assertThat(ServerCheck.verdict(row(row), "NB", true, 5)).isNull();
    assertThat(ServerCheck.index(row(row))).isEqualTo(5);
  }

  @Test
  void backoff_doublesUpToMaxThenResets() {
    Backoff b = new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(300));
    assertThat(b.next()).hasMillis(100);
    assertThat(b.next()).hasMillis(200);
    assertThat(b.next()).hasMillis(300);
    assertThat(b.next()).hasMillis(300);
    b.reset();
    assertThat(b.next()).hasMillis(100);
  }
}
