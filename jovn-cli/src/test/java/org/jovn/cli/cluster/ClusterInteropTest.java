package org.jovn.cli.cluster;

// Real peers: ovn-nbctl, ovn-sbctl and ovn-northd (Debian ovn-central), ovsdb-client and
// ovs-appctl (Debian openvswitch-common), against a three-member jovn cluster serving
// OVN_Northbound and OVN_Southbound.

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterInteropTest {
  private static final String NB = "OVN_Northbound";
  private static final String SB = "OVN_Southbound";

  @TempDir
  Path dir;
  private Cluster cluster;
  private final List<Process> northds = new ArrayList<>();

  @BeforeEach
  void interopEnabled() {
    assumeFalse("false".equals(System.getProperty("jovn.interop")), "interop tests disabled");
  }

  @AfterEach
  void stop() {
    northds.forEach(Process::destroyForcibly);
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Runs a command; returns its exit status and output. */
  private record Result(int status, String out) {}

  private static Result run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, out);
    }
    return new Result(p.exitValue(), out);
  }

  private static String ok(List<String> cmd) throws Exception {
    Result r = run(cmd);
    assertThat(r.status()).as("%s printed %s", cmd, r.out()).isZero();
    return r.out();
  }

  private Path schema(String file) {
    Path p = Path.of("/usr/share/ovn", file);
    return Files.exists(p) ? p : Path.of("..", "ovsdb-core", "src", "main", "resources", "org",
        "jovn", "ovsdb", "schemas", file).toAbsolutePath();
  }

  private String northdStatus(int i) throws Exception {
    Result r = run(List.of("ovs-appctl", "-t", dir.resolve("northd" + i + ".ctl").toString(),
        "status"));
    return r.status() == 0 ? r.out().trim() : "";
  }

  private void startNorthd(int i, String nbRemotes, String sbRemotes) throws Exception {
    northds.add(new ProcessBuilder("ovn-northd", "--ovnnb-db=" + nbRemotes,
        "--ovnsb-db=" + sbRemotes, "--unixctl=" + dir.resolve("northd" + i + ".ctl"),
        "--pidfile=" + dir.resolve("northd" + i + ".pid"),
        "--log-file=" + dir.resolve("northd" + i + ".log"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("northd" + i + ".out").toFile()).start());
  }

  @Test
  void realOvnTools_workAcrossLeaderKill_andNorthdLockFailsOver() throws Exception {
    LinkedHashMap<String, Path> dbs = new LinkedHashMap<>();
    dbs.put(NB, schema("ovn-nb.ovsschema"));
    dbs.put(SB, schema("ovn-sb.ovsschema"));
    cluster = Cluster.create(dir, 3, dbs, "--election-timer=1000");
    cluster.startAll();
    Member nbLeader = cluster.awaitFormed(3, cluster.members, NB);
    cluster.awaitFormed(3, cluster.members, SB);
    String remotes = cluster.remotes();
    ok(List.of("ovn-nbctl", "--db=" + remotes, "ls-add", "sw0"));

    // _Server.Database on every member, as ovsdb-client sees it.
    for (Member m : cluster.members) {
      String dump = ok(List.of("ovsdb-client", "-f", "csv", "--no-headings", "dump", m.remote(),
          "_Server", "Database", "name", "model", "leader", "cid", "sid", "index",
          "connected"));
      // ovsdb-client prints the columns in alphabetical order:
      // cid, connected, index, leader, model, name, sid.
      String[] row = dump.lines().map(l -> l.replace("\"", "").split(","))
          .filter(f -> f.length == 7 && f[5].equals(NB)).findFirst()
          .orElseThrow(() -> new AssertionError("no " + NB + " row in:\n" + dump));
      assertThat(row[0]).as("cid in %s", dump).isEqualTo(m.appctl("cluster/cid", NB).trim());
      assertThat(row[1]).as("connected in %s", dump).isEqualTo("true");
      assertThat(row[2]).as("index in %s", dump).matches("[1-9]\\d*");
      assertThat(row[3]).as("leader in %s of %s", dump, m).isEqualTo("" + (m == nbLeader));
      assertThat(row[4]).as("model in %s", dump).isEqualTo("clustered");
      assertThat(row[6]).as("sid in %s", dump).isEqualTo(m.appctl("cluster/sid", NB).trim());
    }

    // Two northd instances: one holds the lock and is active, the other stands by.
    startNorthd(1, remotes, remotes);
    startNorthd(2, remotes, remotes);
    cluster.await("one active and one standby northd", 60, () -> {
      List<String> s = List.of(northdStatus(1), northdStatus(2));
      return s.contains("Status: active") && s.contains("Status: standby") ? s : null;
    });
    cluster.await("northd to create sw0's datapath", 60, () -> ok(List.of("ovn-sbctl",
        "--db=" + remotes, "--columns=external_ids", "list", "Datapath_Binding"))
        .contains("sw0"));

    // Kill the NB leader; ovn-nbctl with every remote works again once a new leader answers.
    nbLeader.kill();
    long killed = System.nanoTime();
    cluster.await("ovn-nbctl ls-add after the leader kill", 60, () -> run(List.of("ovn-nbctl",
        "--db=" + remotes, "--timeout=5", "ls-add", "sw1")).status() == 0 ? true : null);
    System.out.printf("interop: ovn-nbctl succeeded %d ms after the NB leader was killed%n",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
    assertThat(ok(List.of("ovn-nbctl", "--db=" + remotes, "ls-list"))).contains("sw0")
        .contains("sw1");
    nbLeader.start();
    cluster.awaitFormed(3, cluster.members, NB);

    // Kill the active northd: the standby takes the lock.
    int active = northdStatus(1).equals("Status: active") ? 1 : 2;
    int standby = 3 - active;
    northds.get(active - 1).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    cluster.await("the standby northd to become active", 60,
        () -> northdStatus(standby).equals("Status: active"));
    ok(List.of("ovn-nbctl", "--db=" + remotes, "ls-add", "sw2"));
    cluster.await("the new active northd to create sw2's datapath", 60, () -> ok(List.of(
        "ovn-sbctl", "--db=" + remotes, "--columns=external_ids", "list", "Datapath_Binding"))
        .contains("sw2"));
  }
}
