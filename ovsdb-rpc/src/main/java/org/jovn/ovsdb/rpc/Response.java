package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Objects;

/**
 * A response to a {@link Request}. Exactly one of {@code result} and {@code error} is meaningful:
 * a response is an error response when {@code error} is not JSON null. Absent members are
 * represented as {@link NullNode}, never as Java null.
 *
 * @param result the result, JSON null for an error response
 * @param error the error, JSON null for a successful response
 * @param id the id of the request answered, never Java null
 */
public record Response(JsonNode result, JsonNode error, JsonNode id) implements JsonRpcMessage {
  /** Normalizes Java nulls to JSON null; rejects a response with both result and error. */
  public Response {
    result = result == null ? NullNode.getInstance() : result;
    error = error == null ? NullNode.getInstance() : error;
    Objects.requireNonNull(id, "id");
    if (!result.isNull() && !error.isNull()) {
      throw new IllegalArgumentException("response must not have both result and error");
    }
  }

  /** Returns a successful response. */
  public static Response success(JsonNode id, JsonNode result) {
    return new Response(result, null, id);
  }

  /** Returns an error response; {@code error} must not be JSON null. */
  public static Response failure(JsonNode id, JsonNode error) {
    if (error == null || error.isNull()) {
      throw new IllegalArgumentException("error response needs a non-null error");
    }
    return new Response(null, error, id);
  }

  /** Returns true if this is an error response. */
  public boolean isError() {
    return !error.isNull();
  }
}
