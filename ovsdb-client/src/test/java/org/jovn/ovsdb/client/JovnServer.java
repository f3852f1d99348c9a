package org.jovn.ovsdb.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;

/** Our server, in-process, on a TCP port and a unix socket in {@code dir}. */
final class JovnServer implements ServerUnderTest {
  private final Path dbFile;
  private final Path socket;
  private final int port;
  private OvsdbServer server;

  JovnServer(Path dir) {
    this.dbFile = dir.resolve("nb.db");
    this.socket = dir.resolve("nb.sock");
    this.port = freePort();
    LogStorage.create(dbFile, DatabaseSchema.bundled("ovn-nb").json());
    start();
  }

  private void start() {
    server = new OvsdbServer(ServerConfig.defaults().withRemotes(
        List.of("ptcp:" + port + ":127.0.0.1", "punix:" + socket)));
    server.openDatabase(dbFile);
    server.start();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String tcpRemote() {
    return "tcp:127.0.0.1:" + port;
  }

  @Override
  public String unixRemote() {
    return "unix:" + socket;
  }

  @Override
  public void restart() {
    server.close();
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "jovn ovsdb-server";
  }
}
