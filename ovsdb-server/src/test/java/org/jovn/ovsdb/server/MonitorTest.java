package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestClient.json;
import static org.jovn.ovsdb.server.TestServer.NB;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.jovn.ovsdb.rpc.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** monitor, monitor_cond, monitor_cond_change, monitor_cond_since and monitor_cancel. */
class MonitorTest {
  @TempDir Path dir;
  TestServer server;
  TestClient watcher;
  TestClient writer;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    watcher = server.client();
    writer = server.client();
  }

  @AfterEach
  void stop() {
    watcher.close();
    writer.close();
    server.close();
  }

  private String insertSwitch(String name) {
    JsonNode r = writer.transact(NB, "[{'op':'insert','table':'Logical_Switch',"
        + "'row':{'name':'" + name + "'}}]");
    return r.get(0).get("uuid").get(1).asText();
  }

  @Test
  void monitorReply_alwaysPrecedesItsFirstUpdate() throws Exception {
    // A write, a monitor request and a second write, pipelined: the monitor's reply waits for
    // nothing durable, but the first write's fsync is in flight while the second commits, and
    // the second write's update must still come after the reply.
    try (RawClient raw = new RawClient(server.port())) {
      for (int round = 0; round < 20; round++) {
        String insert = "{'id':'w%d-%s','method':'transact','params':['OVN_Northbound',"
            + "{'op':'insert','table':'Logical_Switch','row':{'name':'r%d-%s'}}]}";
        raw.send(String.format(insert, round, "a", round, "a")
            + "{'id':'m" + round + "','method':'monitor_cond','params':['OVN_Northbound','m"
            + round + "',{'Logical_Switch':[{'columns':['name']}]}]}"
            + String.format(insert, round, "b", round, "b"));
        boolean replied = false;
        int seen = 0;
        while (seen < 4) {
          JsonNode m = raw.read();
          assertThat(m).as("round %d", round).isNotNull();
          if (m.path("method").asText().equals("update2")
              && m.path("params").path(0).asText().equals("m" + round)) {
            assertThat(replied).as("round %d: update before the monitor's reply: %s", round, m)
                .isTrue();
            seen++;
          } else if (m.path("id").asText().equals("m" + round)) {
            replied = true;
            seen++;
          } else if (m.path("id").asText().startsWith("w" + round + "-")) {
            seen++;
          }
        }
      }
    }
  }

  @Test
  void monitor_initialAndUpdates_useUpdateFormat() {
    String a = insertSwitch("a");
    JsonNode initial = watcher.call("monitor",
        "['OVN_Northbound','m',{'Logical_Switch':{'columns':['name']}}]");
    assertThat(initial).isEqualTo(json("{'Logical_Switch':{'" + a + "':{'new':{'name':'a'}}}}"));

    String b = insertSwitch("b");
    Notification n = watcher.next("update");
    assertThat(n.params()).isEqualTo(
        json("['m',{'Logical_Switch':{'" + b + "':{'new':{'name':'b'}}}}]"));

    writer.transact(NB, "[{'op':'update','table':'Logical_Switch','where':[['name','==','b']],"
        + "'row':{'name':'b2'}}]");
    assertThat(watcher.next("update").params()).isEqualTo(json("['m',{'Logical_Switch':{'"
        + b + "':{'new':{'name':'b2'},'old':{'name':'b'}}}}]"));

    writer.transact(NB, "[{'op':'delete','table':'Logical_Switch','where':[['name','==','a']]}]");
    assertThat(watcher.next("update").params()).isEqualTo(
        json("['m',{'Logical_Switch':{'" + a + "':{'old':{'name':'a'}}}}]"));
  }

  @Test
  void monitorCond_whereClause_sendsOnlyMatchingRowsAsUpdate2() {
    String a = insertSwitch("a");
    insertSwitch("b");
    JsonNode initial = watcher.call("monitor_cond", "['OVN_Northbound','m',"
        + "{'Logical_Switch':[{'columns':['name'],'where':[['name','==','a']]}]}]");
    assertThat(initial).isEqualTo(
        json("{'Logical_Switch':{'" + a + "':{'initial':{'name':'a'}}}}"));

    String a2 = writer.transact(NB, "[{'op':'insert','table':'Logical_Switch',"
        + "'row':{'name':'a'}}, {'op':'insert','table':'Logical_Switch','row':{'name':'c'}}]")
        .get(0).get("uuid").get(1).asText();
    assertThat(watcher.next("update2").params()).isEqualTo(
        json("['m',{'Logical_Switch':{'" + a2 + "':{'insert':{'name':'a'}}}}]"));

    writer.transact(NB, "[{'op':'update','table':'Logical_Switch','where':[['name','==','b']],"
        + "'row':{'name':'a'}}]");
    JsonNode entering = watcher.next("update2").params().get(1).get("Logical_Switch");
    assertThat(entering.elements().next()).isEqualTo(json("{'insert':{'name':'a'}}"));
  }

  @Test
  void monitorCondChange_rowsEnterAndLeave_updateBeforeReply() {
    String a = insertSwitch("a");
    String b = insertSwitch("b");
    watcher.call("monitor_cond", "['OVN_Northbound','m',"
        + "{'Logical_Switch':[{'columns':['name'],'where':[['name','==','a']]}]}]");

    JsonNode reply = TestClient.await(watcher.callRecorded("change", "monitor_cond_change",
        "['m','m',{'Logical_Switch':[{'where':[['name','==','b']]}]}]"));
    assertThat(reply).isEqualTo(json("{}"));
    assertThat(watcher.next("update2").params()).isEqualTo(json("['m',{'Logical_Switch':{'"
        + a + "':{'delete':null},'" + b + "':{'insert':{'name':'b'}}}}]"));
    // As ovsdb-server 3.1 does, the changed contents come before the reply.
    assertThat(watcher.events()).containsExactly("notify:update2", "reply:change");

    // The new condition governs later commits.
    insertSwitch("a");
    String b2 = insertSwitch("b");
    assertThat(watcher.next("update2").params()).isEqualTo(
        json("['m',{'Logical_Switch':{'" + b2 + "':{'insert':{'name':'b'}}}}]"));
  }

  @Test
  void monitorCondChange_unknownMonitor_repliesError() {
    JsonNode error = watcher.callError("monitor_cond_change", "['zz','zz',{}]");
    assertThat(error.get("error").asText()).isEqualTo("syntax error");
    assertThat(error.get("details").asText()).isEqualTo("unknown monitor session");
  }

  @Test
  void monitorCondSince_knownTxnId_sendsOnlyMissedChanges() {
    insertSwitch("a");
    JsonNode first = watcher.call("monitor_cond_since",
        "['OVN_Northbound','m',{'Logical_Switch':[{'columns':['name']}]},"
            + "'00000000-0000-0000-0000-000000000000']");
    assertThat(first.get(0).asBoolean()).isFalse();
    assertThat(first.get(2).get("Logical_Switch")).hasSize(1);
    String lastSeen = first.get(1).asText();
    watcher.close();

    String b = insertSwitch("b");
    String c = insertSwitch("c");
    writer.transact(NB, "[{'op':'delete','table':'Logical_Switch','where':[['name','==','c']]}]");
    try (TestClient again = server.client()) {
      JsonNode r = again.call("monitor_cond_since", "['OVN_Northbound','m',"
          + "{'Logical_Switch':[{'columns':['name']}]},'" + lastSeen + "']");
      assertThat(r.get(0).asBoolean()).isTrue();
      // Only b: c was inserted and deleted while away, a was already known.
      assertThat(r.get(2)).isEqualTo(
          json("{'Logical_Switch':{'" + b + "':{'insert':{'name':'b'}}}}"));
      assertThat(r.get(1).asText()).isNotEqualTo(lastSeen);
      assertThat(c).isNotEqualTo(b);

      String d = insertSwitch("d");
      Notification n = again.next("update3");
      assertThat(n.params().get(0).asText()).isEqualTo("m");
      assertThat(n.params().get(2)).isEqualTo(
          json("{'Logical_Switch':{'" + d + "':{'insert':{'name':'d'}}}}"));
    }
  }

  @Test
  void monitorCondSince_lastTxnId_foundWithNothingMissed() {
    insertSwitch("a");
    JsonNode first = watcher.call("monitor_cond_since", "['OVN_Northbound','m',"
        + "{'Logical_Switch':[{'columns':['name']}]},'00000000-0000-0000-0000-000000000000']");
    JsonNode again = watcher.call("monitor_cond_since", "['OVN_Northbound','m2',"
        + "{'Logical_Switch':[{'columns':['name']}]},'" + first.get(1).asText() + "']");
    assertThat(again.get(0).asBoolean()).isTrue();
    assertThat(again.get(1)).isEqualTo(first.get(1));
    assertThat(again.get(2)).isEqualTo(json("{}"));
  }

  @Test
  void monitorCondSince_unknownTxnId_sendsEverythingNotFound() {
    String a = insertSwitch("a");
    JsonNode r = watcher.call("monitor_cond_since", "['OVN_Northbound','m',"
        + "{'Logical_Switch':[{'columns':['name']}]},'0b5e3c9a-1111-4222-8333-944455556666']");
    assertThat(r.get(0).asBoolean()).isFalse();
    assertThat(r.get(2)).isEqualTo(
        json("{'Logical_Switch':{'" + a + "':{'initial':{'name':'a'}}}}"));
  }

  @Test
  void monitorCondSince_zeroTxnIdAfterRestart_sendsRowsLoadedFromDisk() {
    String a = insertSwitch("a");
    watcher.close();
    writer.close();
    server.close();
    server = TestServer.start(dir);
    watcher = server.client();
    writer = server.client();
    JsonNode r = watcher.call("monitor_cond_since", "['OVN_Northbound','m',"
        + "{'Logical_Switch':[{'columns':['name']}]},'00000000-0000-0000-0000-000000000000']");
    assertThat(r.get(0).asBoolean()).isFalse();
    assertThat(r.get(2)).isEqualTo(
        json("{'Logical_Switch':{'" + a + "':{'initial':{'name':'a'}}}}"));
  }

  @Test
  void monitorCondSince_badTxnId_repliesSyntaxError() {
    JsonNode error = watcher.callError("monitor_cond_since", "['OVN_Northbound','m',"
        + "{'Logical_Switch':[{'columns':['name']}]},'bogus']");
    assertThat(error.get("error").asText()).isEqualTo("syntax error");
  }

  @Test
  void monitorCancel_stopsUpdates() {
    watcher.call("monitor", "['OVN_Northbound','m',{'Logical_Switch':{'columns':['name']}}]");
    watcher.call("monitor", "['OVN_Northbound','n',{'NB_Global':{'columns':['name']}}]");
    assertThat(watcher.call("monitor_cancel", "['m']")).isEqualTo(json("{}"));
    insertSwitch("a");
    writer.transact(NB, "[{'op':'insert','table':'NB_Global','row':{'name':'g'}}]");
    // The update of the remaining monitor "n" is the first notification to arrive.
    assertThat(watcher.next("update").params().get(0).asText()).isEqualTo("n");
    assertThat(watcher.poll(0)).isNull();
  }

  @Test
  void monitorCancel_unknownId_repliesUnknownMonitor() {
    // As ovsdb-server: the error is the bare string.
    assertThat(watcher.callError("monitor_cancel", "['zz']")).isEqualTo(json("'unknown monitor'"));
  }

  @Test
  void monitorCancel_idMayBeReused() {
    watcher.call("monitor", "['OVN_Northbound','m',{'Logical_Switch':{'columns':['name']}}]");
    watcher.call("monitor_cancel", "['m']");
    assertThat(watcher.call("monitor",
        "['OVN_Northbound','m',{'Logical_Switch':{'columns':['name']}}]")).isEqualTo(json("{}"));
  }

  @Test
  void monitor_duplicateId_repliesError() {
    watcher.call("monitor", "['OVN_Northbound','m',{'Logical_Switch':{'columns':['name']}}]");
    JsonNode error = watcher.callError("monitor",
        "['OVN_Northbound','m',{'NB_Global':{'columns':['name']}}]");
    assertThat(error.get("error").asText()).isEqualTo("syntax error");
    assertThat(error.get("details").asText()).isEqualTo("duplicate monitor ID");
    // The first monitor still works.
    insertSwitch("a");
    assertThat(watcher.next("update").params().get(0).asText()).isEqualTo("m");
  }

  @Test
  void monitor_duplicateIdOnOtherDatabase_repliesError() {
    watcher.call("monitor", "['OVN_Northbound','m',{'Logical_Switch':{'columns':['name']}}]");
    JsonNode error = watcher.callError("monitor",
        "['_Server','m',{'Database':{'columns':['name']}}]");
    assertThat(error.toString()).contains("duplicate monitor ID");
  }

  @Test
  void monitor_rejectedRequest_idMayBeReused() {
    JsonNode error = watcher.callError("monitor_cond",
        "['OVN_Northbound','m',{'Nope':[{'columns':['name']}]}]");
    assertThat(error.get("error").asText()).isEqualTo("syntax error");
    assertThat(watcher.call("monitor_cond",
        "['OVN_Northbound','m',{'Logical_Switch':[{'columns':['name']}]}]")).isEqualTo(json("{}"));
  }

  @Test
  void transact_ownUpdateArrivesBeforeReply() {
    writer.call("monitor_cond", "['OVN_Northbound','m',{'Logical_Switch':[{'columns':['name']}]}]");
    for (int i = 0; i < 20; i++) {
      TestClient.await(writer.callRecorded("t" + i, "transact", "['OVN_Northbound',"
          + "{'op':'insert','table':'Logical_Switch','row':{'name':'s" + i + "'}}]"));
    }
    List<String> events = writer.events();
    assertThat(events).hasSize(40);
    for (int i = 0; i < 20; i++) {
      assertThat(events.subList(2 * i, 2 * i + 2))
          .as("transaction %d", i).containsExactly("notify:update2", "reply:t" + i);
    }
  }

  @Test
  void clientDisconnect_monitorsAreRemoved() throws Exception {
    watcher.call("monitor", "['OVN_Northbound','m',{'Logical_Switch':{'columns':['name']}}]");
    watcher.close();
    watcher.awaitClosed();
    String report = "";
    for (int i = 0; i < 100 && !report.contains("monitors:0"); i++) {
      report = server.server.engine(NB).memoryReport().get();
      Thread.sleep(50);
    }
    assertThat(report).contains("monitors:0");
  }
}
