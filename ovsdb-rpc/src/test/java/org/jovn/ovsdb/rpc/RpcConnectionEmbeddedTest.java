package org.jovn.ovsdb.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection behaviour on an {@link EmbeddedChannel}, with time under the test's control. */
class RpcConnectionEmbeddedTest {
  private static final ObjectMapper MAPPER = org.jovn.ovsdb.json.Json.MAPPER;
  private final List<JsonRpcMessage> received = new ArrayList<>();
  private final AtomicReference<RpcConnection> connection = new AtomicReference<>();
  private boolean closedSeen;
  private EmbeddedChannel channel;

  private final RpcHandler handler = new RpcHandler() {
    @Override
    public void onRequest(RpcConnection c, Request request) {
      received.add(request);
    }

    @Override
    public void onNotification(RpcConnection c, Notification notification) {
      received.add(notification);
    }

    @Override
    public void onClose(RpcConnection c) {
      closedSeen = true;
    }
  };

  private void open(Duration probe) {
    RpcOptions options = RpcOptions.defaults().withProbeInterval(probe);
    channel = new EmbeddedChannel(
        new ConnectionInitializer(options, null, "tcp", true, c -> handler, connection::set));
  }

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  private void receive(String text) {
    channel.writeInbound(Unpooled.copiedBuffer(text.replace('\'', '"'), StandardCharsets.UTF_8));
  }

  private JsonNode sent() throws Exception {
    channel.runPendingTasks();
    ByteBuf buf = channel.readOutbound();
    if (buf == null) {
      return null;
    }
    try {
      return MAPPER.readTree(buf.toString(StandardCharsets.UTF_8));
    } finally {
      buf.release();
    }
  }

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void echoRequest_isAnsweredWithItsParams() throws Exception {
    open(Duration.ZERO);
    receive("{'method':'echo','params':['x',1],'id':9}");
    assertThat(sent()).isEqualTo(json("{'result':['x',1],'error':null,'id':9}"));
    assertThat(received).isEmpty();
  }

  @Test
  void requestsAndNotifications_goToHandler() throws Exception {
    open(Duration.ZERO);
    receive("{'method':'get_schema','params':['db'],'id':1}{'method':'update','params':[],'id':null}");
    assertThat(received).hasSize(2);
    assertThat(received.get(0)).isInstanceOf(Request.class);
    assertThat(received.get(1)).isEqualTo(new Notification("update", json("[]")));
  }

  @Test
  void call_completesWithResultOrRpcException() throws Exception {
    open(Duration.ZERO);
    CompletableFuture<JsonNode> ok = connection.get().call("list_dbs", MAPPER.createArrayNode());
    CompletableFuture<JsonNode> bad = connection.get().call("transact", MAPPER.createArrayNode());
    JsonNode first = sent();
    JsonNode second = sent();
    assertThat(first.get("method").textValue()).isEqualTo("list_dbs");
    receive("{'result':null,'error':'unknown','id':" + second.get("id") + "}");
    receive("{'result':['db'],'error':null,'id':" + first.get("id") + "}");
    assertThat(ok).isCompletedWithValue(json("['db']"));
    assertThat(bad).isCompletedExceptionally();
    assertThat(bad.handle((v, e) -> e).join()).isInstanceOf(RpcException.class)
        .extracting(e -> ((RpcException) e).error().textValue()).isEqualTo("unknown");
  }

  @Test
  void close_failsPendingCallsAndTellsHandler() {
    open(Duration.ZERO);
    CompletableFuture<JsonNode> call = connection.get().call("x", MAPPER.createArrayNode());
    channel.close();
    assertThat(call.handle((v, e) -> e).join()).isInstanceOf(ConnectionClosedException.class);
    assertThat(closedSeen).isTrue();
    assertThat(connection.get().closeFuture()).isDone();
    assertThat(connection.get().call("y", MAPPER.createArrayNode())).isCompletedExceptionally();
  }

  @Test
  void inactivityProbe_sendsEchoThenCloses() throws Exception {
    open(Duration.ofSeconds(5));
    channel.advanceTimeBy(4, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(sent()).isNull();
    channel.advanceTimeBy(2, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(sent()).isEqualTo(json("{'method':'echo','params':[],'id':'echo'}"));
    assertThat(channel.isOpen()).isTrue();
    channel.advanceTimeBy(6, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isFalse();
    assertThat(closedSeen).isTrue();
  }

  @Test
  void inactivityProbe_answeredProbeKeepsConnectionOpen() throws Exception {
    open(Duration.ofSeconds(5));
    channel.advanceTimeBy(6, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(sent()).isNotNull();
    receive("{'result':[],'error':null,'id':'echo'}");
    channel.advanceTimeBy(4, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void malformedMessage_closesConnection() {
    open(Duration.ZERO);
    receive("{'params':[],'id':1}");
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void invalidJson_closesConnection() {
    open(Duration.ZERO);
    receive("{'a':1}garbage");
    assertThat(channel.isOpen()).isFalse();
    assertThat(closedSeen).isTrue();
  }

  @Test
  void attachment_returnsTypedValue() {
    open(Duration.ZERO);
    connection.get().attach("session");
    assertThat(connection.get().attachment(String.class)).isEqualTo("session");
    assertThat(connection.get().attachment(Integer.class)).isNull();
  }
}
