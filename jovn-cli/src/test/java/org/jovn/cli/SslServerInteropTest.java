package org.jovn.cli;

// Real peers: ovsdb-client (Debian openvswitch-common) connecting over SSL to
// `jovn ovsdb-server -p/-c/-C` with a pssl remote; keys made by ovs-pki.

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SslServerInteropTest {
  @TempDir
  Path dir;

  private Result exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  record Result(int status, String output) {}

  @Test
  void realOvsdbClient_overSsl_listsDatabases() throws Exception {
    assumeFalse("false".equals(System.getProperty("jovn.interop")), "interop tests disabled");
    Path pki = dir.resolve("pki");
    assertThat(exec("ovs-pki", "--dir=" + pki, "init").status()).isZero();
    assertThat(exec("ovs-pki", "--dir=" + pki, "req+sign", "server", "switch").status()).isZero();
    assertThat(exec("ovs-pki", "--dir=" + pki, "req+sign", "client", "switch").status()).isZero();
    String ca = pki.resolve("switchca/cacert.pem").toString();
    Path db = dir.resolve("nb.db");
    LogStorage.create(db, DatabaseSchema.bundled("ovn-nb").json());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path ctl = dir.resolve("nb.ctl");
    CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> Jovn.run(
        "ovsdb-server", "--remote=pssl:" + port + ":127.0.0.1", "--unixctl=" + ctl,
        "-p", dir.resolve("server-privkey.pem").toString(),
        "-c", dir.resolve("server-cert.pem").toString(), "-C", ca, db.toString()));
    try {
      Result r = null;
      for (int i = 0; i < 100; i++) {
        r = exec("ovsdb-client", "--timeout=10", "--private-key=client-privkey.pem",
            "--certificate=client-cert.pem", "--ca-cert=" + ca, "list-dbs",
            "ssl:127.0.0.1:" + port);
        if (r.status() == 0) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(r.status()).as(r.output()).isZero();
      assertThat(r.output()).isEqualTo("OVN_Northbound\n_Server\n");
    } finally {
      exec("ovs-appctl", "-t", ctl.toString(), "exit");
      assertThat(server.get(30, TimeUnit.SECONDS)).isZero();
    }
  }
}
