package org.jovn.ovsdb.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class JsonFrameProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Property(tries = 200)
  void encodeThenDecodeInArbitraryChunks_roundTrips(
      @ForAll("messages") @Size(min = 1, max = 5) List<JsonNode> messages,
      @ForAll @IntRange(min = 1, max = 64) int chunk) {
    EmbeddedChannel encoder = new EmbeddedChannel(new JsonEncoder());
    EmbeddedChannel decoder = new EmbeddedChannel(new JsonFrameDecoder());
    try {
      for (JsonNode message : messages) {
        encoder.writeOutbound(message);
        ByteBuf bytes = encoder.readOutbound();
        while (bytes.isReadable()) {
          decoder.writeInbound(bytes.readRetainedSlice(Math.min(chunk, bytes.readableBytes())));
        }
        bytes.release();
      }
      List<JsonNode> decoded = new ArrayList<>();
      for (JsonNode node; (node = decoder.readInbound()) != null; ) {
        decoded.add(node);
      }
      assertThat(decoded).map(JsonNode::toString)
          .containsExactlyElementsOf(messages.stream().map(JsonNode::toString).toList());
    } finally {
      encoder.finishAndReleaseAll();
      decoder.finishAndReleaseAll();
    }
  }

  @Provide
  Arbitrary<List<JsonNode>> messages() {
    return Arbitraries.oneOf(array(3), object(3)).list();
  }

  private Arbitrary<JsonNode> value(int depth) {
    Arbitrary<JsonNode> scalar = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(NODES::textNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
    return depth == 0 ? scalar : Arbitraries.oneOf(scalar, array(depth - 1), object(depth - 1));
  }

  private Arbitrary<JsonNode> array(int depth) {
    return Arbitraries.lazy(() -> value(depth)).list().ofMaxSize(4).map(items -> {
      ArrayNode array = NODES.arrayNode();
      items.forEach(array::add);
      return array;
    });
  }

  private Arbitrary<JsonNode> object(int depth) {
    Arbitrary<String> keys = Arbitraries.strings().ofMaxLength(8);
    return Combinators.combine(keys, Arbitraries.lazy(() -> value(depth)))
        .as(List::<Object>of).list().ofMaxSize(4).map(entries -> {
          ObjectNode object = NODES.objectNode();
          entries.forEach(e -> object.set((String) e.get(0), (JsonNode) e.get(1)));
          return object;
        });
  }
}
