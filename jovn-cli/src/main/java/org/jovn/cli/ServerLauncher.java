package org.jovn.cli;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jovn.ovsdb.server.OvsdbServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one or more OVSDB servers in the foreground as a daemon would: logging, pid file, ready
 * signal for {@code --detach}, and a clean close (every database flushed) on exit or SIGTERM.
 */
final class ServerLauncher {
  private static final Logger LOG = LoggerFactory.getLogger(ServerLauncher.class);

  private ServerLauncher() {}

  /** Process-wide settings of a daemon run. */
  record DaemonSettings(boolean detach, Path pidfile, Path logFile, Level level) {}

  /** Sets up logging and, for --detach, re-runs in the background. Returns an exit code or -1. */
  static int prepare(DaemonSettings settings, List<String> originalArgs) {
    if (settings.detach() && !Daemon.isDetachedChild()) {
      List<String> args = new ArrayList<>(originalArgs);
      args.removeIf(a -> a.equals("--detach"));
      return Daemon.detach(args);
    }
    Logging.configure(!Daemon.isDetachedChild(), settings.logFile(), settings.level());
    return -1;
  }

  /**
   * Starts the servers (each supplier builds and starts one), then blocks until one is told to
   * exit or the process is terminated.
   */
  static int run(DaemonSettings settings, List<java.util.function.Supplier<OvsdbServer>> builders) {
    return run(settings, builders, servers -> null);
  }

  /**
   * As {@link #run(DaemonSettings, List)}, and once the servers are up starts a companion (such
   * as northd) that is closed before them.
   *
   * @param companion given the started servers, starts the companion (or returns null)
   */
  static int run(DaemonSettings settings, List<java.util.function.Supplier<OvsdbServer>> builders,
      java.util.function.Function<List<OvsdbServer>, AutoCloseable> companion) {
    List<OvsdbServer> servers = new ArrayList<>();
    AutoCloseable started;
    try {
      for (var b : builders) {
        servers.add(b.get());
      }
      started = companion.apply(servers);
    } catch (RuntimeException e) {
      LOG.error("startup failed: {}", e.getMessage(), e);
      Daemon.signalFailure(String.valueOf(e.getMessage()));
      servers.forEach(OvsdbServer::close);
      System.err.println("jovn: " + e.getMessage());
      return 1;
    }
    if (started != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started), "shutdown-companion"));
    }
    if (settings.pidfile() != null) {
      Daemon.writePidfile(settings.pidfile());
    }
    Thread hook = new Thread(() -> servers.forEach(OvsdbServer::close), "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    Daemon.signalReady();
    CompletableFuture.anyOf(servers.stream().map(OvsdbServer::terminated)
        .toArray(CompletableFuture[]::new)).join();
    LOG.info("exiting");
    closeQuietly(started);
    servers.forEach(OvsdbServer::close);
    return 0;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing {}: {}", c, e.getMessage());
    }
  }
}
