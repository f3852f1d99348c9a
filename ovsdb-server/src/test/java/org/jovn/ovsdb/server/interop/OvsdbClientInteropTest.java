// Real peers: ovsdb-client and ovsdb-tool (Open vSwitch 3.1, Debian openvswitch-common) against
// jovn's server and the database files it writes.
package org.jovn.ovsdb.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.server.RawClient;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic OVSDB client and the offline tool on jovn's server and files. */
class OvsdbClientInteropTest {
  private static final String NB = "OVN_Northbound";

  @TempDir Path dir;
  private JovnServer server;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    RealTools.assumeInteropEnabled();
    server = JovnServer.start(dir, "nb", "ovn-nb");
    toClose.add(server);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : toClose.reversed()) {
      c.close();
    }
  }

  private static String client(String... args) {
    List<String> command = new ArrayList<>(List.of("ovsdb-client", "--timeout=20"));
    command.addAll(Arrays.asList(args));
    return RealTools.run(command.toArray(String[]::new)).check().stdout();
  }

  private static String tool(String... args) {
    List<String> command = new ArrayList<>(List.of("ovsdb-tool"));
    command.addAll(Arrays.asList(args));
    return RealTools.run(command.toArray(String[]::new)).check().stdout();
  }

  private static String insertSwitch(String name, String owner) {
    return "[\"OVN_Northbound\",{\"op\":\"insert\",\"table\":\"Logical_Switch\",\"row\":{"
        + "\"name\":\"" + name + "\",\"external_ids\":[\"map\",[[\"owner\",\"" + owner + "\"]]]}}]";
  }

  @Test
  void listDbs_listsServedDatabases() {
    assertThat(client("list-dbs", server.unix()).lines()).contains(NB, "_Server");
    assertThat(client("list-dbs", server.tcp()).lines()).contains(NB);
  }

  @Test
  void getSchema_equalsBundledSchema() {
    String schema = client("get-schema", server.unix(), NB);
    // ovsdb-client re-serializes what it receives (sorted, defaults left out), so compare meaning.
    assertThat(meaning(DatabaseSchema.fromJson(Json.parse(schema))))
        .isEqualTo(meaning(DatabaseSchema.bundled("ovn-nb")));
    assertThat(client("get-schema-version", server.unix(), NB).strip())
        .isEqualTo(DatabaseSchema.bundled("ovn-nb").json().get("version").asText());
    assertThat(client("list-tables", server.unix(), NB))
        .contains("Logical_Switch").contains("NB_Global").contains("ACL");
    assertThat(client("list-columns", server.unix(), NB, "Logical_Switch"))
        .contains("ports").contains("external_ids");
  }

  /** Everything a schema says, independent of member order and of defaults being spelled out. */
  private static Map<String, Object> meaning(DatabaseSchema schema) {
    Map<String, Object> tables = new TreeMap<>();
    for (TableSchema t : schema.tables()) {
      Map<String, Object> columns = new TreeMap<>();
      for (ColumnSchema c : t.columns()) {
        columns.put(c.name(), List.of(c.type(), c.ephemeral(), c.mutable()));
      }
      List<List<String>> indexes = t.indexes().stream()
          .map(i -> i.stream().map(ColumnSchema::name).sorted().toList()).toList();
      tables.put(t.name(), List.of(columns, t.maxRows(), t.isRoot(), indexes));
    }
    return Map.of("name", schema.name(), "version", schema.version(), "tables", tables);
  }

  @Test
  void transactAndDump_showTheRow() {
    String reply = client("transact", server.unix(), insertSwitch("sw0", "jovn"));
    assertThat(Json.parse(reply).get(0).get("uuid").get(0).asText()).isEqualTo("uuid");

    String select = client("transact", server.tcp(), "[\"OVN_Northbound\",{\"op\":\"select\","
        + "\"table\":\"Logical_Switch\",\"where\":[[\"name\",\"==\",\"sw0\"]],"
        + "\"columns\":[\"name\",\"external_ids\"]}]");
    assertThat(Json.parse(select)).isEqualTo(Json.parse("[{\"rows\":[{\"name\":\"sw0\","
        + "\"external_ids\":[\"map\",[[\"owner\",\"jovn\"]]]}]}]"));

    String dump = client("dump", server.unix(), NB, "Logical_Switch");
    assertThat(dump).contains("Logical_Switch table").contains("sw0").contains("owner=jovn");

    // A failing operation reports OVSDB's error to the client.
    RealTools.Result bad = RealTools.run("ovsdb-client", "--timeout=20", "transact",
        server.unix(), "[\"OVN_Northbound\",{\"op\":\"insert\",\"table\":\"No_Such_Table\","
            + "\"row\":{}}]");
    assertThat(bad.stdout() + bad.stderr()).as(bad::toString).contains("No_Such_Table");
  }

  @Test
  void monitor_printsInitialRowsAndLaterChanges() {
    client("transact", server.unix(), insertSwitch("before", "a"));
    Daemon monitor = Daemon.start("monitor", dir, dir.resolve("monitor.out"), Map.of(),
        "ovsdb-client", "monitor", server.unix(), NB, "Logical_Switch", "name", "external_ids",
        "--format=csv");
    toClose.add(monitor);
    Path out = dir.resolve("monitor.out");
    RealTools.waitUntil(Duration.ofSeconds(30), () -> RealTools.readOrNote(out).contains("before"),
        monitor::logs);

    client("transact", server.unix(), insertSwitch("after", "b"));
    RealTools.waitUntil(Duration.ofSeconds(30), () -> RealTools.readOrNote(out).contains("after"),
        monitor::logs);
    client("transact", server.unix(), "[\"OVN_Northbound\",{\"op\":\"delete\","
        + "\"table\":\"Logical_Switch\",\"where\":[[\"name\",\"==\",\"before\"]]}]");
    RealTools.waitUntil(Duration.ofSeconds(30),
        () -> RealTools.readOrNote(out).lines().anyMatch(l -> l.contains("delete")
            && l.contains("before")), monitor::logs);

    String text = RealTools.readOrNote(out);
    assertThat(text).as(text).contains("initial").contains("insert").contains("owner=b");
    assertThat(monitor.isAlive()).as(monitor::logs).isTrue();
  }

  @Test
  void serverDatabase_monitorAndWait() {
    String dbs = RealTools.run(Duration.ofSeconds(5), List.of("ovsdb-client", "monitor",
        server.unix(), "_Server", "Database", "name", "model", "connected", "leader",
        "--format=csv")).stdout();
    assertThat(dbs).contains(",initial,OVN_Northbound,standalone,true,true")
        .contains(",initial,_Server,standalone,true,true");
    assertThat(client("wait", server.unix(), NB, "connected")).isEmpty();
  }

  @Test
  void lock_queuedClientGetsLockWhenHolderGoes_andStealTakesIt() {
    Daemon first = lockClient("first", "lock");
    RealTools.waitUntil(Duration.ofSeconds(30),
        () -> RealTools.readOrNote(dir.resolve("first.out")).contains("{\"locked\":true}"),
        first::logs);
    Daemon second = lockClient("second", "lock");
    // Only once the first holder has gone does the queued second client get the lock.
    first.close();
    RealTools.waitUntil(Duration.ofSeconds(30),
        () -> RealTools.readOrNote(dir.resolve("second.out")).contains("{\"locked\":true}"),
        second::logs);

    Daemon thief = lockClient("thief", "steal");
    RealTools.waitUntil(Duration.ofSeconds(30),
        () -> RealTools.readOrNote(dir.resolve("thief.out")).contains("{\"locked\":true}"),
        thief::logs);
    RealTools.waitUntil(Duration.ofSeconds(30),
        () -> RealTools.readOrNote(dir.resolve("second.out")).contains("stolen"),
        second::logs);
  }

  private Daemon lockClient(String name, String method) {
    Daemon d = Daemon.start(name, dir, dir.resolve(name + ".out"), Map.of(),
        "ovsdb-client", method, server.unix(), "jovn-test-lock");
    toClose.add(d);
    return d;
  }

  @Test
  void backup_restoresIntoJovnAndIsReadableByOvsdbTool() throws Exception {
    client("transact", server.unix(), insertSwitch("sw0", "x"));
    client("transact", server.unix(), insertSwitch("sw1", "y"));
    String before = client("dump", server.unix(), NB, "Logical_Switch", "name", "external_ids");

    Path backup = dir.resolve("backup.db");
    Files.writeString(backup, client("backup", server.unix(), NB));
    assertThat(tool("db-name", backup.toString()).strip()).isEqualTo(NB);
    assertThat(tool("query", backup.toString(), "[\"OVN_Northbound\",{\"op\":\"select\","
        + "\"table\":\"Logical_Switch\",\"where\":[],\"columns\":[\"name\"]}]"))
        .contains("sw0").contains("sw1");

    // The backup file, served by jovn as it is.
    Path copy = Files.createDirectories(dir.resolve("served"));
    try (JovnServer served = JovnServer.serve(copy, "copy", List.of(backup))) {
      assertThat(client("dump", served.unix(), NB, "Logical_Switch", "name", "external_ids"))
          .isEqualTo(before);
    }

    // The backup restored by ovsdb-client into an empty jovn database.
    try (JovnServer fresh = JovnServer.start(dir.resolve("fresh"), "fresh", "ovn-nb")) {
      // ovsdb-client seeks in its input: give it the file itself as stdin.
      RealTools.run("sh", "-c", "exec ovsdb-client --timeout=20 restore \"$1\" \"$2\" < \"$3\"",
          "sh", fresh.unix(), NB, backup.toString()).check();
      assertThat(client("dump", fresh.unix(), NB, "Logical_Switch", "name", "external_ids"))
          .isEqualTo(before);
    }
  }

  @Test
  void ovsdbTool_readsTheFileJovnWrote() throws Exception {
    Path dbDir = dir.resolve("written");
    try (JovnServer s = JovnServer.start(dbDir, "w", "ovn-nb")) {
      client("transact", s.unix(), insertSwitch("sw0", "x"));
      client("transact", s.unix(), "[\"OVN_Northbound\",{\"op\":\"update\","
          + "\"table\":\"Logical_Switch\",\"where\":[[\"name\",\"==\",\"sw0\"]],"
          + "\"row\":{\"name\":\"sw0-renamed\"}},{\"op\":\"comment\",\"comment\":\"rename\"}]");
    }
    String file = dbDir.resolve("w-ovn-nb.db").toString();

    assertThat(tool("db-name", file).strip()).isEqualTo(NB);
    assertThat(tool("db-version", file).strip())
        .isEqualTo(DatabaseSchema.bundled("ovn-nb").json().get("version").asText());
    assertThat(tool("db-is-standalone", file)).isEmpty();
    String log = tool("show-log", file);
    assertThat(log).contains("record 0:").contains("\"OVN_Northbound\" schema")
        .contains("record 2:").contains("rename");
    String verbose = tool("-mm", "show-log", file);
    assertThat(verbose).contains("sw0-renamed");
    assertThat(tool("query", file, "[\"OVN_Northbound\",{\"op\":\"select\","
        + "\"table\":\"Logical_Switch\",\"where\":[],\"columns\":[\"name\"]}]"))
        .contains("sw0-renamed");

    // ovsdb-tool can compact it, and jovn still serves the result.
    tool("compact", file);
    try (JovnServer s = JovnServer.serve(dbDir, "again", List.of(Path.of(file)))) {
      assertThat(client("dump", s.unix(), NB, "Logical_Switch", "name"))
          .contains("sw0-renamed");
    }
  }

  @Test
  void convert_realClientConvertsServedDatabase_monitorsEndAndFileHoldsNewSchema()
      throws Exception {
    client("transact", server.unix(), insertSwitch("sw0", "jovn"));
    ObjectNode schema = (ObjectNode) DatabaseSchema.bundled("ovn-nb").json().deepCopy();
    schema.put("version", "99.0.0");
    ((ObjectNode) schema.get("tables").get("Logical_Switch").get("columns"))
        .putObject("jovn_extra").put("type", "string");
    Path schemaFile = dir.resolve("new.ovsschema");
    Files.writeString(schemaFile, schema.toString());
    int port = Integer.parseInt(server.tcp().substring(server.tcp().lastIndexOf(':') + 1));
    try (RawClient aware = new RawClient(port); RawClient unaware = new RawClient(port)) {
      aware.send("{'id':1,'method':'set_db_change_aware','params':[true]}");
      aware.readResponse("1");
      for (RawClient c : List.of(aware, unaware)) {
        c.send("{'id':2,'method':'monitor_cond','params':['OVN_Northbound','m',"
            + "{'Logical_Switch':[{'columns':['name']}]}]}");
        assertThat(c.readResponse("2").toString()).contains("sw0");
      }

      assertThat(client("needs-conversion", server.unix(), schemaFile.toString()).strip())
          .isEqualTo("yes");
      client("convert", server.unix(), schemaFile.toString());

      JsonNode canceled = aware.read();
      assertThat(canceled.path("method").asText()).isEqualTo("monitor_canceled");
      assertThat(canceled.path("params")).isEqualTo(Json.parse("[\"m\"]"));
      assertThat(unaware.read()).as("a client not aware of database changes is "
          + "disconnected").isNull();
    }
    assertThat(client("get-schema-version", server.unix(), NB).strip()).isEqualTo("99.0.0");
    assertThat(client("needs-conversion", server.unix(), schemaFile.toString()).strip())
        .isEqualTo("no");
    assertThat(client("transact", server.unix(), "[\"OVN_Northbound\",{\"op\":\"select\","
        + "\"table\":\"Logical_Switch\",\"where\":[],\"columns\":[\"name\",\"jovn_extra\"]}]"))
        .contains("\"name\":\"sw0\"").contains("\"jovn_extra\":\"\"");
    // _Server shows the new schema too.
    assertThat(client("transact", server.unix(), "[\"_Server\",{\"op\":\"select\","
        + "\"table\":\"Database\",\"where\":[[\"name\",\"==\",\"OVN_Northbound\"]],"
        + "\"columns\":[\"schema\"]}]")).contains("99.0.0");

    // A schema for another database is refused with ovsdb-server's error (the real
    // ovsdb-client cannot send that: it crashes on it), and nothing changes.
    ObjectNode other = schema.deepCopy();
    other.put("name", "Other");
    try (RawClient c = new RawClient(port)) {
      c.send("{'id':3,'method':'convert','params':['OVN_Northbound'," + other.toString()
          .replace('"', '\'') + "]}");
      JsonNode error = c.readResponse("3").get("error");
      assertThat(error.get("error").asText()).isEqualTo("invalid parameters");
      assertThat(error.get("details").asText()).isEqualTo(
          "new schema name (Other) does not match database name (OVN_Northbound)");
    }
    // Data that does not fit the new schema fails the conversion; nothing changes.
    ObjectNode narrow = schema.deepCopy();
    narrow.put("version", "100.0.0");
    ((ObjectNode) narrow.get("tables").get("Logical_Switch").get("columns"))
        .putObject("name").putObject("type").putObject("key").put("type", "string")
        .put("maxLength", 2);
    try (RawClient c = new RawClient(port)) {
      c.send("{'id':4,'method':'convert','params':['OVN_Northbound'," + narrow.toString()
          .replace('"', '\'') + "]}");
      JsonNode error = c.readResponse("4").get("error");
      assertThat(error.get("error").asText()).isEqualTo("constraint violation");
      assertThat(error.get("details").asText()).contains("sw0");
    }
    assertThat(client("get-schema-version", server.unix(), NB).strip()).isEqualTo("99.0.0");

    // The file now holds the new schema: the real ovsdb-tool reads it, and jovn reopens it.
    server.close();
    String file = dir.resolve("nb-ovn-nb.db").toString();
    assertThat(tool("db-version", file).strip()).isEqualTo("99.0.0");
    try (JovnServer s = JovnServer.serve(dir, "again", List.of(Path.of(file)))) {
      assertThat(client("get-schema-version", s.unix(), NB).strip()).isEqualTo("99.0.0");
      assertThat(client("dump", s.unix(), NB, "Logical_Switch", "name")).contains("sw0");
    }
  }

}
