package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestClient.json;
import static org.jovn.ovsdb.server.TestServer.NB;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stateless methods and the shapes of transact replies, compared with ovsdb-server 3.1. */
class BasicMethodsTest {
  @TempDir Path dir;
  TestServer server;
  TestClient client;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    client = server.client();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void listDbs_includesServerDatabase() {
    assertThat(client.call("list_dbs", "[]")).isEqualTo(json("['OVN_Northbound','_Server']"));
  }

  @Test
  void listDbs_overUnixSocket_works() {
    try (TestClient unix = server.unixClient()) {
      assertThat(unix.call("list_dbs", "[]")).isEqualTo(json("['OVN_Northbound','_Server']"));
    }
  }

  @Test
  void getSchema_returnsServedSchema() {
    JsonNode schema = client.call("get_schema", "['OVN_Northbound']");
    assertThat(schema).isEqualTo(DatabaseSchema.bundled("ovn-nb").json());
    assertThat(client.call("get_schema", "['_Server']").get("name").asText())
        .isEqualTo("_Server");
  }

  @Test
  void getSchema_unknownDatabase_repliesError() {
    JsonNode error = client.callError("get_schema", "['nope']");
    assertThat(error.get("error").asText()).isEqualTo("unknown database");
    assertThat(error.get("details").asText())
        .isEqualTo("get_schema request specifies unknown database nope");
  }

  @Test
  void transact_unknownDatabase_repliesError() {
    JsonNode error = client.callError("transact", "['nope', {'op':'comment','comment':'x'}]");
    assertThat(error.get("error").asText()).isEqualTo("unknown database");
  }

  @Test
  void getSchema_nonStringName_repliesSyntaxError() {
    JsonNode error = client.callError("get_schema", "[1]");
    assertThat(error.get("error").asText()).isEqualTo("syntax error");
    assertThat(error.get("details").asText())
        .isEqualTo("get_schema request params must begin with <db-name>");
  }

  @Test
  void transact_missingDatabase_repliesSyntaxError() {
    JsonNode error = client.callError("transact", "[]");
    assertThat(error.get("error").asText()).isEqualTo("syntax error");
    assertThat(error.has("details")).isTrue();
  }

  @Test
  void transact_success_repliesOneResultPerOperation() {
    JsonNode r = client.transact(NB, "[{'op':'insert','table':'NB_Global','row':{'name':'g'},"
        + "'uuid-name':'n'}, {'op':'select','table':'NB_Global','where':[],'columns':['name']},"
        + "{'op':'comment','comment':'hi'}]");
    assertThat(r).hasSize(3);
    assertThat(r.get(0).get("uuid").get(0).asText()).isEqualTo("uuid");
    assertThat(r.get(1)).isEqualTo(json("{'rows':[{'name':'g'}]}"));
    assertThat(r.get(2)).isEqualTo(json("{}"));
  }

  @Test
  void transact_failedOperation_abortsAndRepliesErrorInPlace() {
    JsonNode r = client.transact(NB, "[{'op':'insert','table':'NB_Global','row':{}},"
        + "{'op':'select','table':'Nope','where':[]}, {'op':'comment','comment':'x'}]");
    // As ovsdb-server: the failed operation's error in its place, null for the rest.
    assertThat(r).hasSize(3);
    assertThat(r.get(0).has("uuid")).isTrue();
    assertThat(r.get(1).get("error").asText()).isEqualTo("syntax error");
    assertThat(r.get(1).get("details").asText()).contains("Nope");
    assertThat(r.get(2).isNull()).isTrue();
    JsonNode rows = client.transact(NB, "[{'op':'select','table':'NB_Global','where':[]}]");
    assertThat(rows.get(0).get("rows")).isEmpty();
  }

  @Test
  void transact_unknownColumn_repliesUnknownColumn() {
    JsonNode r = client.transact(NB, "[{'op':'insert','table':'NB_Global','row':{'bogus':1}}]");
    assertThat(r.get(0).get("error").asText()).isEqualTo("unknown column");
  }

  @Test
  void transact_constraintViolation_failsAtCommitWithExtraResult() {
    JsonNode r = client.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':"
        + "{'ports':['uuid','00000000-0000-0000-0000-000000000001']}}]");
    assertThat(r).hasSize(2);
    assertThat(r.get(0).has("uuid")).isTrue();
    assertThat(r.get(1).get("error").asText()).isEqualTo("referential integrity violation");
  }

  @Test
  void transact_serverDatabase_writeRefused() {
    JsonNode r = client.transact("_Server", "[{'op':'insert','table':'Database',"
        + "'row':{'name':'x','model':'standalone'}}]");
    assertThat(r.get(0).get("error").asText()).isEqualTo("not allowed");
    JsonNode rows = client.transact("_Server", "[{'op':'select','table':'Database',"
        + "'where':[['name','==','x']]}]");
    assertThat(rows.get(0).get("rows")).isEmpty();
  }

  @Test
  void transact_serverDatabase_deleteRefused() {
    JsonNode r = client.transact("_Server", "[{'op':'delete','table':'Database','where':[]}]");
    assertThat(r.get(0).get("error").asText()).isEqualTo("not allowed");
  }

  @Test
  void echo_returnsParams() {
    assertThat(client.call("echo", "[1,'a',{'b':[]}]")).isEqualTo(json("[1,'a',{'b':[]}]"));
  }

  @Test
  void unknownMethod_repliesUnknownMethod() {
    assertThat(client.callError("frobnicate", "[]")).isEqualTo(json("'unknown method'"));
  }

  @Test
  void getServerId_isStableUuid() {
    JsonNode a = client.call("get_server_id", "[]");
    try (TestClient other = server.client()) {
      assertThat(other.call("get_server_id", "[]")).isEqualTo(a);
    }
    assertThat(a.asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  void setDbChangeAware_repliesEmptyObject() {
    assertThat(client.call("set_db_change_aware", "[true]")).isEqualTo(json("{}"));
  }
}
