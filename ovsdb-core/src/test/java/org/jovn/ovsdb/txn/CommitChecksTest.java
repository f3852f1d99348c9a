package org.jovn.ovsdb.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.Fixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.Fixtures.Db;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.Test;

/**
 * Commit-time checks and consequences: referential integrity, garbage collection, weak
 * references, unique indexes and row limits, with ovsdb-server 3.1's results.
 */
class CommitChecksTest {
  private static final String GHOST = "11111111-1111-1111-1111-111111111111";

  private final Db nb = new Db(DatabaseSchema.bundled("ovn-nb"));
  private final Db t = new Db(Fixtures.testSchema());

  private static String lastError(JsonNode results) {
    return results.get(results.size() - 1).path("error").asText(null);
  }

  private UUID switchWithPorts(String... ports) {
    StringBuilder ops = new StringBuilder("[{'op':'insert','table':'Logical_Switch',"
        + "'row':{'name':'sw','ports':['set',[");
    for (int i = 0; i < ports.length; i++) {
      ops.append(i > 0 ? "," : "").append("['named-uuid','p").append(i).append("']");
    }
    ops.append("]]}}");
    for (int i = 0; i < ports.length; i++) {
      ops.append(",{'op':'insert','table':'Logical_Switch_Port','uuid-name':'p").append(i)
          .append("','row':{'name':'").append(ports[i]).append("'}}");
    }
    JsonNode r = nb.transact(ops.append("]").toString());
    assertThat(r).hasSize(1 + ports.length);
    return nb.uuid(r, 0);
  }

  @Test
  void strongRef_toNonexistentRow_referentialIntegrityViolation() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'kids':['uuid','" + GHOST
        + "']}}]");
    assertThat(r).hasSize(2);
    assertThat(lastError(r)).isEqualTo("referential integrity violation");
    assertThat(t.db.totalRows()).isZero();
  }

  @Test
  void strongRef_fromUnreferencedNonRootRow_stillViolation() {
    // ovsdb-server checks references before it collects garbage.
    JsonNode r = t.transact("[{'op':'insert','table':'Child','row':{'child':['uuid','" + GHOST
        + "']}}]");
    assertThat(lastError(r)).isEqualTo("referential integrity violation");
  }

  @Test
  void strongRef_toNamedUuidNeverInserted_violation() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'name':'z',"
        + "'kids':['named-uuid','ghost']}}]");
    assertThat(lastError(r)).isEqualTo("referential integrity violation");
  }

  @Test
  void deleteStronglyReferencedRow_fails() {
    UUID sw = switchWithPorts("a");
    JsonNode r = nb.transact("[{'op':'delete','table':'Logical_Switch_Port','where':[]}]");
    assertThat(r.get(0)).isEqualTo(json("{'count':1}"));
    assertThat(lastError(r)).isEqualTo("referential integrity violation");
    assertThat(nb.db.rowCount("Logical_Switch_Port")).isEqualTo(1);
    assertThat(nb.row("Logical_Switch", sw)).isNotNull();
  }

  @Test
  void deleteReferencedRow_whoseReferrerBecomesGarbage_failsLikeOvsdbServer() {
    t.transact("[{'op':'insert','table':'Child','uuid-name':'x','row':{'name':'x'}},"
        + "{'op':'insert','table':'Child','uuid-name':'y','row':{'name':'y',"
        + "'child':['named-uuid','x']}},"
        + "{'op':'insert','table':'Root','row':{'name':'r','kids':['named-uuid','y']}}]");
    JsonNode r = t.transact("[{'op':'delete','table':'Root','where':[]},"
        + "{'op':'delete','table':'Child','where':[['name','==','x']]}]");
    assertThat(lastError(r)).isEqualTo("referential integrity violation");
    assertThat(t.db.rowCount("Child")).isEqualTo(2);
  }

  @Test
  void gc_unreferencedInsertedNonRootRow_disappears() {
    JsonNode r = nb.transact("[{'op':'insert','table':'Logical_Switch_Port',"
        + "'row':{'name':'orphan'}}]");
    assertThat(r).hasSize(1);
    assertThat(r.get(0).has("uuid")).isTrue();
    assertThat(nb.db.rowCount("Logical_Switch_Port")).isZero();
    assertThat(nb.lastChanges.isEmpty()).isTrue();
  }

  @Test
  void gc_removingPortFromSwitch_deletesPort() {
    UUID sw = switchWithPorts("a", "b");
    UUID a = nb.db.rows("Logical_Switch_Port").stream()
        .filter(p -> p.get(p.table().column("name")).first().equals("a")).findFirst()
        .orElseThrow().uuid();
    nb.transact("[{'op':'mutate','table':'Logical_Switch','where':[],"
        + "'mutations':[['ports','delete',['uuid','" + a + "']]]}]");
    assertThat(nb.row("Logical_Switch_Port", a)).isNull();
    assertThat(nb.db.rowCount("Logical_Switch_Port")).isEqualTo(1);
    assertThat(nb.lastChanges.tables().get("Logical_Switch_Port").get(a).isDelete()).isTrue();
    assertThat(nb.row("Logical_Switch", sw)).isNotNull();
  }

  @Test
  void gc_deletingSwitch_cascadesToPorts() {
    switchWithPorts("a", "b");
    nb.transact("[{'op':'delete','table':'Logical_Switch','where':[]}]");
    assertThat(nb.db.rowCount("Logical_Switch_Port")).isZero();
    assertThat(nb.db.totalRows()).isZero();
  }

  @Test
  void gc_cascadesThroughChainOfNonRootRows() {
    t.transact("[{'op':'insert','table':'Child','uuid-name':'x','row':{'name':'x'}},"
        + "{'op':'insert','table':'Child','uuid-name':'y','row':{'name':'y',"
        + "'child':['named-uuid','x']}},"
        + "{'op':'insert','table':'Root','row':{'name':'r','kids':['named-uuid','y']}}]");
    assertThat(t.db.rowCount("Child")).isEqualTo(2);
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'kids':['set',[]]}}]");
    assertThat(t.db.rowCount("Child")).isZero();
    assertThat(t.lastChanges.tables().get("Child")).hasSize(2);
  }

  @Test
  void gc_rowStillReferencedElsewhere_survives() {
    t.transact("[{'op':'insert','table':'Child','uuid-name':'x','row':{'name':'x'}},"
        + "{'op':'insert','table':'Root','row':{'name':'r1','kids':['named-uuid','x']}},"
        + "{'op':'insert','table':'Root','row':{'name':'r2','kids':['named-uuid','x']}}]");
    t.transact("[{'op':'delete','table':'Root','where':[['name','==','r1']]}]");
    assertThat(t.db.rowCount("Child")).isEqualTo(1);
    t.transact("[{'op':'delete','table':'Root','where':[['name','==','r2']]}]");
    assertThat(t.db.rowCount("Child")).isZero();
  }

  @Test
  void weakRef_targetDeleted_referenceRemoved() {
    JsonNode r = t.transact("[{'op':'insert','table':'Target','uuid-name':'t1','row':{}},"
        + "{'op':'insert','table':'Target','uuid-name':'t2','row':{}},"
        + "{'op':'insert','table':'Root','row':{'name':'r','weak':['set',"
        + "[['named-uuid','t1'],['named-uuid','t2']]]}}]");
    UUID t2 = t.uuid(r, 1);
    UUID root = t.uuid(r, 2);
    t.transact("[{'op':'delete','table':'Target','where':[['_uuid','==',"
        + r.get(0).get("uuid") + "]]}]");
    Row row = t.row("Root", root);
    assertThat(row.get(row.table().column("weak"))).isEqualTo(Datum.of(t2));
    assertThat(t.lastChanges.tables()).containsKeys("Target", "Root");
  }

  @Test
  void weakRef_toNonexistentRow_droppedAtCommit() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'name':'z','weak':['uuid','"
        + GHOST + "']}},{'op':'select','table':'Root','where':[],'columns':['weak']}]");
    assertThat(r.get(1).get("rows").get(0).get("weak"))
        .as("inside the transaction the reference is still there")
        .isEqualTo(json("['uuid','" + GHOST + "']"));
    Row row = t.row("Root", t.uuid(r, 0));
    assertThat(row.get(row.table().column("weak")).isEmpty()).isTrue();
  }

  @Test
  void weakRef_removalBelowMin_constraintViolation() {
    t.transact("[{'op':'insert','table':'Target','uuid-name':'t','row':{'name':'t'}},"
        + "{'op':'insert','table':'Holder','row':{'target':['named-uuid','t']}}]");
    JsonNode r = t.transact("[{'op':'delete','table':'Target','where':[]}]");
    assertThat(r).hasSize(2);
    assertThat(lastError(r)).isEqualTo("constraint violation");
    assertThat(t.db.rowCount("Target")).isEqualTo(1);
  }

  @Test
  void weakRef_holderDeletedTogetherWithTarget_ok() {
    t.transact("[{'op':'insert','table':'Target','uuid-name':'t','row':{'name':'t'}},"
        + "{'op':'insert','table':'Holder','row':{'target':['named-uuid','t']}}]");
    JsonNode r = t.transact("[{'op':'delete','table':'Target','where':[]},"
        + "{'op':'delete','table':'Holder','where':[]}]");
    assertThat(r).hasSize(2);
    assertThat(t.db.totalRows()).isZero();
  }

  @Test
  void index_duplicateNameInserted_constraintViolation() {
    switchWithPorts("a");
    JsonNode r = nb.transact("[{'op':'insert','table':'Logical_Switch','row':{'name':'sw2',"
        + "'ports':['named-uuid','p']}},"
        + "{'op':'insert','table':'Logical_Switch_Port','uuid-name':'p','row':{'name':'a'}}]");
    assertThat(r).hasSize(3);
    assertThat(lastError(r)).isEqualTo("constraint violation");
    assertThat(r.get(2).get("details").asText()).contains("Logical_Switch_Port");
  }

  @Test
  void index_duplicateWithinOneTxn_constraintViolation() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}},"
        + "{'op':'insert','table':'Root','row':{'name':'a'}}]");
    assertThat(lastError(r)).isEqualTo("constraint violation");
  }

  @Test
  void index_swapNamesInOneTxn_allowed() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a','i':1}},"
        + "{'op':'insert','table':'Root','row':{'name':'b','i':2}}]");
    JsonNode r = t.transact("[{'op':'update','table':'Root','where':[['i','==',1]],"
        + "'row':{'name':'b'}},{'op':'update','table':'Root','where':[['i','==',2]],"
        + "'row':{'name':'a'}}]");
    assertThat(r).hasSize(2);
    assertThat(t.lastChanges.size()).isEqualTo(2);
    JsonNode again = t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}}]");
    assertThat(lastError(again)).isEqualTo("constraint violation");
  }

  @Test
  void index_reuseNameOfDeletedRow_allowed() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}}]");
    JsonNode r = t.transact("[{'op':'delete','table':'Root','where':[]},"
        + "{'op':'insert','table':'Root','row':{'name':'a'}}]");
    assertThat(r).hasSize(2);
    assertThat(t.db.rowCount("Root")).isEqualTo(1);
  }

  @Test
  void maxRows_exceeded_constraintViolation_atLimit_ok() {
    JsonNode ok = t.transact("[{'op':'insert','table':'Limited','row':{}},"
        + "{'op':'insert','table':'Limited','row':{}}]");
    assertThat(ok).hasSize(2);
    JsonNode r = t.transact("[{'op':'insert','table':'Limited','row':{}}]");
    assertThat(lastError(r)).isEqualTo("constraint violation");
    JsonNode swap = t.transact("[{'op':'delete','table':'Limited','where':[['x','==',0]]},"
        + "{'op':'insert','table':'Limited','row':{'x':1}}]");
    assertThat(swap).hasSize(2);
    assertThat(t.db.rowCount("Limited")).isEqualTo(1);
  }

  @Test
  void maxRows_nbGlobalSingleRow() {
    nb.transact("[{'op':'insert','table':'NB_Global','row':{}}]");
    JsonNode r = nb.transact("[{'op':'insert','table':'NB_Global','row':{}}]");
    assertThat(lastError(r)).isEqualTo("constraint violation");
  }

  @Test
  void refCounts_trackedAcrossCommits() {
    UUID sw = switchWithPorts("a");
    UUID port = (UUID) nb.row("Logical_Switch", sw)
        .get(nb.db.schema().table("Logical_Switch").column("ports")).first();
    assertThat(nb.db.strongRefCount(port)).isEqualTo(1);
    nb.transact("[{'op':'delete','table':'Logical_Switch','where':[]}]");
    assertThat(nb.db.strongRefCount(port)).isZero();
  }
}
