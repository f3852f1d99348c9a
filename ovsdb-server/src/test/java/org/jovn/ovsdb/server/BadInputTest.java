package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestClient.json;
import static org.jovn.ovsdb.server.TestServer.NB;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clients that misbehave are answered with errors or disconnected; others keep being served. */
class BadInputTest {
  @TempDir Path dir;
  TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void assertStillServing() {
    try (TestClient c = server.client()) {
      assertThat(c.call("list_dbs", "[]")).isEqualTo(json("['OVN_Northbound','_Server']"));
      assertThat(c.transact(NB, "[{'op':'insert','table':'NB_Global','row':{}}]").get(0)
          .has("uuid")).isTrue();
    }
  }

  @Test
  void malformedJson_disconnects_othersServed() throws Exception {
    server = TestServer.start(dir);
    try (TestClient bystander = server.client(); RawClient raw = new RawClient(server.port())) {
      raw.sendRaw("{\"id\":1,\"method\":\"list_dbs\",\"params\":[]}{\"id\":2,,}");
      assertThat(raw.read().get("result")).isEqualTo(json("['OVN_Northbound','_Server']"));
      assertThat(raw.closedByServer()).isTrue();
      assertThat(bystander.call("echo", "['still here']")).isEqualTo(json("['still here']"));
    }
    assertStillServing();
  }

  @Test
  void notJsonRpc_paramsNotArray_disconnects() throws Exception {
    server = TestServer.start(dir);
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("{'id':1,'method':'list_dbs','params':{}}");
      assertThat(raw.closedByServer()).isTrue();
    }
    assertStillServing();
  }

  @Test
  void unknownMethod_repliesErrorAndKeepsConnection() throws Exception {
    server = TestServer.start(dir);
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("{'id':7,'method':'frob','params':[]}");
      JsonNode reply = raw.readResponse("7");
      assertThat(reply.get("error")).isEqualTo(json("'unknown method'"));
      assertThat(reply.get("result").isNull()).isTrue();
      raw.send("{'id':8,'method':'list_dbs','params':[]}");
      assertThat(raw.readResponse("8").get("result")).isNotEmpty();
    }
  }

  @Test
  void wrongParamTypes_replySyntaxErrorsWithDetails() {
    server = TestServer.start(dir);
    try (TestClient c = server.client()) {
      assertSyntaxError(c.callError("get_schema", "[1]"));
      assertSyntaxError(c.callError("transact", "[]"));
      assertSyntaxError(c.callError("monitor", "['OVN_Northbound','m',5]"));
      assertSyntaxError(c.callError("monitor", "['OVN_Northbound']"));
      assertSyntaxError(c.callError("monitor_cond",
          "['OVN_Northbound','m2',{'NB_Global':[{'where':5}]}]"));
      assertSyntaxError(c.callError("monitor_cond_since",
          "['OVN_Northbound','m3',{'NB_Global':[{}]},42]"));
      assertSyntaxError(c.callError("lock", "[{}]"));
      assertSyntaxError(c.callError("monitor_cancel", "[]"));

      assertSyntaxError(c.transact(NB, "[5]").get(0));
      assertSyntaxError(c.transact(NB, "[{'op':'insert','table':5,'row':{}}]").get(0));
      assertSyntaxError(c.transact(NB,
          "[{'op':'insert','table':'NB_Global','row':{'nb_cfg':'x'}}]").get(0));
      assertSyntaxError(c.transact(NB, "[{'op':'select','table':'NB_Global'}]").get(0));
      // The connection survives all of these.
      assertThat(c.call("echo", "[]")).isEqualTo(json("[]"));
    }
  }

  private static void assertSyntaxError(JsonNode error) {
    assertThat(error.get("error").asText()).as("%s", error).isEqualTo("syntax error");
    assertThat(error.get("details").asText()).as("%s", error).isNotBlank();
  }

  @Test
  void oversizeMessage_overConfiguredCap_disconnects() throws Exception {
    server = TestServer.start(dir, c -> c.withMaxMessageBytes(4096));
    try (RawClient raw = new RawClient(server.port())) {
      raw.send("{'id':1,'method':'echo','params':['" + "x".repeat(1000) + "']}");
      assertThat(raw.readResponse("1").get("result").get(0).asText()).hasSize(1000);
      raw.send("{'id':2,'method':'echo','params':['" + "x".repeat(10_000) + "']}");
      assertThat(raw.closedByServer()).isTrue();
    }
    assertStillServing();
  }

  @Test
  void deeplyNestedMessage_disconnectsWithoutCrashing() throws Exception {
    server = TestServer.start(dir);
    try (RawClient raw = new RawClient(server.port())) {
      int depth = 100_000;
      byte[] open = new byte[depth];
      Arrays.fill(open, (byte) '[');
      byte[] close = new byte[depth];
      Arrays.fill(close, (byte) ']');
      raw.sendRaw("{\"id\":1,\"method\":\"echo\",\"params\":".getBytes(StandardCharsets.UTF_8));
      try {
        raw.sendRaw(open);
        raw.sendRaw(close);
        raw.sendRaw("}");
      } catch (java.io.IOException e) {
        // The server may close while we are still sending.
      }
      assertThat(raw.closedByServer()).isTrue();
    }
    assertStillServing();
  }

  @Test
  void nonReadingMonitorClient_isDisconnectedWhenBacklogExceedsCap() throws Exception {
    server = TestServer.start(dir);
    try (TestClient writer = server.client(); RawClient lazy = new RawClient(server.port())) {
      writer.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'s'}}]");
      lazy.send("{'id':1,'method':'monitor','params':['OVN_Northbound','m',"
          + "{'Logical_Switch':{'columns':['external_ids']}}]}");
      lazy.readResponse("1");
      // From now on the lazy client reads nothing. Each commit sends it ~2 MiB ("old" and
      // "new"); the default outbound cap is 64 MiB.
      String big = "y".repeat(1 << 20);
      int commits = 0;
      while (server.server.sessionCount() > 1 && commits < 200) {
        writer.transact(NB, "[{'op':'update','table':'Logical_Switch','where':[],"
            + "'row':{'external_ids':['map',[['k','" + big + commits + "']]]}}]");
        commits++;
      }
      assertThat(server.server.sessionCount()).as("sessions after %d commits", commits)
          .isEqualTo(1);
      assertThat(commits).isLessThan(200);
      assertThat(writer.call("echo", "[]")).isEqualTo(json("[]"));
    }
    assertStillServing();
  }
}
