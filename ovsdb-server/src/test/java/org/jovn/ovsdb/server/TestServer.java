package org.jovn.ovsdb.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.jovn.ovsdb.schema.DatabaseSchema;

/**
 * An in-process server for tests: a fresh OVN_Northbound file in {@code dir}, served on an
 * ephemeral TCP port and a unix socket. Owns its server and a client transport; closing it closes
 * both (the file stays for reopening).
 */
final class TestServer implements AutoCloseable {
  static final String NB = "OVN_Northbound";
  static final String TCP = "ptcp:0:127.0.0.1";

  final Path dir;
  final Path dbFile;
  final Path socket;
  final OvsdbServer server;
  final RpcTransport clientTransport = RpcTransport.create(1);

  private TestServer(Path dir, UnaryOperator<ServerConfig> config) {
    this.dir = dir;
    this.dbFile = dir.resolve("nb.db");
    this.socket = dir.resolve("db.sock");
    if (!Files.exists(dbFile)) {
      LogStorage.create(dbFile, DatabaseSchema.bundled("ovn-nb").json());
    }
    server = new OvsdbServer(config.apply(
        ServerConfig.defaults().withRemotes(List.of(TCP, "punix:" + socket))));
    server.openDatabase(dbFile);
    server.start();
  }

  /** Starts a server on {@code dir/nb.db}, creating the file when missing. */
  static TestServer start(Path dir) {
    return new TestServer(dir, c -> c);
  }

  static TestServer start(Path dir, UnaryOperator<ServerConfig> config) {
    return new TestServer(dir, config);
  }

  int port() {
    return server.boundPort(TCP);
  }

  /** A client on the TCP remote. */
  TestClient client() {
    return TestClient.connect(clientTransport, "tcp:127.0.0.1:" + port());
  }

  /** A client on the unix socket remote. */
  TestClient unixClient() {
    return TestClient.connect(clientTransport, "unix:" + socket);
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      clientTransport.close();
    }
  }
}
