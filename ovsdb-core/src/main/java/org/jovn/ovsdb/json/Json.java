package org.jovn.ovsdb.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shared Jackson mapper and node shortcuts. Thread-safe. */
public final class Json {
  /** Nodes are made through this factory; numbers keep exact integer form. */
  public static final JsonNodeFactory NODES = CompactNodeFactory.INSTANCE;

  /**
   * Shared mapper: doubles stay doubles, deep nesting is bounded by the framing layer. Field
   * names are not canonicalized: file records, log entries and updates key rows by UUID, names
   * seen once that would only fill Jackson's symbol table.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build())
      .enable(DeserializationFeature.USE_LONG_FOR_INTS)
      .nodeFactory(CompactNodeFactory.INSTANCE)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(1000)
        .maxStringLength(Integer.MAX_VALUE)
        .maxNumberLength(1000)
        .build());
  }

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** An array of the given nodes. */
  public static ArrayNode array(JsonNode... items) {
    ArrayNode a = NODES.arrayNode();
    for (JsonNode n : items) {
      a.add(n);
    }
    return a;
  }

  /** Compact serialization. */
  public static String write(JsonNode node) {
    return node.toString();
  }

  /** Parses text; malformed input becomes an OVSDB syntax error. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw org.jovn.ovsdb.OvsdbException.syntax("invalid JSON: " + e.getOriginalMessage());
    }
  }
}
