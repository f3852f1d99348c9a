package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestServer.NB;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db:DB,TABLE,COLUMN remotes: listeners follow Connection rows, with their options. */
class DbRemoteTest {
  @TempDir Path dir;
  TestServer server;
  TestClient admin;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    admin = server.client();
  }

  @AfterEach
  void stop() {
    admin.close();
    server.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TestClient.WAIT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + TestClient.WAIT_SECONDS + " s: " + what);
      }
      Thread.sleep(20);
    }
  }

  private void addConnection(TestClient c, String db, String globalTable, String row) {
    JsonNode r = c.transact(db, "[{'op':'insert','table':'Connection','uuid-name':'c',"
        + "'row':" + row + "},{'op':'insert','table':'" + globalTable + "',"
        + "'row':{'connections':['named-uuid','c']}}]");
    assertThat(r.get(0).has("uuid")).as("%s", r).isTrue();
    assertThat(r.get(1).has("uuid")).as("%s", r).isTrue();
  }

  @Test
  void connectionRow_startsAndStopsListener() throws Exception {
    server.server.addRemote("db:OVN_Northbound,NB_Global,connections");
    int port = freePort();
    addConnection(admin, NB, "NB_Global", "{'target':'ptcp:" + port + ":127.0.0.1'}");
    eventually("listening on " + port, () -> accepts(port));
    try (TestClient viaDb = TestClient.connect(server.clientTransport,
        "tcp:127.0.0.1:" + port)) {
      assertThat(viaDb.call("list_dbs", "[]").toString()).contains("OVN_Northbound");
    }

    admin.transact(NB, "[{'op':'update','table':'NB_Global','where':[],"
        + "'row':{'connections':['set',[]]}}]");
    eventually("not listening on " + port, () -> !accepts(port));
  }

  @Test
  void connectionRow_targetChange_movesListener() throws Exception {
    server.server.addRemote("db:OVN_Northbound,NB_Global,connections");
    int first = freePort();
    addConnection(admin, NB, "NB_Global", "{'target':'ptcp:" + first + ":127.0.0.1'}");
    eventually("listening on " + first, () -> accepts(first));
    int second = freePort();
    admin.transact(NB, "[{'op':'update','table':'Connection','where':[],"
        + "'row':{'target':'ptcp:" + second + ":127.0.0.1'}}]");
    eventually("listening on " + second, () -> accepts(second));
    eventually("not listening on " + first, () -> !accepts(first));
  }

  @Test
  void removeRemote_dbRemote_stopsItsListeners() throws Exception {
    String remote = "db:OVN_Northbound,NB_Global,connections";
    server.server.addRemote(remote);
    int port = freePort();
    addConnection(admin, NB, "NB_Global", "{'target':'ptcp:" + port + ":127.0.0.1'}");
    eventually("listening on " + port, () -> accepts(port));
    assertThat(server.server.listRemotes()).contains(remote);
    assertThat(server.server.removeRemote(remote)).isTrue();
    eventually("not listening on " + port, () -> !accepts(port));
    assertThat(server.server.removeRemote(remote)).isFalse();
  }

  @Test
  void addRemote_unknownDatabase_throws() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> server.server.addRemote("db:Nope,T,c"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readOnlyConnection_refusesWritesAllowsReads() throws Exception {
    Path sbFile = dir.resolve("sb.db");
    LogStorage.create(sbFile, DatabaseSchema.bundled("ovn-sb").json());
    server.server.openDatabase(sbFile);
    server.server.addRemote("db:OVN_Southbound,SB_Global,connections");
    int port = freePort();
    addConnection(admin, "OVN_Southbound", "SB_Global",
        "{'target':'ptcp:" + port + ":127.0.0.1','read_only':true}");
    eventually("listening on " + port, () -> accepts(port));
    try (TestClient ro = TestClient.connect(server.clientTransport, "tcp:127.0.0.1:" + port)) {
      JsonNode r = ro.transact("OVN_Southbound",
          "[{'op':'insert','table':'Address_Set','row':{'name':'as1'}}]");
      assertThat(r.get(0).get("error").asText()).isEqualTo("not allowed");
      assertThat(r.get(0).get("details").asText()).contains("read only");
      JsonNode nb = ro.transact(NB, "[{'op':'insert','table':'NB_Global','row':{}}]");
      assertThat(nb.get(0).get("error").asText()).isEqualTo("not allowed");
      JsonNode read = ro.transact("OVN_Southbound",
          "[{'op':'select','table':'SB_Global','where':[],'columns':['connections']}]");
      assertThat(read.get(0).get("rows")).hasSize(1);
      // Monitors and locks are not writes.
      ro.call("monitor", "['OVN_Southbound','m',{'Address_Set':{'columns':['name']}}]");
      admin.transact("OVN_Southbound",
          "[{'op':'insert','table':'Address_Set','row':{'name':'as1'}}]");
      assertThat(ro.next("update").params().toString()).contains("as1");
    }
  }

  @Test
  void inactivityProbe_closesSilentClient_keepsAnsweringClient() throws Exception {
    server.server.addRemote("db:OVN_Northbound,NB_Global,connections");
    int port = freePort();
    addConnection(admin, NB, "NB_Global",
        "{'target':'ptcp:" + port + ":127.0.0.1','inactivity_probe':300}");
    eventually("listening on " + port, () -> accepts(port));
    // Our RpcConnection answers the server's echo probes by itself.
    try (TestClient answering = TestClient.connect(server.clientTransport,
        "tcp:127.0.0.1:" + port);
         RawClient silent = new RawClient(port)) {
      // The silent client receives the echo probe and then is disconnected (half-open peer).
      JsonNode probe = silent.read();
      assertThat(probe.get("method").asText()).isEqualTo("echo");
      assertThat(silent.closedByServer()).isTrue();
      assertThat(answering.isOpen()).isTrue();
      assertThat(answering.call("list_dbs", "[]")).isNotEmpty();
    }
  }
}
