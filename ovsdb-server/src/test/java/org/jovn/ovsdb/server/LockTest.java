package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestClient.json;
import static org.jovn.ovsdb.server.TestServer.NB;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lock, steal and unlock between two clients, and the "assert" operation (RFC 7047 §4.1.8-10). */
class LockTest {
  @TempDir Path dir;
  TestServer server;
  TestClient a;
  TestClient b;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    a = server.client();
    b = server.client();
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    server.close();
  }

  private static boolean asserts(TestClient c, String lock) {
    JsonNode r = c.transact(NB, "[{'op':'assert','lock':'" + lock + "'}]");
    if (r.get(0).has("error")) {
      assertThat(r.get(0).get("error").asText()).isEqualTo("not owner");
      return false;
    }
    assertThat(r.get(0)).isEqualTo(json("{}"));
    return true;
  }

  @Test
  void lock_secondClientWaits_getsLockedOnUnlock() {
    assertThat(a.call("lock", "['L']")).isEqualTo(json("{'locked':true}"));
    assertThat(b.call("lock", "['L']")).isEqualTo(json("{'locked':false}"));
    assertThat(asserts(a, "L")).isTrue();
    assertThat(asserts(b, "L")).isFalse();

    assertThat(a.call("unlock", "['L']")).isEqualTo(json("{}"));
    assertThat(b.next("locked").params()).isEqualTo(json("['L']"));
    assertThat(asserts(b, "L")).isTrue();
    assertThat(asserts(a, "L")).isFalse();
  }

  @Test
  void steal_ownerGetsStolen_thenLockedAgainWhenThiefUnlocks() {
    a.call("lock", "['L']");
    assertThat(b.call("steal", "['L']")).isEqualTo(json("{'locked':true}"));
    assertThat(a.next("stolen").params()).isEqualTo(json("['L']"));
    assertThat(asserts(a, "L")).isFalse();
    assertThat(asserts(b, "L")).isTrue();

    // As ovsdb-server: the victim still waits, and gets the lock back.
    b.call("unlock", "['L']");
    assertThat(a.next("locked").params()).isEqualTo(json("['L']"));
    assertThat(asserts(a, "L")).isTrue();
  }

  @Test
  void steal_freeLock_noNotification() {
    assertThat(b.call("steal", "['L']")).isEqualTo(json("{'locked':true}"));
    assertThat(asserts(b, "L")).isTrue();
  }

  @Test
  void disconnect_releasesLock_waiterGetsLocked() {
    a.call("lock", "['L']");
    b.call("lock", "['L']");
    a.close();
    assertThat(b.next("locked").params()).isEqualTo(json("['L']"));
    assertThat(asserts(b, "L")).isTrue();
  }

  @Test
  void disconnect_ofWaiter_ownerKeepsLock() {
    a.call("lock", "['L']");
    b.call("lock", "['L']");
    b.close();
    b.awaitClosed();
    assertThat(asserts(a, "L")).isTrue();
    a.call("unlock", "['L']");
    try (TestClient c = server.client()) {
      assertThat(c.call("lock", "['L']")).isEqualTo(json("{'locked':true}"));
    }
  }

  @Test
  void assert_withoutLock_failsAndAbortsTransaction() {
    JsonNode r = a.transact(NB, "[{'op':'insert','table':'NB_Global','row':{}},"
        + "{'op':'assert','lock':'L'}]");
    assertThat(r.get(1).get("error").asText()).isEqualTo("not owner");
    JsonNode rows = a.transact(NB, "[{'op':'select','table':'NB_Global','where':[]}]");
    assertThat(rows.get(0).get("rows")).isEmpty();
  }

  @Test
  void lock_twice_repliesSyntaxError() {
    a.call("lock", "['L']");
    JsonNode error = a.callError("lock", "['L']");
    assertThat(error.get("error").asText()).isEqualTo("syntax error");
    assertThat(error.get("details").asText()).contains("unlock");
    assertThat(a.callError("steal", "['L']").get("error").asText()).isEqualTo("syntax error");
  }

  @Test
  void unlock_notHeld_repliesSyntaxError() {
    assertThat(a.callError("unlock", "['L']").get("error").asText()).isEqualTo("syntax error");
  }

  @Test
  void lock_nonStringName_repliesSyntaxError() {
    assertThat(a.callError("lock", "[1]").get("error").asText()).isEqualTo("syntax error");
  }

  @Test
  void locks_areIndependentByName() {
    assertThat(a.call("lock", "['L1']")).isEqualTo(json("{'locked':true}"));
    assertThat(b.call("lock", "['L2']")).isEqualTo(json("{'locked':true}"));
    assertThat(asserts(a, "L2")).isFalse();
    assertThat(asserts(b, "L1")).isFalse();
  }
}
