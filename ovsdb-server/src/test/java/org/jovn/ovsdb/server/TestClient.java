package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.Notification;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.Request;
import org.jovn.ovsdb.rpc.RpcClient;
import org.jovn.ovsdb.rpc.RpcConnection;
import org.jovn.ovsdb.rpc.RpcException;
import org.jovn.ovsdb.rpc.RpcHandler;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.rpc.RpcTransport;

/**
 * A raw JSON-RPC client for tests: sends requests written as JSON text (single quotes allowed
 * for readability) and records, in arrival order, the notifications and replies it receives.
 * Owned by the test, which closes it; closing does not close the transport.
 */
final class TestClient implements AutoCloseable {
  static final long WAIT_SECONDS = 10;

  private final RpcConnection connection;
  private final LinkedBlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
  /** Arrival order of notifications ("notify:METHOD") and replies ("reply:TAG"). */
  private final List<String> events = new ArrayList<>();

  private TestClient(RpcConnection connection) {
    this.connection = connection;
  }

  static TestClient connect(RpcTransport transport, String remote) {
    return connect(transport, remote, RpcOptions.defaults().withProbeInterval(
        java.time.Duration.ZERO));
  }

  static TestClient connect(RpcTransport transport, String remote, RpcOptions options) {
    TestClient[] self = new TestClient[1];
    RpcHandler handler = new RpcHandler() {
      @Override
      public void onRequest(RpcConnection conn, Request request) {
        conn.replyError(request.id(), Json.NODES.textNode("unexpected request"));
      }

      @Override
      public void onNotification(RpcConnection conn, Notification n) {
        self[0].record("notify:" + n.method());
        self[0].notifications.add(n);
      }
    };
    CompletableFuture<RpcConnection> f =
        RpcClient.connect(transport, Remote.parse(remote), handler, options);
    RpcConnection conn = await(f);
    self[0] = new TestClient(conn);
    return self[0];
  }

  /** Parses JSON text in which single quotes stand for double quotes. */
  static JsonNode json(String text) {
    return Json.parse(text.replace('\'', '"'));
  }

  static ArrayNode params(String text) {
    return (ArrayNode) json(text);
  }

  RpcConnection connection() {
    return connection;
  }

  /** Sends a request; the future fails with RpcException on an error reply. */
  CompletableFuture<JsonNode> callAsync(String method, String paramsJson) {
    return connection.call(method, params(paramsJson)).thenApply(TestClient::normalized);
  }

  /** The node as our JSON parser reads it (integers as longs), for comparisons with json(). */
  static JsonNode normalized(JsonNode node) {
    return node == null ? null : Json.parse(node.toString());
  }

  /**
   * Sends a request from the connection's event loop and records its reply as "reply:TAG" in
   * {@link #events()} at the moment it arrives, so its order relative to notifications shows.
   */
  CompletableFuture<JsonNode> callRecorded(String tag, String method, String paramsJson) {
    CompletableFuture<JsonNode> out = new CompletableFuture<>();
    connection.executor().execute(() -> connection.call(method, params(paramsJson))
        .whenComplete((r, e) -> {
          record("reply:" + tag);
          if (e != null) {
            out.completeExceptionally(e);
          } else {
            out.complete(normalized(r));
          }
        }));
    return out;
  }

  /** Sends a request and waits for its result. @throws RpcException on an error reply */
  JsonNode call(String method, String paramsJson) {
    return await(callAsync(method, paramsJson));
  }

  /** Sends a request that must fail and returns the error object. */
  JsonNode callError(String method, String paramsJson) {
    return errorOf(callAsync(method, paramsJson));
  }

  /** Sends a transact request and returns its result array. */
  JsonNode transact(String db, String operationsJson) {
    String ops = operationsJson.strip();
    return call("transact", "['" + db + "'," + ops.substring(1));
  }

  void notify(String method, String paramsJson) {
    connection.notify(method, params(paramsJson));
  }

  /** The next notification of that method, waiting up to the test timeout. */
  Notification next(String method) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      Notification n;
      try {
        n = notifications.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      if (n == null) {
        throw new AssertionError("no \"" + method + "\" notification within " + WAIT_SECONDS
            + " s");
      }
      if (n.method().equals(method)) {
        return new Notification(n.method(), normalized(n.params()));
      }
    }
  }

  /** A notification already received or arriving within the given time, else null. */
  Notification poll(long millis) {
    try {
      return notifications.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  synchronized List<String> events() {
    return new ArrayList<>(events);
  }

  private synchronized void record(String event) {
    events.add(event);
  }

  /** Waits until the server closes the connection. */
  void awaitClosed() {
    await(connection.closeFuture());
  }

  boolean isOpen() {
    return connection.isOpen();
  }

  @Override
  public void close() {
    connection.close();
  }

  static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + WAIT_SECONDS + " s", e);
    }
  }

  static JsonNode errorOf(CompletableFuture<JsonNode> f) {
    try {
      JsonNode r = await(f);
      throw new AssertionError("expected an error reply, got " + r);
    } catch (RpcException e) {
      return normalized(e.error());
    }
  }
}
