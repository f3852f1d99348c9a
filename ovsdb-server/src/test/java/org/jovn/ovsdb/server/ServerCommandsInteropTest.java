package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestServer.NB;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control socket, driven by the real {@code ovs-appctl} (Open vSwitch 3.1) as the peer:
 * ovsdb-server/list-dbs, list-remotes, add-remote, remove-remote, compact, memory/show, exit.
 */
class ServerCommandsInteropTest {
  @TempDir Path dir;
  TestServer server;
  Path ctl;

  /** What ovs-appctl printed and returned. */
  record Result(int exit, String out, String err) {}

  @BeforeEach
  void start() {
    Assumptions.assumeFalse("false".equals(System.getProperty("jovn.interop")),
        "interop tests disabled (-Djovn.interop=false)");
    server = TestServer.start(dir);
    ctl = dir.resolve("ctl");
    server.server.startUnixctl(ctl);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private Result appctl(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("ovs-appctl", "--timeout=10", "-t", ctl.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).start();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("ovs-appctl finished").isTrue();
    return new Result(p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void listDbs_printsOnePerLine() throws Exception {
    Result r = appctl("ovsdb-server/list-dbs");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("OVN_Northbound\n_Server\n");
  }

  @Test
  void addListRemoveRemote_roundTrip() throws Exception {
    int port = DbRemoteTest.freePort();
    String remote = "ptcp:" + port + ":127.0.0.1";
    assertThat(appctl("ovsdb-server/add-remote", remote).exit()).isZero();
    Result list = appctl("ovsdb-server/list-remotes");
    assertThat(list.out().lines()).contains(remote, TestServer.TCP, "punix:" + server.socket);
    DbRemoteTest.eventually("listening on " + port, () -> DbRemoteTest.accepts(port));

    assertThat(appctl("ovsdb-server/remove-remote", remote).exit()).isZero();
    assertThat(appctl("ovsdb-server/list-remotes").out().lines()).doesNotContain(remote);
    DbRemoteTest.eventually("not listening on " + port, () -> !DbRemoteTest.accepts(port));
  }

  @Test
  void removeRemote_unknown_failsWithNoSuchRemote() throws Exception {
    Result r = appctl("ovsdb-server/remove-remote", "ptcp:1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no such remote");
  }

  @Test
  void compact_shrinksFile_contentSurvivesReopen() throws Exception {
    long empty = Files.size(server.dbFile);
    JsonNode before;
    try (TestClient c = server.client()) {
      c.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'s'}}]");
      for (int i = 0; i < 200; i++) {
        c.transact(NB, "[{'op':'update','table':'Logical_Switch','where':[],"
            + "'row':{'external_ids':['map',[['n','" + i + "']]]}}]");
      }
      before = withoutVersions(
          c.transact(NB, "[{'op':'select','table':'Logical_Switch','where':[]}]"));
    }
    long grown = Files.size(server.dbFile);
    Result r = appctl("ovsdb-server/compact");
    assertThat(r.exit()).as(r.err()).isZero();
    long compacted = Files.size(server.dbFile);
    // 201 transaction records become one snapshot record after the schema record.
    assertThat(compacted - empty).isLessThan((grown - empty) / 20);

    // Still serving after compaction, and the file reopens with the same content.
    try (TestClient c = server.client()) {
      c.transact(NB, "[{'op':'insert','table':'NB_Global','row':{'name':'after'}}]");
    }
    server.close();
    server = TestServer.start(dir);
    try (TestClient c = server.client()) {
      assertThat(withoutVersions(
          c.transact(NB, "[{'op':'select','table':'Logical_Switch','where':[]}]")))
          .isEqualTo(before);
      assertThat(c.transact(NB, "[{'op':'select','table':'NB_Global','where':[],"
          + "'columns':['name']}]").get(0).get("rows").get(0).get("name").asText())
          .isEqualTo("after");
    }
  }

  /** A select result without the _version columns, which the file does not keep. */
  static JsonNode withoutVersions(JsonNode result) {
    JsonNode copy = result.deepCopy();
    copy.forEach(r -> r.get("rows").forEach(
        row -> ((com.fasterxml.jackson.databind.node.ObjectNode) row).remove("_version")));
    return copy;
  }

  @Test
  void compact_unknownDatabase_fails() throws Exception {
    Result r = appctl("ovsdb-server/compact", "nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isNotBlank();
  }

  @Test
  void memoryShow_reportsSessionsAndDatabases() throws Exception {
    try (TestClient c = server.client()) {
      c.call("monitor", "['OVN_Northbound','m',{'Logical_Switch':{'columns':['name']}}]");
      Result r = appctl("memory/show");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("sessions:1").contains("monitors:1");
    }
  }

  @Test
  void exit_completesTermination() throws Exception {
    Result r = appctl("exit");
    assertThat(r.exit()).isZero();
    TestClient.await(server.server.terminated());
  }
}
