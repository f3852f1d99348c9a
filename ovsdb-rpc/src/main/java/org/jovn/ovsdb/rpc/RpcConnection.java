package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * One JSON-RPC connection (one Netty channel): send calls, notifications and replies; receive
 * through the {@link RpcHandler} given when the connection was created.
 *
 * <p>Thread safety: every public method may be called from any thread; work is handed to the
 * channel's event loop, so messages are sent in the order the calls were made from one thread.
 * Futures returned by {@link #call} complete on the event loop: dependent stages must not block
 * (use the {@code ...Async} variants to move work elsewhere).
 *
 * <p>Lifecycle: a connection is open when handed out; it closes when either side closes it, when
 * the peer sends bad input, when the inactivity probe times out, or when the outbound backlog
 * exceeds {@link RpcOptions#maxBacklogBytes()}. On close, pending calls fail with
 * {@link ConnectionClosedException}, then {@link RpcHandler#onClose} runs, then
 * {@link #closeFuture()} completes. Owned by whoever created it (server or client), which closes
 * it with its transport.
 */
public final class RpcConnection {
  private final Channel channel;
  private final String name;
  private final PendingCalls pending = new PendingCalls();
  private volatile RpcHandler handler;
  private volatile Object attachment;
  private volatile boolean closed;
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

  RpcConnection(Channel channel, String name) {
    this.channel = channel;
    this.name = name;
  }

  void handler(RpcHandler newHandler) {
    this.handler = Objects.requireNonNull(newHandler, "handler");
  }

  RpcHandler handler() {
    return handler;
  }

  PendingCalls pending() {
    return pending;
  }

  /** Returns a name for logs, e.g. {@code tcp:127.0.0.1:54321} or {@code unix:/run/db.sock}. */
  public String name() {
    return name;
  }

  /** Returns the peer's address, or null if unknown. */
  public SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  /** Returns an executor running tasks on this connection's event loop; tasks must not block. */
  public Executor executor() {
    return channel.eventLoop();
  }

  /**
   * Sends a request and returns its result. The future fails with {@link RpcException} if the peer
   * answers with an error, and with {@link ConnectionClosedException} if the connection closes
   * first (or is already closed).
   */
  public CompletableFuture<JsonNode> call(String method, ArrayNode params) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(params, "params");
    CompletableFuture<JsonNode> future = new CompletableFuture<>();
    onLoop(future, () -> {
      if (closed) {
        future.completeExceptionally(new ConnectionClosedException(name));
        return;
      }
      long id = pending.add(future);
      channel.writeAndFlush(JsonRpcCodec.encode(new Request(method, params, LongNode.valueOf(id))))
          .addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
              pending.fail(id, f.cause());
            }
          });
    });
    return future;
  }

  /** Sends a notification. Silently dropped if the connection is closed. */
  public void notify(String method, ArrayNode params) {
    send(new Notification(method, params));
  }

  /** Sends a successful response to the request with this id. */
  public void reply(JsonNode id, JsonNode result) {
    send(Response.success(id, result));
  }

  /** Sends an error response to the request with this id; {@code error} must not be JSON null. */
  public void replyError(JsonNode id, JsonNode error) {
    send(Response.failure(id, error));
  }

  /**
   * Sends any message as is. Responses to requests not received and requests whose ids collide
   * with {@link #call} ids are the caller's problem. Silently dropped if the connection is closed.
   */
  public void send(JsonRpcMessage message) {
    if (closed) {
      return;
    }
    channel.writeAndFlush(JsonRpcCodec.encode(message), channel.voidPromise());
  }

  /** Returns true until the connection has closed. */
  public boolean isOpen() {
    return !closed && channel.isOpen();
  }

  /** Closes the connection; returns {@link #closeFuture()}. Idempotent. */
  public CompletableFuture<Void> close() {
    channel.close();
    return closeFuture;
  }

  /** Returns a future completed after the connection has closed and the handler was told. */
  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  /** Returns the bytes queued for sending but not yet written to the socket. */
  public long backlogBytes() {
    ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
    return buffer == null ? 0 : buffer.totalPendingWriteBytes();
  }

  /** Returns the object attached by {@link #attach}, or null. */
  public Object attachment() {
    return attachment;
  }

  /** Returns the attachment cast to {@code type}, or null if none or of another type. */
  public <T> T attachment(Class<T> type) {
    Object value = attachment;
    return type.isInstance(value) ? type.cast(value) : null;
  }

  /** Attaches caller state (e.g. a server session) to this connection; null detaches. */
  public void attach(Object value) {
    this.attachment = value;
  }

  /** Marks the connection closed and fails pending calls; on the event loop, once. */
  void markClosed() {
    closed = true;
    pending.failAll(new ConnectionClosedException(name));
  }

  void completeClose() {
    closeFuture.complete(null);
  }

  Channel channel() {
    return channel;
  }

  private void onLoop(CompletableFuture<?> future, Runnable task) {
    if (channel.eventLoop().inEventLoop()) {
      task.run();
      return;
    }
    try {
      channel.eventLoop().execute(task);
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(new ConnectionClosedException(name));
    }
  }

  @Override
  public String toString() {
    return "RpcConnection[" + name + "]";
  }
}
