package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jovn.ovsdb.data.Atoms;

/**
 * The outcome of a committed transaction: one result object per operation, and the real UUIDs
 * of the rows inserted. Immutable.
 */
public final class TransactionResult {
  private final List<JsonNode> results;
  private final Map<UUID, UUID> inserted;

  TransactionResult(List<JsonNode> results, Map<UUID, UUID> inserted) {
    this.results = List.copyOf(results);
    this.inserted = Map.copyOf(inserted);
  }

  /**
   * Reads a transact reply.
   *
   * @throws TransactionException for the first operation that failed
   */
  static TransactionResult parse(JsonNode reply, Transaction txn) {
    if (!reply.isArray()) {
      throw new TransactionException(TransactionException.RPC_ERROR,
          "transact reply is not an array: " + reply, -1);
    }
    List<JsonNode> results = new ArrayList<>(reply.size());
    for (int i = 0; i < reply.size(); i++) {
      JsonNode r = reply.get(i);
      if (r != null && r.has("error")) {
        throw TransactionException.fromJson(r, i);
      }
      results.add(r);
    }
    Map<UUID, UUID> real = new java.util.HashMap<>();
    List<UUID> placeholders = txn.insertPlaceholders();
    for (int i = 0; i < placeholders.size(); i++) {
      UUID p = placeholders.get(i);
      if (p != null && i < results.size()) {
        JsonNode uuid = results.get(i).path("uuid");
        if (uuid.isArray() && uuid.size() == 2) {
          real.put(p, Atoms.parseUuid(uuid.get(1).asText()));
        }
      }
    }
    return new TransactionResult(results, real);
  }

  /**
   * The real UUID of a row inserted by this transaction, given the placeholder that
   * {@link Transaction.Insert#uuid()} returned; any other UUID is returned as is.
   */
  public UUID uuid(UUID placeholder) {
    return inserted.getOrDefault(placeholder, placeholder);
  }

  /** The typed form of {@link #uuid(UUID)}. */
  public <T> Ref<T> ref(Ref<T> placeholder) {
    return Ref.of(uuid(placeholder.uuid()));
  }

  /** The result object of operation {@code index}, as the server sent it. */
  public JsonNode result(int index) {
    return results.get(index);
  }

  /** The rows a select operation returned. */
  public List<JsonNode> rows(int index) {
    List<JsonNode> rows = new ArrayList<>();
    result(index).path("rows").forEach(rows::add);
    return rows;
  }

  /** The number of rows an update, mutate or delete operation touched. */
  public long count(int index) {
    return result(index).path("count").asLong();
  }

  /** The number of results (operations, plus comments). */
  public int size() {
    return results.size();
  }
}
