package org.jovn.ovn.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fresh Northbound and Southbound database, each served by its own {@code ovsdb-server}
 * process on a unix socket in one directory: {@code nb.db}, {@code nb.sock}, {@code nb.log} and
 * the same for {@code sb}. The databases are made with {@code ovsdb-tool create}. Closing stops
 * both servers. Not thread-safe; the starter owns and closes it.
 */
final class DatabaseServers implements AutoCloseable {
  private final Path dir;
  private final ManagedProcess nb;
  private final ManagedProcess sb;

  private DatabaseServers(Path dir, ManagedProcess nb, ManagedProcess sb) {
    this.dir = dir;
    this.nb = nb;
    this.sb = sb;
  }

  /**
   * Creates both databases in {@code dir} and starts their servers, returning once both listen.
   *
   * @throws BenchException when a database cannot be made or a server does not come up
   */
  static DatabaseServers start(Path dir, BenchTools tools, Duration timeout) {
    ManagedProcess nb = serve(dir, "nb", tools.nbSchema(), tools, timeout);
    try {
      ManagedProcess sb = serve(dir, "sb", tools.sbSchema(), tools, timeout);
      return new DatabaseServers(dir, nb, sb);
    } catch (RuntimeException e) {
      nb.close();
      throw e;
    }
  }

  /** The Northbound remote, {@code unix:DIR/nb.sock}. */
  String nbRemote() {
    return "unix:" + dir.resolve("nb.sock");
  }

  /** The Southbound remote, {@code unix:DIR/sb.sock}. */
  String sbRemote() {
    return "unix:" + dir.resolve("sb.sock");
  }

  @Override
  public void close() {
    try (sb) {
      nb.close();
    }
  }

  private static ManagedProcess serve(Path dir, String db, Path schema, BenchTools tools,
      Duration timeout) {
    Path file = dir.resolve(db + ".db");
    create(tools.ovsdbTool(), file, schema, dir.resolve(db + "-create.out"));
    Path socket = dir.resolve(db + ".sock");
    ManagedProcess server = ManagedProcess.start(db.toUpperCase(java.util.Locale.ROOT)
        + " ovsdb-server", List.of(tools.ovsdbServer(), "--remote=punix:" + socket,
            "--unixctl=" + dir.resolve(db + ".ctl"), "--pidfile=" + dir.resolve(db + ".pid"),
            "--log-file=" + dir.resolve(db + ".log"), "-vconsole:off", file.toString()),
        dir.resolve(db + ".out"));
    try {
      server.awaitPath(socket, timeout);
      return server;
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  private static void create(String ovsdbTool, Path file, Path schema, Path output) {
    List<String> command = List.of(ovsdbTool, "create", file.toString(), schema.toString());
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new BenchException(String.join(" ", command) + " failed:\n"
            + ManagedProcess.tail(output, 10));
      }
    } catch (IOException e) {
      throw new BenchException("cannot run " + String.join(" ", command) + ": " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted while creating " + file, e);
    }
  }
}
