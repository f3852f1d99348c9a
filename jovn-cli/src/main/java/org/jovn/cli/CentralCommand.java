package org.jovn.cli;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jovn.northd.NorthdConfig;
import org.jovn.northd.NorthdDaemon;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jovn central}: OVN central with no configuration — the Northbound database on port
 * 6641 and the Southbound on 6642, each also on a unix socket and on the remotes its
 * Connection table lists, as ovn-ctl starts them, and northd between them (control socket
 * {@code ovn-northd.ctl}). With {@code --cluster}, every member runs a northd; they compete for
 * the Southbound lock.
 */
@Command(name = "central", mixinStandardHelpOptions = true,
    description = "Starts OVN central: the Northbound (6641) and Southbound (6642) databases "
        + "and northd.")
final class CentralCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where databases, sockets and logs live (default $JOVN_HOME/central, "
          + "JOVN_HOME defaulting to ~/.jovn).")
  Path dataDir;

  @Option(names = "--address", paramLabel = "IP", description = "Address to listen on "
      + "(default 0.0.0.0).")
  String address = "0.0.0.0";

  @Option(names = "--nb-port", paramLabel = "PORT") int nbPort = 6641;
  @Option(names = "--sb-port", paramLabel = "PORT") int sbPort = 6642;

  @Option(names = "--detach", description = "Run in the background.")
  boolean detach;

  @Option(names = "--cluster", description = "Run a three-member clustered central on this "
      + "host: members 1, 2 and 3 serve NB on 6641, 16641, 26641 and SB on 6642, 16642, 26642 "
      + "(Raft on 6643/6644, 16643/16644, 26643/26644), each in its own process.")
  boolean cluster;

  @Option(names = "--member", hidden = true, description = "Run one member of --cluster.")
  int member;

  @Option(names = "--no-northd", description = "Start the databases only (to run another "
      + "northd, such as ovn-northd, against them).")
  boolean noNorthd;

  @Option(names = "--pidfile", arity = "0..1", fallbackValue = "", paramLabel = "FILE")
  String pidfile;

  @Option(names = "--log-file", arity = "0..1", fallbackValue = "", paramLabel = "FILE")
  String logFile;

  @Override
  public Integer call() {
    Path dir = dataDir != null ? dataDir : defaultDir();
    mkdirs(dir);
    Path log = logFile == null ? (detach ? dir.resolve("central.log") : null)
        : logFile.isEmpty() ? dir.resolve("central.log") : Path.of(logFile);
    Path pid = pidfile == null ? null
        : pidfile.isEmpty() ? dir.resolve("central.pid") : Path.of(pidfile);
    ServerLauncher.DaemonSettings settings = new ServerLauncher.DaemonSettings(detach, pid, log,
        Level.INFO);
    List<String> original = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
    int early = ServerLauncher.prepare(settings, original);
    if (early >= 0) {
      return early;
    }
    if (cluster && member == 0) {
      return ClusterCentral.runMembers(dir, address, settings);
    }
    if (member > 0) {
      ClusterCentral.Member m = new ClusterCentral.Member(member, address, dir);
      NorthdConfig northd = new NorthdConfig(
          List.of(ClusterCentral.remotes(address, 1).split(",")),
          List.of(ClusterCentral.remotes(address, 2).split(",")),
          dir.resolve("ovn-northd-" + member + ".ctl"));
      return ServerLauncher.run(settings, List.of(() -> m.start("ovnnb_db", "ovn-nb", 1),
          () -> m.start("ovnsb_db", "ovn-sb", 2)), servers -> startNorthd(northd));
    }
    NorthdConfig northd = new NorthdConfig(List.of("unix:" + dir.resolve("ovnnb_db.sock")),
        List.of("unix:" + dir.resolve("ovnsb_db.sock")), dir.resolve("ovn-northd.ctl"));
    return ServerLauncher.run(settings, List.of(
        () -> start(dir, "ovnnb_db", "ovn-nb", nbPort, "OVN_Northbound,NB_Global"),
        () -> start(dir, "ovnsb_db", "ovn-sb", sbPort, "OVN_Southbound,SB_Global")),
        servers -> startNorthd(northd));
  }

  /** northd next to the databases; {@code exit} on its control socket stops northd alone. */
  private AutoCloseable startNorthd(NorthdConfig config) {
    if (noNorthd) {
      return null;
    }
    NorthdDaemon d = NorthdDaemon.start(config);
    d.exitRequested().thenRun(d::close);
    return d;
  }

  private OvsdbServer start(Path dir, String base, String schema, int port, String global) {
    Path db = dir.resolve(base + ".db");
    if (!Files.exists(db)) {
      LogStorage.create(db, DatabaseSchema.bundled(schema).json());
    }
    List<String> remotes = List.of("ptcp:" + port + ":" + address,
        "punix:" + dir.resolve(base + ".sock"), "db:" + global + ",connections");
    ServerConfig config = ServerConfig.defaults().withRemotes(remotes);
    return OvsdbServerCommand.start(config, List.of(db), dir.resolve(base + ".ctl"));
  }

  private static Path defaultDir() {
    String home = System.getenv("JOVN_HOME");
    Path base = home != null && !home.isEmpty() ? Path.of(home)
        : Path.of(System.getProperty("user.home"), ".jovn");
    return base.resolve("central");
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }
}
