package org.jovn.northd.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.interop.Daemon;
import org.jovn.ovsdb.server.interop.RealTools;

/**
 * The real ovsdb-server serving one fresh database, created by the real ovsdb-tool from a
 * bundled schema, on the unix socket {@code NAME.sock} with control socket {@code NAME.ctl},
 * pidfile {@code NAME.pid} and log {@code NAME.log} in a directory. Close it.
 */
final class RealOvsdbServer implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(30);

  private final Daemon daemon;
  private final String remote;

  private RealOvsdbServer(Daemon daemon, String remote) {
    this.daemon = daemon;
    this.remote = remote;
  }

  /**
   * Creates {@code NAME.db} in {@code dir} from the bundled schema {@code schema} ("ovn-nb",
   * "ovn-sb") and serves it; returns once it answers.
   */
  static RealOvsdbServer start(Path dir, String name, String schema) throws IOException {
    Path schemaFile = dir.resolve(name + ".ovsschema");
    Files.writeString(schemaFile, Json.write(DatabaseSchema.bundled(schema).json()));
    Path db = dir.resolve(name + ".db");
    RealTools.run("ovsdb-tool", "create", db.toString(), schemaFile.toString()).check();
    Daemon daemon = Daemon.start(name, dir, dir.resolve(name + ".log"), Map.of(),
        "ovsdb-server", "--remote=punix:" + dir.resolve(name + ".sock"),
        "--unixctl=" + dir.resolve(name + ".ctl"), "--pidfile=" + dir.resolve(name + ".pid"),
        "--log-file=" + dir.resolve(name + ".log"), db.toString());
    RealOvsdbServer server =
        new RealOvsdbServer(daemon, "unix:" + dir.resolve(name + ".sock"));
    try {
      RealTools.waitUntil(START, () -> RealTools.run("ovsdb-client", "--timeout=5", "list-dbs",
          server.remote).ok(), daemon::logs);
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  /** The remote to connect to: {@code unix:PATH}. */
  String remote() {
    return remote;
  }

  /** Its log and console output, for failure messages. */
  String logs() {
    return daemon.logs();
  }

  /** Stops the server (SIGTERM, then SIGKILL). Idempotent. */
  @Override
  public void close() {
    daemon.close();
  }
}
