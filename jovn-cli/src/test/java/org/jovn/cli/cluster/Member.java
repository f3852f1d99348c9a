package org.jovn.cli.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code jovn ovsdb-server} process serving a clustered database file, started as a separate
 * JVM from the test's own class path, listening on loopback only. Its Raft and OVSDB ports stay
 * the same across restarts. Not thread-safe; the owning {@link Cluster} kills it.
 */
final class Member {
  final String name;
  final Path dir;
  /** The first database file (whose cluster/status {@link #status} shows). */
  final Path db;
  final String dbName;
  final List<Path> dbs;
  final int raftPort;
  final int ovsdbPort;
  private final List<String> extraArgs;
  private Process process;

  Member(String name, Path dir, int raftPort, int ovsdbPort, List<String> extraArgs,
      List<String> dbNames) {
    this.name = name;
    this.dir = dir;
    this.dbs = dbNames.size() == 1 ? List.of(dir.resolve(name + ".db"))
        : dbNames.stream().map(n -> dir.resolve(name + "-" + n + ".db")).toList();
    this.db = dbs.get(0);
    this.dbName = dbNames.get(0);
    this.raftPort = raftPort;
    this.ovsdbPort = ovsdbPort;
    this.extraArgs = List.copyOf(extraArgs);
  }

  String raftAddress() {
    return "tcp:127.0.0.1:" + raftPort;
  }

  /** The Raft address of the I-th database (each database is its own cluster and port). */
  String raftAddress(int i) {
    return "tcp:127.0.0.1:" + (i == 0 ? raftPort : raftPorts.get(i - 1));
  }

  /** Raft ports of the databases after the first. */
  final List<Integer> raftPorts = new ArrayList<>();

  /** The OVSDB remote clients connect to. */
  String remote() {
    return "tcp:127.0.0.1:" + ovsdbPort;
  }

  Path ctl() {
    return dir.resolve(name + ".ctl");
  }

  Path sock() {
    return dir.resolve(name + ".sock");
  }

  Path logFile() {
    return dir.resolve(name + ".log");
  }

  /** Starts the server process (it keeps running until killed or told to exit). */
  void start() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        "org.jovn.cli.Jovn", "ovsdb-server",
        "--remote=punix:" + sock(), "--remote=ptcp:" + ovsdbPort + ":127.0.0.1",
        "--unixctl=" + ctl(), "--pidfile=" + dir.resolve(name + ".pid"),
        "--log-file=" + logFile()));
    cmd.addAll(extraArgs);
    dbs.forEach(d -> cmd.add(d.toString()));
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".out").toFile()))
        .start();
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** kill -9. */
  void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** SIGSTOP: the process freezes, its sockets stay open. */
  void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** SIGCONT. */
  void cont() throws IOException, InterruptedException {
    if (running()) {
      signal("-CONT");
    }
  }

  private void signal(String sig) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kill", sig, Long.toString(process.pid())).start();
    p.waitFor(10, TimeUnit.SECONDS);
  }

  /** Runs a unixctl command (as ovs-appctl -t CTL would). */
  String appctl(String command, String... args) throws Exception {
    try (JsonRpc c = JsonRpc.connect("unix:" + ctl())) {
      return c.command(command, args);
    }
  }

  /** cluster/status of the test database, or "" when the member does not answer. */
  String status() {
    return status(dbName);
  }

  /** cluster/status of database DB, or "" when the member does not answer. */
  String status(String dbName) {
    if (!running() || !Files.exists(ctl())) {
      return "";
    }
    try {
      return appctl("cluster/status", dbName);
    } catch (Exception e) {
      return "";
    }
  }

  JsonRpc connect() throws IOException {
    return JsonRpc.connect(remote());
  }

  /** The last lines of the member's log and console output, for failure messages. */
  String tail() {
    StringBuilder b = new StringBuilder();
    for (Path p : List.of(logFile(), dir.resolve(name + ".out"))) {
      try {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        b.append("== ").append(p.getFileName()).append('\n');
        lines.subList(Math.max(0, lines.size() - 30), lines.size())
            .forEach(l -> b.append(l).append('\n'));
      } catch (IOException e) {
        // Not written yet.
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return name + "(raft " + raftPort + ", ovsdb " + ovsdbPort + ")";
  }
}
