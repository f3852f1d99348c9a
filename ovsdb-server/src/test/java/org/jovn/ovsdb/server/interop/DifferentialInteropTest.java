// Real peers: the real ovsdb-server (Open vSwitch 3.1, Debian openvswitch-switch) as the reference
// and ovsdb-client as the client: the same transactions against it and against jovn.
package org.jovn.ovsdb.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: a script of OVN_Northbound transactions, successes and each kind of
 * failure, gets the same replies (row UUIDs renumbered, error details left out) from jovn as
 * from the real ovsdb-server.
 */
class DifferentialInteropTest {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** Each line one transaction's operations (the database name is prepended). */
  private static final List<String> SCRIPT = List.of(
      "{'op':'insert','table':'Logical_Switch','uuid-name':'ls','row':{'name':'sw0',"
          + "'ports':['named-uuid','p1']}},"
          + "{'op':'insert','table':'Logical_Switch_Port','uuid-name':'p1','row':{'name':'p1',"
          + "'addresses':['set',['0a:00:00:00:00:01 10.0.0.1']]}}",
      "{'op':'select','table':'Logical_Switch','where':[],'columns':['name','ports']}",
      "{'op':'select','table':'Logical_Switch_Port','where':[['name','==','p1']],"
          + "'columns':['name','addresses','enabled','tag']}",
      // Duplicate index value.
      "{'op':'insert','table':'Logical_Switch_Port','row':{'name':'p1'}}",
      // An unreferenced non-root row is garbage collected; the insert still succeeds.
      "{'op':'insert','table':'Logical_Switch_Port','row':{'name':'orphan'}}",
      "{'op':'select','table':'Logical_Switch_Port','where':[],'columns':['name']}",
      "{'op':'update','table':'Logical_Switch','where':[['name','==','nope']],"
          + "'row':{'other_config':['map',[['a','b']]]}}",
      "{'op':'mutate','table':'Logical_Switch','where':[['name','==','sw0']],"
          + "'mutations':[['external_ids','insert',['map',[['k1','v1'],['k2','v2']]]]]},"
          + "{'op':'mutate','table':'Logical_Switch','where':[],"
          + "'mutations':[['external_ids','delete',['set',['k1']]]]},"
          + "{'op':'select','table':'Logical_Switch','where':[],'columns':['external_ids']}",
      // Out of range integer, wrong type, unknown column, unknown table.
      "{'op':'insert','table':'ACL','row':{'priority':70000,'direction':'to-lport',"
          + "'match':'1','action':'drop'}}",
      "{'op':'insert','table':'Logical_Switch','row':{'name':42}}",
      "{'op':'insert','table':'Logical_Switch','row':{'nosuch':'x'}}",
      "{'op':'select','table':'No_Such_Table','where':[]}",
      // Enum violation, and a mutation that leaves an integer out of range.
      "{'op':'insert','table':'ACL','row':{'priority':1,'direction':'sideways','match':'1',"
          + "'action':'drop'}}",
      // Referential integrity: a strong reference to a row that does not exist.
      "{'op':'update','table':'Logical_Switch','where':[],"
          + "'row':{'ports':['uuid','12345678-1234-1234-1234-123456789012']}}",
      // maxRows: NB_Global holds at most one row.
      "{'op':'insert','table':'NB_Global','row':{}},{'op':'insert','table':'NB_Global','row':{}}",
      "{'op':'wait','table':'Logical_Switch','timeout':0,'where':[],'columns':['name'],"
          + "'until':'==','rows':[{'name':'other'}]}",
      "{'op':'wait','table':'Logical_Switch','timeout':0,'where':[],'columns':['name'],"
          + "'until':'==','rows':[{'name':'sw0'}]},{'op':'comment','comment':'ok'},"
          + "{'op':'assert','lock':'nolock'}",
      "{'op':'delete','table':'Logical_Switch','where':[['name','==','sw0']]},{'op':'abort'}",
      "{'op':'select','table':'Logical_Switch','where':[['name','includes','sw0']],"
          + "'columns':['name']},"
          + "{'op':'select','table':'Logical_Switch','where':[['external_ids','includes',"
          + "['map',[['k2','v2']]]]],'columns':['name']},"
          + "{'op':'select','table':'Logical_Switch_Port','where':[['tag','==',['set',[]]]],"
          + "'columns':['name']}",
      "{'op':'delete','table':'Logical_Switch','where':[['name','==','sw0']]},"
          + "{'op':'select','table':'Logical_Switch_Port','where':[],'columns':['name']}");

  @TempDir Path dir;
  private JovnServer jovn;
  private Daemon real;

  @BeforeEach
  void setUp() throws Exception {
    RealTools.assumeInteropEnabled();
    jovn = JovnServer.start(dir.resolve("jovn"), "nb", "ovn-nb");
    Path schema = dir.resolve("ovn-nb.ovsschema");
    Files.writeString(schema, Json.write(DatabaseSchema.bundled("ovn-nb").json()));
    Path db = dir.resolve("real.db");
    RealTools.run("ovsdb-tool", "create", db.toString(), schema.toString()).check();
    real = Daemon.start("ovsdb-server", dir, dir.resolve("real.log"), Map.of(),
        "ovsdb-server", "--remote=punix:" + dir.resolve("real.sock"),
        "--unixctl=" + dir.resolve("real.ctl"), "--pidfile=" + dir.resolve("real.pid"),
        "--log-file=" + dir.resolve("real.log"), db.toString());
    RealTools.waitUntil(Duration.ofSeconds(30), () -> RealTools.run("ovsdb-client",
        "--timeout=5", "list-dbs", realRemote()).ok(), real::logs);
  }

  @AfterEach
  void tearDown() {
    if (real != null) {
      real.close();
    }
    if (jovn != null) {
      jovn.close();
    }
  }

  private String realRemote() {
    return "unix:" + dir.resolve("real.sock");
  }

  private static JsonNode transact(String remote, String ops) {
    String txn = "[\"OVN_Northbound\"," + ops.replace('\'', '"') + "]";
    RealTools.Result r = RealTools.run("ovsdb-client", "--timeout=20", "transact", remote, txn);
    // ovsdb-client exits non-zero when an operation failed but still prints the reply.
    assertThat(r.stdout()).as(r::toString).isNotBlank();
    return Json.parse(r.stdout());
  }

  @Test
  void sameScript_sameReplies() {
    Map<String, String> realIds = new HashMap<>();
    Map<String, String> jovnIds = new HashMap<>();
    int failed = 0;
    for (String ops : SCRIPT) {
      JsonNode expected = normalize(transact(realRemote(), ops), realIds);
      JsonNode actual = normalize(transact(jovn.unix(), ops), jovnIds);
      assertThat(actual).as("reply to %s", ops).isEqualTo(expected);
      failed += expected.findValues("error").isEmpty() ? 0 : 1;
    }
    // The script exercises failures, not only successes.
    assertThat(failed).isGreaterThanOrEqualTo(10);
  }

  /** Renumbers UUIDs in order of appearance and keeps only the "error" of failed operations. */
  private static JsonNode normalize(JsonNode reply, Map<String, String> ids) {
    String text = Json.write(reply);
    Matcher m = UUID.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, ids.computeIfAbsent(m.group(), k -> "uuid-" + ids.size()));
    }
    m.appendTail(b);
    JsonNode node = Json.parse(b.toString());
    if (node instanceof ArrayNode array) {
      for (JsonNode op : array) {
        if (op instanceof ObjectNode o && o.has("error")) {
          for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            if (!it.next().equals("error")) {
              it.remove();
            }
          }
        }
      }
    }
    return node;
  }
}
