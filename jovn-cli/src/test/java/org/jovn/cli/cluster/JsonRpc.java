package org.jovn.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jovn.ovsdb.json.Json;

/**
 * A minimal blocking JSON-RPC 1.0 client over TCP ({@code tcp:IP:PORT}) or a unix socket
 * ({@code unix:PATH}), for OVSDB requests and unixctl commands. Answers the server's "echo";
 * keeps other notifications (monitor updates) in {@link #notifications}. Thread-safe: calls may
 * be made from several threads at once. The creator owns it and closes it.
 */
final class JsonRpc implements AutoCloseable {
  /** A JSON-RPC response whose "error" was not null. */
  static final class RpcError extends Exception {
    private static final long serialVersionUID = 1L;
    final transient JsonNode error;

    RpcError(JsonNode error) {
      super(error.toString());
      this.error = error;
    }
  }

  final LinkedBlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
  private final AutoCloseable socket;
  private final OutputStream out;
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean closed;

  private JsonRpc(AutoCloseable socket, InputStream in, OutputStream out) {
    this.socket = socket;
    this.out = out;
    Thread reader = new Thread(() -> readLoop(in), "json-rpc-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Connects to {@code tcp:IP:PORT} or {@code unix:PATH}. */
  static JsonRpc connect(String remote) throws IOException {
    if (remote.startsWith("unix:")) {
      SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(
          Path.of(remote.substring(5))));
      return new JsonRpc(ch, Channels.newInputStream(ch), Channels.newOutputStream(ch));
    }
    if (!remote.startsWith("tcp:")) {
      throw new IllegalArgumentException(remote);
    }
    String rest = remote.substring(4);
    int colon = rest.lastIndexOf(':');
    Socket s = new Socket();
    s.connect(new InetSocketAddress(rest.substring(0, colon),
        Integer.parseInt(rest.substring(colon + 1))), 5_000);
    s.setTcpNoDelay(true);
    return new JsonRpc(s, s.getInputStream(), s.getOutputStream());
  }

  private void readLoop(InputStream in) {
    try (MappingIterator<JsonNode> it = Json.MAPPER.readerFor(JsonNode.class).readValues(in)) {
      while (it.hasNextValue()) {
        JsonNode msg = it.nextValue();
        JsonNode id = msg.get("id");
        if (msg.has("method")) {
          if ("echo".equals(msg.get("method").asText()) && id != null && !id.isNull()) {
            ObjectNode r = Json.object();
            r.set("result", msg.get("params"));
            r.putNull("error");
            r.set("id", id);
            send(r);
          } else if (id == null || id.isNull()) {
            notifications.add(msg);
          }
          continue;
        }
        CompletableFuture<JsonNode> f = id == null ? null : pending.remove(id.asLong());
        if (f != null) {
          f.complete(msg);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Closed or broken: fail whatever waits.
    }
    closed = true;
    IOException gone = new IOException("connection closed");
    pending.values().forEach(f -> f.completeExceptionally(gone));
    pending.clear();
  }

  private synchronized void send(JsonNode msg) throws IOException {
    out.write(msg.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /**
   * Sends a request and waits for its response.
   *
   * @return the "result"
   * @throws RpcError when the response carries an error
   * @throws IOException when the connection closes or no response comes in time
   */
  JsonNode call(String method, JsonNode params, long timeoutMs) throws IOException, RpcError {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ObjectNode req = Json.object();
    req.put("method", method);
    req.set("params", params);
    req.put("id", id);
    if (closed) {
      throw new IOException("connection closed");
    }
    send(req);
    JsonNode resp;
    try {
      resp = f.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.remove(id);
      throw new IOException("no response to " + method + " in " + timeoutMs + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
    JsonNode err = resp.get("error");
    if (err != null && !err.isNull()) {
      throw new RpcError(err);
    }
    return resp.get("result");
  }

  /** A "transact" on database DB with the given operations; returns the operation results. */
  ArrayNode transact(String db, long timeoutMs, JsonNode... ops) throws IOException, RpcError {
    ArrayNode p = Json.array();
    p.add(db);
    for (JsonNode op : ops) {
      p.add(op);
    }
    return (ArrayNode) call("transact", p, timeoutMs);
  }

  /** A unixctl command: returns its text, or throws RpcError with the command's error text. */
  String command(String method, String... args) throws IOException, RpcError {
    ArrayNode p = Json.array();
    for (String a : args) {
      p.add(a);
    }
    JsonNode r = call(method, p, 30_000);
    return r == null || r.isNull() ? "" : r.asText();
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (Exception e) {
      // Already closed.
    }
  }
}
