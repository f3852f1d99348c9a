package org.jovn.ovsdb.rpc.unixctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop test: the real peer is {@code ovs-appctl} (/usr/bin/ovs-appctl) from the Debian
 * {@code openvswitch-common} package. Skipped only when {@code -Djovn.interop=false}.
 */
@DisabledIfSystemProperty(named = "jovn.interop", matches = "false")
class UnixctlInteropTest {
  private final RpcTransport transport = RpcTransport.create(1);
  private final UnixctlServer server = new UnixctlServer("ovsdb-server (jovn) 0.1.0");
  @TempDir Path dir;
  private Path socket;

  /** What ovs-appctl printed and how it exited. */
  record Result(int exit, String stdout, String stderr) {}

  @BeforeEach
  void setUp() {
    server.register("test/add", "A B", 2, 2, (args, reply) ->
        reply.success(String.valueOf(Integer.parseInt(args.get(0)) + Integer.parseInt(args.get(1)))));
    server.register("test/fail", "", 0, 0, (args, reply) -> reply.error("it failed"));
    server.register("test/later", "[WORD...]", 0, Integer.MAX_VALUE, (args, reply) ->
        CompletableFuture.runAsync(() -> reply.success(String.join(" ", args) + "\n"),
            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)));
    socket = dir.resolve("test.ctl");
    server.start(transport, socket);
  }

  @AfterEach
  void tearDown() {
    server.close();
    transport.close();
  }

  private Result appctl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("ovs-appctl", "-t", socket.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), stdout, stderr);
  }

  @Test
  void appctl_registeredCommand_printsOutput() throws Exception {
    assertThat(appctl("test/add", "40", "2")).isEqualTo(new Result(0, "42\n", ""));
  }

  @Test
  void appctl_asynchronousReply_printsOutput() throws Exception {
    assertThat(appctl("test/later", "a", "b", "c")).isEqualTo(new Result(0, "a b c\n", ""));
  }

  @Test
  void appctl_version_printsVersion() throws Exception {
    assertThat(appctl("version")).isEqualTo(new Result(0, "ovsdb-server (jovn) 0.1.0\n", ""));
  }

  @Test
  void appctl_listCommands_listsSortedWithUsage() throws Exception {
    Result result = appctl("list-commands");
    assertThat(result.exit()).isZero();
    assertThat(result.stdout()).startsWith("The available commands are:\n")
        .contains("  list-commands           \n")
        .contains("  test/add                A B\n")
        .contains("  test/later              [WORD...]\n");
    assertThat(result.stdout().indexOf("test/add")).isLessThan(result.stdout().indexOf("version"));
  }

  @Test
  void appctl_errors_areReportedWithOvsTexts() throws Exception {
    assertThat(appctl("test/fail")).isEqualTo(new Result(2, "", "it failed\novs-appctl: "
        + socket + ": server returned an error\n"));
    assertThat(appctl("no/such").stderr()).startsWith("\"no/such\" is not a valid command (use "
        + "\"list-commands\" to see a list of valid commands)\n");
    assertThat(appctl("test/add", "1").stderr())
        .startsWith("\"test/add\" command requires at least 2 arguments\n");
    assertThat(appctl("test/add", "1", "2", "3").stderr())
        .startsWith("\"test/add\" command takes at most 2 arguments\n");
  }
}
