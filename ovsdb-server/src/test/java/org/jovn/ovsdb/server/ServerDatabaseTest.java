package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestClient.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.rpc.Notification;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The _Server database: one Database row per served database, readable and monitorable. */
class ServerDatabaseTest {
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

  private Map<String, JsonNode> databaseRows() {
    JsonNode rows = client.transact("_Server", "[{'op':'select','table':'Database','where':[]}]")
        .get(0).get("rows");
    Map<String, JsonNode> byName = new HashMap<>();
    rows.forEach(r -> byName.put(r.get("name").asText(), r));
    return byName;
  }

  @Test
  void select_hasRowPerDatabase_standaloneConnectedLeader() {
    Map<String, JsonNode> rows = databaseRows();
    assertThat(rows).containsOnlyKeys("OVN_Northbound", "_Server");
    for (JsonNode r : rows.values()) {
      assertThat(r.get("model").asText()).isEqualTo("standalone");
      assertThat(r.get("connected").asBoolean()).isTrue();
      assertThat(r.get("leader").asBoolean()).isTrue();
      assertThat(r.get("cid")).isEqualTo(json("['set',[]]"));
      assertThat(r.get("sid")).isEqualTo(json("['set',[]]"));
      assertThat(r.get("index")).isEqualTo(json("['set',[]]"));
    }
    JsonNode schema = TestClient.json(rows.get("OVN_Northbound").get("schema").asText());
    assertThat(schema).isEqualTo(
        TestClient.normalized(DatabaseSchema.bundled("ovn-nb").json()));
    assertThat(TestClient.json(rows.get("_Server").get("schema").asText()).get("name").asText())
        .isEqualTo("_Server");
  }

  @Test
  void monitorCond_initialContentsAndNewDatabase() {
    JsonNode initial = client.call("monitor_cond", "['_Server','s',{'Database':"
        + "[{'columns':['name','model','connected','leader']}]}]");
    JsonNode rows = initial.get("Database");
    assertThat(rows).hasSize(2);
    rows.forEach(r -> assertThat(r.get("initial").get("model").asText())
        .isEqualTo("standalone"));

    // Serving another database adds its row, and monitors hear of it.
    DatabaseSchema sb = DatabaseSchema.bundled("ovn-sb");
    server.server.addDatabase(new DatabaseEngine(new Database(sb), DatabaseStorage.none(),
        ServerConfig.defaults().clock(), ServerConfig.defaults().random(), false));
    Notification n = client.next("update2");
    JsonNode inserted = n.params().get(1).get("Database").elements().next().get("insert");
    assertThat(inserted.get("name").asText()).isEqualTo("OVN_Southbound");
    assertThat(inserted.get("leader").asBoolean()).isTrue();
    assertThat(client.call("list_dbs", "[]"))
        .isEqualTo(json("['OVN_Northbound','OVN_Southbound','_Server']"));
  }

  @Test
  void transact_serverDatabaseUpdate_notAllowed() {
    JsonNode r = client.transact("_Server", "[{'op':'update','table':'Database',"
        + "'where':[['name','==','OVN_Northbound']],'row':{'leader':false}}]");
    assertThat(r.get(0).get("error").asText()).isEqualTo("not allowed");
    assertThat(databaseRows().get("OVN_Northbound").get("leader").asBoolean()).isTrue();
  }
}
