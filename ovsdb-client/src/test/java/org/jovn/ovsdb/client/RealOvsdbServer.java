package org.jovn.ovsdb.client;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real ovsdb-server of Open vSwitch (as installed, e.g. 3.1 from Debian) on a fresh
 * OVN_Northbound database made with the real ovsdb-tool from OVN's installed schema, run in the
 * foreground as this test's child process.
 */
final class RealOvsdbServer implements ServerUnderTest {
  static final Path NB_SCHEMA = Path.of("/usr/share/ovn/ovn-nb.ovsschema");

  private final Path dir;
  private final Path dbFile;
  private final Path socket;
  private final int port;
  private Process process;

  RealOvsdbServer(Path dir) {
    assumeInteropEnabled();
    this.dir = dir;
    this.dbFile = dir.resolve("nb.db");
    this.socket = dir.resolve("nb.sock");
    this.port = JovnServer.freePort();
    run(List.of("ovsdb-tool", "create", dbFile.toString(), NB_SCHEMA.toString()));
    start();
  }

  /** Skips the calling test only when {@code -Djovn.interop=false}. */
  static void assumeInteropEnabled() {
    assumeFalse("false".equals(System.getProperty("jovn.interop")),
        "interop tests disabled by -Djovn.interop=false");
  }

  private void start() {
    try {
      Files.deleteIfExists(socket);
      process = new ProcessBuilder("ovsdb-server", "--remote=punix:" + socket,
          "--remote=ptcp:" + port + ":127.0.0.1", "--unixctl=" + dir.resolve("nb.ctl"),
          "--log-file=" + dir.resolve("ovsdb-server.log"), "-vconsole:off", dbFile.toString())
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("ovsdb-server.out").toFile())
          .start();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
      while (!Files.exists(socket) || !tcpOpen()) {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("ovsdb-server did not start: "
              + Files.readString(dir.resolve("ovsdb-server.out")));
        }
        Thread.sleep(20);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean tcpOpen() {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(command + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
    stop();
    start();
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public String toString() {
    return "real ovsdb-server";
  }
}
