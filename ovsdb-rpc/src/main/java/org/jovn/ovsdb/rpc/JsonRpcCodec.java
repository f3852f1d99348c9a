package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/**
 * Converts between JSON values and {@link JsonRpcMessage}s, following RFC 7047 and OVS's
 * {@code lib/jsonrpc.c}: a message is an object with members among {@code method}, {@code params},
 * {@code result}, {@code error} and {@code id}; JSON null counts as absent. A message with a method
 * is a request if its id is not null, else a notification; a message without a method is a
 * response. Stateless; thread-safe.
 */
public final class JsonRpcCodec {
  private static final Set<String> MEMBERS = Set.of("method", "params", "result", "error", "id");

  private JsonRpcCodec() {}

  /**
   * Decodes one message.
   *
   * @throws MalformedMessageException naming the first problem found
   */
  public static JsonRpcMessage decode(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new MalformedMessageException("message is not a JSON object");
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!MEMBERS.contains(name)) {
        throw new MalformedMessageException("message has unexpected member \"" + name + "\"");
      }
    }
    JsonNode method = present(json, "method");
    JsonNode params = present(json, "params");
    JsonNode id = present(json, "id");
    if (params != null && !params.isArray()) {
      throw new MalformedMessageException("\"params\" must be a JSON array");
    }
    return method != null ? decodeCall(json, method, params, id) : decodeResponse(json, id);
  }

  private static JsonRpcMessage decodeCall(
      JsonNode json, JsonNode method, JsonNode params, JsonNode id) {
    String kind = id == null ? "notification" : "request";
    if (!method.isTextual()) {
      throw new MalformedMessageException(kind + " method is not a JSON string");
    }
    if (present(json, "result") != null) {
      throw new MalformedMessageException(kind + " must not have \"result\"");
    }
    if (present(json, "error") != null) {
      throw new MalformedMessageException(kind + " must not have \"error\"");
    }
    if (params == null) {
      throw new MalformedMessageException(kind + " has no params");
    }
    return id == null
        ? new Notification(method.textValue(), params)
        : new Request(method.textValue(), params, id);
  }

  private static Response decodeResponse(JsonNode json, JsonNode id) {
    JsonNode result = present(json, "result");
    JsonNode error = present(json, "error");
    if (!json.has("result") && !json.has("error")) {
      throw new MalformedMessageException(
          id == null ? "message has no method, result or error" : "request has no method");
    }
    if (json.has("params")) {
      throw new MalformedMessageException("response must not have \"params\"");
    }
    if (id == null) {
      throw new MalformedMessageException("response has no id");
    }
    if (result != null && error != null) {
      throw new MalformedMessageException("response must not have both result and error");
    }
    return new Response(result, error, id);
  }

  private static JsonNode present(JsonNode json, String name) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /** Encodes a message; notifications carry {@code "id": null}, responses both result and error. */
  public static ObjectNode encode(JsonRpcMessage message) {
    return switch (message) {
      case Request r -> call(r.method(), r.params(), r.id());
      case Notification n -> call(n.method(), n.params(), NullNode.getInstance());
      case Response r -> {
        ObjectNode json = Json.NODES.objectNode();
        json.set("result", r.result());
        json.set("error", r.error());
        json.set("id", r.id());
        yield json;
      }
    };
  }

  private static ObjectNode call(String method, JsonNode params, JsonNode id) {
    ObjectNode json = Json.NODES.objectNode();
    json.put("method", method);
    json.set("params", params);
    json.set("id", id);
    return json;
  }
}
