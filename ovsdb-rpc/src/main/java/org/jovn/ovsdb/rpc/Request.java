package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A request: the peer expects a {@link Response} carrying the same {@code id}.
 *
 * @param method the method name, never null
 * @param params the parameters, always a JSON array
 * @param id the request id, never null nor JSON null
 */
public record Request(String method, JsonNode params, JsonNode id) implements JsonRpcMessage {
  /** @throws IllegalArgumentException if a component is missing or params is not an array */
  public Request {
    Objects.requireNonNull(method, "method");
    Messages.checkParams(params);
    if (id == null || id.isNull()) {
      throw new IllegalArgumentException("request id must not be null");
    }
  }
}
