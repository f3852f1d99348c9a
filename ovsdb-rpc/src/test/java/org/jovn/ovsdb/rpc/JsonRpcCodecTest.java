package org.jovn.ovsdb.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRpcCodecTest {
  private static final ObjectMapper MAPPER = org.jovn.ovsdb.json.Json.MAPPER;

  private static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void decode_request_yieldsRequest() throws Exception {
    JsonRpcMessage m = JsonRpcCodec.decode(json("{'method':'transact','params':['db'],'id':3}"));
    assertThat(m).isEqualTo(new Request("transact", json("['db']"), LongNode.valueOf(3)));
  }

  @Test
  void decode_notificationWithNullId_yieldsNotification() throws Exception {
    JsonRpcMessage m = JsonRpcCodec.decode(json("{'method':'update','params':[null,{}],'id':null}"));
    assertThat(m).isEqualTo(new Notification("update", json("[null,{}]")));
  }

  @Test
  void decode_responseWithBothMembers_yieldsResponse() throws Exception {
    Response ok = (Response) JsonRpcCodec.decode(json("{'result':[1],'error':null,'id':'x'}"));
    assertThat(ok.isError()).isFalse();
    assertThat(ok.result()).isEqualTo(json("[1]"));
    Response err = (Response) JsonRpcCodec.decode(json("{'result':null,'error':'bad','id':1}"));
    assertThat(err.isError()).isTrue();
    assertThat(err.error()).isEqualTo(TextNode.valueOf("bad"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "[1]                                         | message is not a JSON object",
    "{'method':'m','params':{},'id':1}           | \"params\" must be a JSON array",
    "{'params':[],'id':1}                        | request has no method",
    "{'method':'m','id':1}                       | request has no params",
    "{'method':'m'}                              | notification has no params",
    "{'method':3,'params':[],'id':1}             | request method is not a JSON string",
    "{'method':'m','params':[],'id':1,'x':2}     | message has unexpected member \"x\"",
    "{'result':1,'error':2,'id':1}               | response must not have both result and error",
    "{'result':1,'error':null}                   | response has no id",
    "{'method':'m','params':[],'result':1,'id':1} | request must not have \"result\"",
  })
  void decode_malformed_failsWithReason(String text, String reason) throws Exception {
    JsonNode node = json(text.strip());
    assertThatThrownBy(() -> JsonRpcCodec.decode(node))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessage(reason.strip());
  }

  @Test
  void encode_usesOvsShapes() throws Exception {
    assertThat(JsonRpcCodec.encode(new Notification("update", json("[1]"))))
        .isEqualTo(json("{'method':'update','params':[1],'id':null}"));
    assertThat(JsonRpcCodec.encode(Response.success(LongNode.valueOf(1), json("{}"))))
        .isEqualTo(json("{'result':{},'error':null,'id':1}"));
    assertThat(JsonRpcCodec.encode(Response.failure(LongNode.valueOf(1), TextNode.valueOf("e"))))
        .isEqualTo(json("{'result':null,'error':'e','id':1}"));
    assertThat(JsonRpcCodec.encode(new Request("echo", json("[]"), TextNode.valueOf("echo"))))
        .isEqualTo(json("{'method':'echo','params':[],'id':'echo'}"));
  }
}
