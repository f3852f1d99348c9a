package org.jovn.ovsdb.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JsonFrameDecoderTest {
  private static final ObjectMapper MAPPER = org.jovn.ovsdb.json.Json.MAPPER;
  private EmbeddedChannel channel = new EmbeddedChannel(new JsonFrameDecoder(1024, 16));

  @AfterEach
  void tearDown() {
    channel.finishAndReleaseAll();
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
  }

  private List<JsonNode> read() {
    List<JsonNode> nodes = new ArrayList<>();
    for (JsonNode node; (node = channel.readInbound()) != null; ) {
      nodes.add(node);
    }
    return nodes;
  }

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  @Test
  void decode_splitAcrossReads_yieldsOneMessage() throws Exception {
    channel.writeInbound(bytes("{\"method\":\"ec"));
    assertThat(read()).isEmpty();
    channel.writeInbound(bytes("ho\",\"params\":[1,"));
    assertThat(read()).isEmpty();
    channel.writeInbound(bytes("2],\"id\":7}"));
    assertThat(read()).containsExactly(json("{\"method\":\"echo\",\"params\":[1,2],\"id\":7}"));
  }

  @Test
  void decode_severalMessagesWithoutSeparators_yieldsAll() throws Exception {
    channel.writeInbound(bytes("{\"a\":1}[2,3]{\"b\":{}} \n\t[]"));
    assertThat(read()).containsExactly(json("{\"a\":1}"), json("[2,3]"), json("{\"b\":{}}"),
        json("[]"));
  }

  @Test
  void decode_stringsWithBracesAndEscapedQuotes_areNotDelimiters() throws Exception {
    String text = "{\"s\":\"}]{[\\\"\\\\\",\"t\":\"\\\\\"}";
    channel.writeInbound(bytes(text.substring(0, 9)), bytes(text.substring(9)));
    assertThat(read()).containsExactly(json(text));
  }

  @Test
  void decode_multiByteUtf8SplitInsideCharacter_yieldsText() {
    byte[] utf8 = "[\"h\u00e9llo \u4e16\u754c \ud83d\ude00\"]".getBytes(StandardCharsets.UTF_8);
    for (byte b : utf8) {
      channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
    }
    assertThat(read()).singleElement()
        .satisfies(n -> assertThat(n.get(0).textValue()).isEqualTo("h\u00e9llo \u4e16\u754c \ud83d\ude00"));
  }

  @Test
  void decode_oversizeMessage_failsWithPositionAndDiscardsRest() {
    channel.writeInbound(bytes("[1]  "));
    assertThat(read()).hasSize(1);
    String big = "[\"" + "x".repeat(2000) + "\"]";
    assertThatThrownBy(() -> channel.writeInbound(bytes(big)))
        .isInstanceOf(JsonFrameException.class)
        .hasMessageContaining("exceeds 1024 bytes")
        .satisfies(e -> assertThat(((JsonFrameException) e).position()).isEqualTo(5 + 1024));
    channel.writeInbound(bytes("[1]"));
    assertThat(read()).isEmpty();
  }

  @Test
  void decode_deepNesting_failsBeforeParsing() {
    channel = new EmbeddedChannel(new JsonFrameDecoder(1 << 20, 1000));
    String deep = "[".repeat(200_000);
    assertThatThrownBy(() -> channel.writeInbound(bytes(deep)))
        .isInstanceOf(JsonFrameException.class)
        .hasMessageContaining("nesting deeper than 1000")
        .satisfies(e -> assertThat(((JsonFrameException) e).position()).isEqualTo(1000));
  }

  @Test
  void decode_nestingAtLimit_isAccepted() {
    String deep = "[".repeat(16) + "]".repeat(16);
    channel.writeInbound(bytes(deep));
    assertThat(read()).hasSize(1);
  }

  @Test
  void decode_garbageAtTopLevel_failsWithPosition() {
    assertThatThrownBy(() -> channel.writeInbound(bytes("{}  hello")))
        .isInstanceOf(JsonFrameException.class)
        .hasMessage("invalid JSON input at byte 4: expected '{' or '[' to start a message, got 'h'");
  }

  @Test
  void decode_invalidJsonInsideValue_failsWithPositionInStream() {
    channel.writeInbound(bytes("[1]"));
    assertThat(read()).hasSize(1);
    assertThatThrownBy(() -> channel.writeInbound(bytes("{\"a\" x}")))
        .isInstanceOf(JsonFrameException.class)
        .satisfies(e -> assertThat(((JsonFrameException) e).position()).isBetween(3L, 10L));
  }

  @Test
  void encode_writesCompactUtf8() throws Exception {
    EmbeddedChannel out = new EmbeddedChannel(new JsonEncoder());
    out.writeOutbound(json("{\"a\": [1, \"\u00e9\"]}"));
    ByteBuf buf = out.readOutbound();
    try {
      assertThat(buf.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":[1,\"\u00e9\"]}");
    } finally {
      buf.release();
      out.finishAndReleaseAll();
    }
  }
}
