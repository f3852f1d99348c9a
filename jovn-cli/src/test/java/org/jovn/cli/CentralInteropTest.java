package org.jovn.cli;

// Real peers: ovn-nbctl and ovn-sbctl (Debian ovn-central), ovs-appctl and ovsdb-tool
// (Debian openvswitch-common), against `jovn central` and files written by `jovn ovsdb-tool`.

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentralInteropTest {
  @TempDir
  Path dir;

  @BeforeEach
  void interopEnabled() {
    assumeFalse("false".equals(System.getProperty("jovn.interop")), "interop tests disabled");
  }

  static String exec(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s printed %s", cmd, out).isZero();
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("nothing listens on port " + port);
  }

  @Test
  void central_servesNorthboundAndSouthbound_toRealOvnTools() throws Exception {
    int nb = freePort();
    int sb = freePort();
    CompletableFuture<Integer> central = CompletableFuture.supplyAsync(() -> Jovn.run("central",
        "--data-dir", dir.toString(), "--address", "127.0.0.1", "--nb-port", "" + nb,
        "--sb-port", "" + sb));
    try {
      awaitPort(nb);
      awaitPort(sb);
      String nbDb = "--db=tcp:127.0.0.1:" + nb;
      exec(List.of("ovn-nbctl", nbDb, "ls-add", "sw0", "--", "lsp-add", "sw0", "p1"));
      assertThat(exec(List.of("ovn-nbctl", nbDb, "show"))).contains("sw0").contains("port p1");
      // Our northd runs with the databases: --wait=sb returns once it has written the SB.
      exec(List.of("ovn-nbctl", nbDb, "--wait=sb", "sync"));
      assertThat(exec(List.of("ovn-sbctl", "--db=unix:" + dir.resolve("ovnsb_db.sock"),
          "--columns=logical_port", "list", "Port_Binding"))).contains("p1");
      assertThat(exec(List.of("ovs-appctl", "-t", dir.resolve("ovn-northd.ctl").toString(),
          "status"))).isEqualTo("Status: active\n");
      assertThat(exec(List.of("ovn-sbctl", "--db=unix:" + dir.resolve("ovnsb_db.sock"),
          "list", "SB_Global"))).isNotNull();
      assertThat(exec(List.of("ovs-appctl", "-t", dir.resolve("ovnnb_db.ctl").toString(),
          "ovsdb-server/list-dbs"))).isEqualTo("OVN_Northbound\n_Server\n");
      exec(List.of("ovs-appctl", "-t", dir.resolve("ovnnb_db.ctl").toString(), "exit"));
      assertThat(central.get(60, TimeUnit.SECONDS)).isZero();
      assertThat(exec(List.of("ovsdb-tool", "db-name", dir.resolve("ovnnb_db.db").toString())))
          .isEqualTo("OVN_Northbound\n");
      assertThat(exec(List.of("ovsdb-tool", "query", dir.resolve("ovnnb_db.db").toString(),
          "[\"OVN_Northbound\",{\"op\":\"select\",\"table\":\"Logical_Switch\",\"where\":[],"
              + "\"columns\":[\"name\"]}]"))).contains("\"sw0\"");
    } finally {
      if (!central.isDone()) {
        new ProcessBuilder("ovs-appctl", "-t", dir.resolve("ovnsb_db.ctl").toString(), "exit")
            .start().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void compactedAndConvertedFiles_areReadByRealOvsdbTool() throws Exception {
    Path schema = dir.resolve("nb.ovsschema");
    Files.writeString(schema, DatabaseSchema.bundled("ovn-nb").json().toString());
    Path db = dir.resolve("nb.db");
    OvsdbToolCommandTest.run("ovsdb-tool", "create", db.toString(), schema.toString());
    OvsdbToolCommandTest.run("ovsdb-tool", "transact", db.toString(), "[\"OVN_Northbound\","
        + "{\"op\":\"insert\",\"table\":\"Logical_Switch\",\"row\":{\"name\":\"a\","
        + "\"other_config\":[\"map\",[[\"x\",\"y\"]]]}}]");
    OvsdbToolCommandTest.run("ovsdb-tool", "compact", db.toString());
    assertThat(exec(List.of("ovsdb-tool", "show-log", "-m", db.toString())))
        .contains("compacting database online");
    OvsdbToolCommandTest.run("ovsdb-tool", "convert", db.toString(), schema.toString());
    assertThat(exec(List.of("ovsdb-tool", "query", db.toString(), "[\"OVN_Northbound\","
        + "{\"op\":\"select\",\"table\":\"Logical_Switch\",\"where\":[]}]")))
        .contains("\"a\"").contains("[\"x\",\"y\"]");
  }
}
