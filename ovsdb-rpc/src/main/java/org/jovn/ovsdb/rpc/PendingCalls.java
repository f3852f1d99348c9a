package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Calls awaiting a response on one connection. Confined to the connection's event loop; not
 * thread-safe.
 */
final class PendingCalls {
  private final Map<Long, CompletableFuture<JsonNode>> calls = new HashMap<>();
  private long nextId;

  /** Registers a call and returns its id. */
  long add(CompletableFuture<JsonNode> future) {
    long id = nextId++;
    calls.put(id, future);
    return id;
  }

  /** Removes and returns the call with this id, or null if there is none. */
  CompletableFuture<JsonNode> remove(JsonNode id) {
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      return calls.remove(id.longValue());
    }
    return null;
  }

  /** Removes the call with this id, if any, and fails it. */
  void fail(long id, Throwable cause) {
    CompletableFuture<JsonNode> future = calls.remove(id);
    if (future != null) {
      future.completeExceptionally(cause);
    }
  }

  /** Fails and forgets every pending call. */
  void failAll(Throwable cause) {
    List<CompletableFuture<JsonNode>> all = new ArrayList<>(calls.values());
    calls.clear();
    all.forEach(future -> future.completeExceptionally(cause));
  }

  int size() {
    return calls.size();
  }
}
