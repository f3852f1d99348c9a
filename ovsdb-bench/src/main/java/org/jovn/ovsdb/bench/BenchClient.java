package org.jovn.ovsdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.Notification;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.Request;
import org.jovn.ovsdb.rpc.RpcClient;
import org.jovn.ovsdb.rpc.RpcConnection;
import org.jovn.ovsdb.rpc.RpcHandler;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.rpc.RpcTransport;

/**
 * One OVSDB client connection used by a workload: sends {@code transact} and waits for replies.
 * Thread-safe (calls are handed to the connection's event loop); the futures it returns complete
 * on that event loop. The workload that opens it closes it.
 */
final class BenchClient implements AutoCloseable {
  /** How long a single blocking call may take before the workload gives up. */
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

  private final RpcConnection connection;

  private BenchClient(RpcConnection connection) {
    this.connection = connection;
  }

  /** Receives notifications (monitor updates); may be null to ignore them. */
  interface Listener {
    void onNotification(Notification notification);
  }

  /**
   * Connects, blocking until connected.
   *
   * @throws BenchException if the connection fails
   */
  static BenchClient connect(RpcTransport transport, Remote remote, Listener listener) {
    RpcHandler handler = new RpcHandler() {
      @Override
      public void onRequest(RpcConnection c, Request request) {
        c.replyError(request.id(), Json.NODES.textNode("unknown method " + request.method()));
      }

      @Override
      public void onNotification(RpcConnection c, Notification notification) {
        if (listener != null) {
          listener.onNotification(notification);
        }
      }
    };
    // No client-side inactivity probe: a server busy with a 20,000-row commit may be silent.
    RpcOptions options = RpcOptions.defaults().withProbeInterval(Duration.ZERO);
    return new BenchClient(
        await(RpcClient.connect(transport, remote, handler, options), "connect to " + remote));
  }

  /**
   * Sends {@code ["OVN_Northbound", ops...]}; the future completes with the per-operation results
   * or fails with {@link BenchException} if any operation or the commit failed.
   */
  CompletableFuture<ArrayNode> transact(ArrayNode ops) {
    ArrayNode params = Json.array();
    params.add(Ops.DATABASE);
    params.addAll(ops);
    return connection.call("transact", params).thenApply(result -> Ops.checkResults(ops, result));
  }

  /** Sends a call and returns its result. */
  CompletableFuture<JsonNode> call(String method, ArrayNode params) {
    return connection.call(method, params);
  }

  /** Blocks for {@code future}, at most {@link #CALL_TIMEOUT}, rethrowing as BenchException. */
  static <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof BenchException b) {
        throw b;
      }
      throw new BenchException(what + ": " + cause, cause);
    } catch (TimeoutException e) {
      throw new BenchException(what + ": no answer within " + CALL_TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(what + ": interrupted", e);
    }
  }

  /** Closes the connection without waiting. */
  @Override
  public void close() {
    connection.close();
  }
}
