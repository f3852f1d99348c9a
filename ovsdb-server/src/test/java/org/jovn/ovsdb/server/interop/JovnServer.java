package org.jovn.ovsdb.server.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;

/**
 * jovn's in-process ovsdb-server, serving freshly created databases from files in a directory,
 * on a unix socket and an ephemeral TCP port on 127.0.0.1, with a control socket. Close it.
 */
public final class JovnServer implements AutoCloseable {
  private static final String TCP = "ptcp:0:127.0.0.1";

  private final OvsdbServer server;
  private final Path socket;
  private final Path control;
  private final int port;

  private JovnServer(OvsdbServer server, Path socket, Path control, int port) {
    this.server = server;
    this.socket = socket;
    this.control = control;
    this.port = port;
  }

  /**
   * Creates {@code NAME.db} in {@code dir} for each bundled schema ("ovn-nb", "ovn-sb",
   * "vswitch") and serves them on {@code NAME.sock}, with control socket {@code NAME.ctl}, where
   * NAME is {@code name}.
   */
  public static JovnServer start(Path dir, String name, String... schemas) throws Exception {
    Files.createDirectories(dir);
    List<Path> files = new java.util.ArrayList<>();
    for (String schema : schemas) {
      Path file = dir.resolve(name + "-" + schema + ".db");
      LogStorage.create(file, DatabaseSchema.bundled(schema).json());
      files.add(file);
    }
    return serve(dir, name, files);
  }

  /** Serves existing database files (written by jovn or by the real ovsdb-tool). */
  public static JovnServer serve(Path dir, String name, List<Path> files) {
    Path socket = dir.resolve(name + ".sock");
    Path control = dir.resolve(name + ".ctl");
    OvsdbServer server = new OvsdbServer(
        ServerConfig.defaults().withRemotes(List.of("punix:" + socket, TCP)));
    try {
      for (Path file : files) {
        server.openDatabase(file);
      }
      server.startUnixctl(control);
      server.start();
      return new JovnServer(server, socket, control, server.boundPort(TCP));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** {@code unix:PATH}, as ovs tools spell a unix-socket remote. */
  public String unix() {
    return "unix:" + socket;
  }

  /** {@code tcp:127.0.0.1:PORT}. */
  public String tcp() {
    return "tcp:127.0.0.1:" + port;
  }

  public Path socket() {
    return socket;
  }

  public Path control() {
    return control;
  }

  public OvsdbServer server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
