package org.jovn.ovsdb.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls, notifications, probes and backpressure over real tcp and unix sockets. */
class RpcSocketTest {
  private static final long WAIT = 30;
  private final RpcTransport transport = RpcTransport.create();
  private final TestHandlers.Arithmetic serverHandler = new TestHandlers.Arithmetic();
  @TempDir Path dir;

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private static ArrayNode params(long... values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (long v : values) {
      array.add(v);
    }
    return array;
  }

  private RpcServer serve(String remote, RpcOptions options) {
    return RpcServer.bind(transport, Remote.parse(remote), options, c -> serverHandler);
  }

  private void callReplyNotify(Remote active) throws Exception {
    TestHandlers.Arithmetic clientHandler = new TestHandlers.Arithmetic();
    RpcConnection client = RpcClient.connect(transport, active, clientHandler,
        RpcOptions.defaults()).get(WAIT, TimeUnit.SECONDS);
    assertThat(client.call("add", params(2, 3, 4)).get(WAIT, TimeUnit.SECONDS).longValue())
        .isEqualTo(9);
    assertThat(client.call("echo", params(7)).get(WAIT, TimeUnit.SECONDS).toString())
        .isEqualTo("[7]");
    assertThatThrownBy(() -> client.call("nope", params()).get(WAIT, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(RpcException.class);
    client.notify("hello", params(1));
    Notification received = serverHandler.notifications.poll(WAIT, TimeUnit.SECONDS);
    assertThat(received.method()).isEqualTo("hello");
    assertThat(received.params().toString()).isEqualTo("[1]");
    client.close().get(WAIT, TimeUnit.SECONDS);
    assertThat(client.isOpen()).isFalse();
  }

  @Test
  void tcp_callReplyNotify_work() throws Exception {
    try (RpcServer server = serve("ptcp:0:127.0.0.1", RpcOptions.defaults())) {
      assertThat(server.port()).isPositive();
      callReplyNotify(Remote.parse("tcp:127.0.0.1:" + server.port()));
    }
  }

  @Test
  void unix_callReplyNotify_workAndSocketFileIsRemovedOnClose() throws Exception {
    Path socket = dir.resolve("db.sock");
    Files.writeString(socket, "stale");
    RpcServer server = serve("punix:" + socket, RpcOptions.defaults());
    try {
      callReplyNotify(Remote.parse("unix:" + socket));
    } finally {
      server.close();
    }
    assertThat(socket).doesNotExist();
  }

  @Test
  void server_repliesToItsClientsAndCallsThem() throws Exception {
    try (RpcServer server = serve("ptcp:0:127.0.0.1", RpcOptions.defaults())) {
      RpcConnection client = RpcClient.connect(transport,
          Remote.parse("tcp:127.0.0.1:" + server.port()), new TestHandlers.Arithmetic(),
          RpcOptions.defaults()).get(WAIT, TimeUnit.SECONDS);
      client.call("echo", params()).get(WAIT, TimeUnit.SECONDS);
      assertThat(server.connections()).hasSize(1);
      RpcConnection accepted = server.connections().get(0);
      assertThat(accepted.name()).startsWith("tcp:127.0.0.1:");
      assertThat(accepted.call("add", params(40, 2)).get(WAIT, TimeUnit.SECONDS).longValue())
          .isEqualTo(42);
      server.close();
      client.closeFuture().get(WAIT, TimeUnit.SECONDS);
    }
  }

  @Test
  void connect_nobodyListening_fails() {
    try (RpcServer server = serve("ptcp:0:127.0.0.1", RpcOptions.defaults())) {
      server.stopListening();
      assertThatThrownBy(() -> RpcClient.connect(transport,
          Remote.parse("tcp:127.0.0.1:" + server.port()), TestHandlers.ignoring(),
          RpcOptions.defaults()).get(WAIT, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
    }
  }

  @Test
  void inactivityProbe_closesSilentPeer() throws Exception {
    RpcOptions options = RpcOptions.defaults().withProbeInterval(Duration.ofMillis(200));
    try (RpcServer server = serve("ptcp:0:127.0.0.1", options);
        Socket silent = new Socket("127.0.0.1", server.port())) {
      silent.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT));
      String received = new String(silent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(received).isEqualTo("{\"method\":\"echo\",\"params\":[],\"id\":\"echo\"}");
    }
  }

  @Test
  void inactivityProbe_unixSocket_isNotProbedAsInOvs(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws Exception {
    RpcOptions options = RpcOptions.defaults().withProbeInterval(Duration.ofMillis(100));
    java.nio.file.Path socket = dir.resolve("s.sock");
    try (RpcServer server = serve("punix:" + socket, options);
        java.nio.channels.SocketChannel silent = java.nio.channels.SocketChannel.open(
            java.net.UnixDomainSocketAddress.of(socket))) {
      Thread.sleep(1000);
      silent.write(java.nio.ByteBuffer.wrap(
          "{\"method\":\"echo\",\"params\":[],\"id\":7}".getBytes(StandardCharsets.UTF_8)));
      java.nio.ByteBuffer reply = java.nio.ByteBuffer.allocate(256);
      assertThat(silent.read(reply)).as("the connection is still open").isPositive();
      assertThat(new String(reply.array(), 0, reply.position(), StandardCharsets.UTF_8))
          .contains("\"id\":7").doesNotContain("\"method\"");
    }
  }

  @Test
  void backlogCap_disconnectsPeerThatNeverReads() throws Exception {
    RpcOptions options = RpcOptions.defaults().withMaxBacklogBytes(256 * 1024);
    try (RpcServer server = serve("ptcp:0:127.0.0.1", options);
        Socket lazy = new Socket("127.0.0.1", server.port())) {
      lazy.setReceiveBufferSize(4096);
      lazy.getOutputStream().write("{\"method\":\"echo\",\"params\":[],\"id\":1}"
          .getBytes(StandardCharsets.UTF_8));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
      while (server.connections().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      RpcConnection accepted = server.connections().get(0);
      ArrayNode payload = JsonNodeFactory.instance.arrayNode().add("x".repeat(16 * 1024));
      while (accepted.isOpen() && System.nanoTime() < deadline) {
        // Flood from the event loop, where each write reaches the outbound buffer at once.
        accepted.executor().execute(() -> {
          for (int i = 0; i < 16 && accepted.isOpen(); i++) {
            accepted.notify("flood", payload);
          }
        });
        Thread.sleep(5);
      }
      accepted.closeFuture().get(WAIT, TimeUnit.SECONDS);
      assertThat(accepted.isOpen()).isFalse();
    }
  }
}
