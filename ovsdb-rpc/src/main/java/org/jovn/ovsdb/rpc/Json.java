package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Jackson configuration shared by the codecs. Stateless; thread-safe. */
final class Json {
  /** Node factory used to build messages. */
  static final JsonNodeFactory NODES = org.jovn.ovsdb.json.Json.NODES;

  /** Mapper for writing; ObjectMapper is thread-safe once configured. */
  static final ObjectMapper WRITER =
      mapper(JsonFrameDecoder.DEFAULT_MAX_MESSAGE_BYTES, JsonFrameDecoder.DEFAULT_MAX_DEPTH);

  private Json() {}

  /**
   * Returns a mapper whose parser limits admit any value the framing layer lets through.
   *
   * <p>Field names are not canonicalized: OVSDB keys rows by UUID (monitor replies and updates),
   * so almost every name in a large message is seen once, and Jackson's symbol table would only
   * grow (measured: half the parse time of a 25,000-row monitor reply went to adding names).
   */
  static ObjectMapper mapper(int maxMessageBytes, int maxDepth) {
    JsonFactory factory =
        JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(maxDepth + 1)
                    .maxStringLength(maxMessageBytes)
                    .maxNumberLength(maxMessageBytes)
                    .maxDocumentLength(maxMessageBytes)
                    .build())
            .streamWriteConstraints(
                StreamWriteConstraints.builder().maxNestingDepth(Math.max(maxDepth + 1, 1000)).build())
            .build();
    ObjectMapper mapper = new ObjectMapper(factory);
    mapper.setNodeFactory(org.jovn.ovsdb.json.Json.NODES);
    mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);
    return mapper;
  }
}
