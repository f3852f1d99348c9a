package org.jovn.cli;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jovn.ovsdb.raft.RaftSettings;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jovn ovsdb-server}: a drop-in for ovsdb-server with its common flags. */
@Command(name = "ovsdb-server", mixinStandardHelpOptions = true,
    description = "Serves OVSDB database files over JSON-RPC (flags as ovsdb-server's).")
final class OvsdbServerCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DATABASE", arity = "0..*",
      description = "Database files (default /etc/openvswitch/conf.db).")
  List<Path> databases = new ArrayList<>();

  @Option(names = "--remote", paramLabel = "REMOTE",
      description = "ptcp:PORT[:IP], punix:FILE, pssl:PORT[:IP], tcp:IP:PORT, unix:FILE, "
          + "ssl:IP:PORT or db:DB,TABLE,COLUMN; repeatable.")
  List<String> remotes = new ArrayList<>();

  @Option(names = "--pidfile", arity = "0..1", fallbackValue = "", paramLabel = "FILE")
  String pidfile;

  @Option(names = "--detach", description = "Run in the background.")
  boolean detach;

  @Option(names = "--log-file", arity = "0..1", fallbackValue = "", paramLabel = "FILE")
  String logFile;

  @Option(names = "--unixctl", paramLabel = "SOCKET", description = "Control socket path.")
  Path unixctl;

  @Option(names = {"-p", "--private-key"}, paramLabel = "KEY") String privateKey;
  @Option(names = {"-c", "--certificate"}, paramLabel = "CERT") String certificate;
  @Option(names = {"-C", "--ca-cert"}, paramLabel = "CACERT") String caCert;

  @Option(names = "--max-message-bytes", paramLabel = "N",
      description = "Largest JSON-RPC message accepted (default 64 MiB).")
  int maxMessageBytes = 64 << 20;

  @Option(names = "--election-timer", paramLabel = "MS",
      description = "Raft election timer of clustered databases (default 1000).")
  long electionTimer = 1000;

  @Option(names = "--raft-snapshot-every", paramLabel = "N",
      description = "Snapshot a clustered database, and drop the log before it, every N log "
          + "entries (default 10000).")
  long snapshotEvery = RaftSettings.defaults().snapshotEveryEntries();

  @Option(names = {"--no-chdir", "--monitor", "--overwrite-pidfile", "--disable-file-column-diff"},
      hidden = true, description = "Accepted for compatibility; no effect.")
  boolean ignored;

  @Option(names = {"--bootstrap-ca-cert", "--ssl-protocols", "--ssl-ciphers", "--user",
      "--sync-from", "--sync-exclude-tables"}, hidden = true)
  List<String> ignoredWithValue = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, arity = "0..1", fallbackValue = "dbg", hidden = true)
  List<String> verbose = new ArrayList<>();

  @Override
  public Integer call() {
    Path log = logFile == null ? null : logFile.isEmpty()
        ? Path.of(System.getenv().getOrDefault("OVS_LOGDIR", "/var/log/openvswitch"),
            "ovsdb-server.log") : Path.of(logFile);
    Path pid = pidfile == null ? null
        : pidfile.isEmpty() ? Daemon.runDir().resolve("ovsdb-server.pid") : Path.of(pidfile);
    ServerLauncher.DaemonSettings settings = new ServerLauncher.DaemonSettings(detach, pid, log,
        Verbosity.level(verbose));
    List<String> original = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    int early = ServerLauncher.prepare(settings, original);
    if (early >= 0) {
      return early;
    }
    List<Path> files = databases.isEmpty() ? List.of(Path.of("/etc/openvswitch/conf.db"))
        : databases;
    ServerConfig config = ServerConfig.defaults().withRemotes(remotes)
        .withSsl(privateKey, certificate, caCert).withMaxMessageBytes(maxMessageBytes)
        .withRaft(RaftSettings.defaults().withElectionTimer(electionTimer)
            .withSnapshotEvery(snapshotEvery));
    Path ctl = unixctl != null ? unixctl
        : Daemon.runDir().resolve("ovsdb-server." + ProcessHandle.current().pid() + ".ctl");
    return ServerLauncher.run(settings, List.of(() -> start(config, files, ctl)));
  }

  static OvsdbServer start(ServerConfig config, List<Path> files, Path ctl) {
    OvsdbServer server = new OvsdbServer(config);
    try {
      for (Path f : files) {
        server.openDatabase(f);
      }
      server.startUnixctl(ctl);
      server.start();
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }
}
