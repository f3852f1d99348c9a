package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A notification: a request with a null id, to which no response is sent.
 *
 * @param method the method name, never null
 * @param params the parameters, always a JSON array
 */
public record Notification(String method, JsonNode params) implements JsonRpcMessage {
  /** @throws IllegalArgumentException if a component is missing or params is not an array */
  public Notification {
    Objects.requireNonNull(method, "method");
    Messages.checkParams(params);
  }
}
