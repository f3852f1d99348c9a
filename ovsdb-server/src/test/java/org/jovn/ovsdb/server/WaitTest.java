package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestClient.json;
import static org.jovn.ovsdb.server.TestServer.NB;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "wait" operation: blocking until another commit satisfies it, timeouts, "cancel". */
class WaitTest {
  @TempDir Path dir;
  TestServer server;
  TestClient waiter;
  TestClient writer;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    waiter = server.client();
    writer = server.client();
  }

  @AfterEach
  void stop() {
    waiter.close();
    writer.close();
    server.close();
  }

  private static String waitFor(String switchName, String timeout) {
    return "{'op':'wait','table':'Logical_Switch','where':[['name','==','" + switchName + "']],"
        + "'columns':['name'],'until':'==','rows':[{'name':'" + switchName + "'}]"
        + (timeout == null ? "" : ",'timeout':" + timeout) + "}";
  }

  /** Sends a request on the same connection and database, so the wait before it has run. */
  private static void barrier(TestClient c) {
    c.transact(NB, "[{'op':'comment','comment':'barrier'}]");
  }

  private JsonNode switchesNamed(String name) {
    return writer.transact(NB, "[{'op':'select','table':'Logical_Switch',"
        + "'where':[['name','==','" + name + "']],'columns':['name']}]").get(0).get("rows");
  }

  @Test
  void wait_blocksUntilOtherClientsCommitSatisfiesIt() {
    CompletableFuture<JsonNode> blocked = waiter.callAsync("transact", "['OVN_Northbound',"
        + waitFor("go", null) + ",{'op':'insert','table':'Logical_Switch','row':{'name':'after'}}]");
    barrier(waiter);
    assertThat(blocked).isNotDone();
    assertThat(switchesNamed("after")).isEmpty();

    writer.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'go'}}]");
    JsonNode r = TestClient.await(blocked);
    assertThat(r.get(0)).isEqualTo(json("{}"));
    assertThat(r.get(1).has("uuid")).isTrue();
    assertThat(switchesNamed("after")).hasSize(1);
  }

  @Test
  void wait_alreadySatisfied_succeedsAtOnce() {
    writer.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'go'}}]");
    JsonNode r = waiter.transact(NB, "[" + waitFor("go", null) + "]");
    assertThat(r.get(0)).isEqualTo(json("{}"));
  }

  @Test
  void wait_timeoutZero_failsAtOnce() {
    JsonNode r = waiter.transact(NB, "[" + waitFor("go", "0") + "]");
    assertThat(r.get(0).get("error").asText()).isEqualTo("timed out");
  }

  @Test
  void wait_timeoutExpires_repliesTimedOut() {
    JsonNode r = waiter.transact(NB, "[" + waitFor("go", "200") + ","
        + "{'op':'insert','table':'Logical_Switch','row':{'name':'after'}}]");
    assertThat(r.get(0).get("error").asText()).isEqualTo("timed out");
    assertThat(switchesNamed("after")).isEmpty();
  }

  @Test
  void wait_unrelatedCommit_staysBlocked() {
    CompletableFuture<JsonNode> blocked = waiter.callAsync("transact",
        "['OVN_Northbound'," + waitFor("go", null) + "]");
    barrier(waiter);
    writer.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'other'}}]");
    barrier(waiter);
    assertThat(blocked).isNotDone();
    writer.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'go'}}]");
    assertThat(TestClient.await(blocked).get(0)).isEqualTo(json("{}"));
  }

  @Test
  void wait_chainOfBlockedTransactions_allComplete() {
    // The second-queued transaction unblocks the first-queued one: both must finish after the
    // single commit that unblocks the second.
    CompletableFuture<JsonNode> first = waiter.callAsync("transact", "['OVN_Northbound',"
        + waitFor("b", null) + "]");
    barrier(waiter);
    CompletableFuture<JsonNode> second = waiter.callAsync("transact", "['OVN_Northbound',"
        + waitFor("a", null) + ",{'op':'insert','table':'Logical_Switch','row':{'name':'b'}}]");
    barrier(waiter);
    writer.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'a'}}]");
    assertThat(TestClient.await(second).get(1).has("uuid")).isTrue();
    assertThat(TestClient.await(first).get(0)).isEqualTo(json("{}"));
  }

  @Test
  void cancel_blockedTransaction_repliesCanceled() throws Exception {
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("{'id':'w','method':'transact','params':['OVN_Northbound'," + waitFor("go", null)
          + ",{'op':'insert','table':'Logical_Switch','row':{'name':'x'}}]}");
      raw.send("{'id':'b','method':'transact','params':['OVN_Northbound',"
          + "{'op':'comment','comment':'barrier'}]}");
      raw.readResponse("'b'");
      raw.send("{'id':null,'method':'cancel','params':['w']}");
      // As ovsdb-server: the error is the string "canceled".
      assertThat(raw.readResponse("'w'").get("error")).isEqualTo(json("'canceled'"));
    }
    writer.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'go'}}]");
    assertThat(switchesNamed("x")).isEmpty();
  }

  @Test
  void disconnect_dropsBlockedTransaction() throws Exception {
    waiter.callAsync("transact", "['OVN_Northbound'," + waitFor("go", null)
        + ",{'op':'insert','table':'Logical_Switch','row':{'name':'x'}}]");
    barrier(waiter);
    int sessions = server.server.sessionCount();
    waiter.close();
    waiter.awaitClosed();
    // The server learns of the disconnect on its own: write only once it has forgotten the
    // session (its blocked transaction is dropped before the session count goes down).
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (server.server.sessionCount() >= sessions && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(server.server.sessionCount()).isLessThan(sessions);
    writer.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'go'}}]");
    writer.transact(NB, "[{'op':'comment','comment':'later'}]");
    assertThat(switchesNamed("x")).isEmpty();
  }
}
