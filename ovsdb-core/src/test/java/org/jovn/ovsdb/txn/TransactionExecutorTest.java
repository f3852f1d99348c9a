package org.jovn.ovsdb.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.Fixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Random;
import java.util.UUID;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.Fixtures.Db;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.Test;

/** Operations of "transact" and the shape of its results, checked against ovsdb-server 3.1. */
class TransactionExecutorTest {
  private static final String U1 = "7d2c3f55-74e8-4780-b178-be82a66f77e6";

  private final Db t = new Db(Fixtures.testSchema());

  private static String error(JsonNode results, int i) {
    return results.get(i).path("error").asText(null);
  }

  @Test
  void insert_returnsUuid_andRowHasDefaults() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'name':'a','i':5}}]");
    assertThat(r).hasSize(1);
    UUID u = t.uuid(r, 0);
    Row row = t.row("Root", u);
    assertThat(row.get(row.table().column("i")).first()).isEqualTo(5L);
    assertThat(row.get(row.table().column("r")).first()).isEqualTo(0.0);
    assertThat(row.get(row.table().column("s")).isEmpty()).isTrue();
    assertThat(row.version()).isNotNull();
  }

  @Test
  void insert_uuidMember_choosesUuid() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','uuid':'" + U1 + "','row':{}}]");
    assertThat(r.get(0)).isEqualTo(json("{'uuid':['uuid','" + U1 + "']}"));
    assertThat(t.row("Root", UUID.fromString(U1))).isNotNull();
  }

  @Test
  void insert_uuidAndUuidName_nameBindsToChosenUuid() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','uuid':'" + U1 + "','uuid-name':'x',"
        + "'row':{'name':'q'}},"
        + "{'op':'insert','table':'Child','uuid-name':'c','row':{}},"
        + "{'op':'update','table':'Root','where':[['_uuid','==',['named-uuid','x']]],"
        + "'row':{'kids':['named-uuid','c']}}]");
    assertThat(r.get(2)).isEqualTo(json("{'count':1}"));
    Row root = t.row("Root", UUID.fromString(U1));
    assertThat(root.get(root.table().column("kids")).first()).isEqualTo(t.uuid(r, 1));
  }

  @Test
  void insert_duplicateUuid_fails() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','uuid':'" + U1 + "','row':{}},"
        + "{'op':'insert','table':'Root','uuid':'" + U1 + "','row':{'name':'b'}}]");
    assertThat(error(r, 1)).isEqualTo("duplicate uuid");
    assertThat(t.lastChanges.isEmpty()).isTrue();
    assertThat(t.db.totalRows()).isZero();
  }

  @Test
  void insert_uuidOfRowDeletedInSameTxn_isDuplicate() {
    t.transact("[{'op':'insert','table':'Root','uuid':'" + U1 + "','row':{}}]");
    JsonNode r = t.transact("[{'op':'delete','table':'Root','where':[]},"
        + "{'op':'insert','table':'Root','uuid':'" + U1 + "','row':{}}]");
    assertThat(error(r, 1)).isEqualTo("duplicate uuid");
  }

  @Test
  void insert_badUuid_isSyntaxError() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','uuid':'nonsense','row':{}}]");
    assertThat(error(r, 0)).isEqualTo("syntax error");
  }

  @Test
  void transact_duplicateUuidName_fails() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','uuid-name':'a','row':{'name':'1'}},"
        + "{'op':'insert','table':'Root','uuid-name':'a','row':{'name':'2'}}]");
    assertThat(r.get(0).has("uuid")).isTrue();
    assertThat(error(r, 1)).isEqualTo("duplicate uuid-name");
    assertThat(t.lastChanges.isEmpty()).isTrue();
  }

  @Test
  void insert_uuidNameNotAnIdentifier_isSyntaxError() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','uuid-name':'1bad','row':{}}]");
    assertThat(error(r, 0)).isEqualTo("syntax error");
  }

  @Test
  void insert_forwardNamedUuidReference_resolves() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'kids':['named-uuid','c']}},"
        + "{'op':'insert','table':'Child','uuid-name':'c','row':{'name':'kid'}}]");
    assertThat(r).hasSize(2);
    Row root = t.row("Root", t.uuid(r, 0));
    assertThat(root.get(root.table().column("kids")).first()).isEqualTo(t.uuid(r, 1));
  }

  @Test
  void insert_uuidColumnInRow_isIgnoredLikeOvsdbServer() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'_uuid':['uuid','" + U1
        + "']}}]");
    assertThat(t.uuid(r, 0)).isNotEqualTo(UUID.fromString(U1));
  }

  @Test
  void insert_defaultViolatingConstraint_fails() {
    DatabaseSchema s = DatabaseSchema.fromJson(json("{'name':'d','tables':{'T':{'columns':"
        + "{'e':{'type':{'key':{'type':'string','enum':['set',['x','y']]}}}}}}}"));
    Db d = new Db(s);
    JsonNode r = d.transact("[{'op':'insert','table':'T','row':{}}]");
    assertThat(error(r, 0)).isEqualTo("constraint violation");
    assertThat(d.transact("[{'op':'insert','table':'T','row':{'e':'x'}}]").get(0).has("uuid"))
        .isTrue();
  }

  @Test
  void insert_unknownTable_isSyntaxError_unknownColumn_isUnknownColumn() {
    assertThat(error(t.transact("[{'op':'insert','table':'Nope','row':{}}]"), 0))
        .isEqualTo("syntax error");
    assertThat(error(t.transact("[{'op':'insert','table':'Root','row':{'nope':1}}]"), 0))
        .isEqualTo("unknown column");
  }

  @Test
  void insert_tooManyElements_isSyntaxError_badValue_isConstraintViolation() {
    assertThat(error(t.transact("[{'op':'insert','table':'Root','row':"
        + "{'s':['set',['a','b','c','d']]}}]"), 0)).isEqualTo("syntax error");
    assertThat(error(t.transact("[{'op':'insert','table':'Root','row':{'e':'zzz'}}]"), 0))
        .isEqualTo("constraint violation");
  }

  @Test
  void transact_unknownOperation_isSyntaxError() {
    JsonNode r = t.transact("[{'op':'frob','table':'Root'}]");
    assertThat(error(r, 0)).isEqualTo("syntax error");
  }

  @Test
  void transact_errorSlot_laterSlotsNull_noChanges() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}},"
        + "{'op':'abort'},"
        + "{'op':'insert','table':'Root','row':{'name':'b'}}]");
    assertThat(r).hasSize(3);
    assertThat(r.get(0).has("uuid")).isTrue();
    assertThat(r.get(1)).isEqualTo(json("{'error':'aborted','details':'aborted by request'}"));
    assertThat(r.get(2).isNull()).isTrue();
    assertThat(t.lastChanges.isEmpty()).isTrue();
    assertThat(t.db.totalRows()).isZero();
  }

  @Test
  void transact_commitTimeError_appendedAsExtraElement() {
    JsonNode r = t.transact("[{'op':'insert','table':'Limited','row':{}},"
        + "{'op':'insert','table':'Limited','row':{}},"
        + "{'op':'insert','table':'Limited','row':{}}]");
    assertThat(r).hasSize(4);
    assertThat(error(r, 3)).isEqualTo("constraint violation");
    assertThat(t.db.rowCount("Limited")).isZero();
  }

  @Test
  void transact_noOperations_emptyResults() {
    assertThat(t.transact("[]")).isEqualTo(json("[]"));
  }

  @Test
  void transact_wrongDatabaseName_isErrorObject() {
    TransactionOutcome o = t.executor.execute(json("['other']"), 0, l -> false, false);
    assertThat(o.results().path("error").asText()).isEqualTo("syntax error");
    assertThat(o.hasChanges()).isFalse();
  }

  @Test
  void transact_readOnly_writeNotAllowed_selectAllowed() {
    TransactionOutcome o = t.executor.execute(json("['test',{'op':'select','table':'Root',"
        + "'where':[]},{'op':'insert','table':'Root','row':{}}]"), 0, l -> false, true);
    assertThat(o.results().get(0)).isEqualTo(json("{'rows':[]}"));
    assertThat(o.results().get(1).path("error").asText()).isEqualTo("not allowed");
  }

  @Test
  void select_columnsAndSpecialColumns() {
    JsonNode ins = t.transact("[{'op':'insert','table':'Root','row':{'name':'a','i':1}}]");
    JsonNode r = t.transact("[{'op':'select','table':'Root','where':[],"
        + "'columns':['_uuid','name']}]");
    assertThat(r.get(0)).isEqualTo(json("{'rows':[{'_uuid':" + ins.get(0).get("uuid")
        + ",'name':'a'}]}"));
    JsonNode all = t.transact("[{'op':'select','table':'Root','where':[]}]");
    JsonNode row = all.get(0).get("rows").get(0);
    assertThat(row.has("_uuid")).isTrue();
    assertThat(row.has("_version")).isTrue();
    assertThat(row.get("kids")).isEqualTo(json("['set',[]]"));
    assertThat(row.size()).isEqualTo(2 + t.db.schema().table("Root").columns().size());
  }

  @Test
  void select_unknownColumnInColumns_isSyntaxError() {
    JsonNode r = t.transact("[{'op':'select','table':'Root','where':[],'columns':['nope']}]");
    assertThat(error(r, 0)).isEqualTo("syntax error");
  }

  @Test
  void select_seesOwnInsertsButDoesNotCommitReadOnly() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'name':'x'}},"
        + "{'op':'select','table':'Root','where':[['name','==','x']],'columns':['name']}]");
    assertThat(r.get(1)).isEqualTo(json("{'rows':[{'name':'x'}]}"));
    t.transact("[{'op':'select','table':'Root','where':[]}]");
    assertThat(t.lastOutcome.hasChanges()).isFalse();
  }

  @Test
  void update_setsColumnsAndCounts() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}},"
        + "{'op':'insert','table':'Root','row':{'name':'b'}}]");
    JsonNode r = t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':7}},"
        + "{'op':'select','table':'Root','where':[['i','==',7]],'columns':['name']}]");
    assertThat(r.get(0)).isEqualTo(json("{'count':2}"));
    assertThat(r.get(1).get("rows")).hasSize(2);
  }

  @Test
  void update_immutableColumn_constraintViolation() {
    t.transact("[{'op':'insert','table':'Root','row':{'imm':'x'}}]");
    JsonNode r = t.transact("[{'op':'update','table':'Root','where':[],'row':{'imm':'y'}}]");
    assertThat(r.get(0)).isEqualTo(json("{'error':'constraint violation','details':"
        + "'Cannot update immutable column imm in table Root.'}"));
    JsonNode v = t.transact("[{'op':'update','table':'Root','where':[],"
        + "'row':{'_version':['uuid','" + U1 + "']}}]");
    assertThat(error(v, 0)).isEqualTo("constraint violation");
  }

  @Test
  void update_identicalValues_recordsNoChangeAndKeepsVersion() {
    JsonNode ins = t.transact("[{'op':'insert','table':'Root','row':{'name':'a','i':5}}]");
    UUID version = t.row("Root", t.uuid(ins, 0)).version();
    JsonNode r = t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':5}}]");
    assertThat(r.get(0)).isEqualTo(json("{'count':1}"));
    assertThat(t.lastChanges.isEmpty()).isTrue();
    assertThat(t.row("Root", t.uuid(ins, 0)).version()).isEqualTo(version);
  }

  @Test
  void update_change_givesNewVersion() {
    JsonNode ins = t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}}]");
    UUID version = t.row("Root", t.uuid(ins, 0)).version();
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':6}}]");
    assertThat(t.lastChanges.size()).isEqualTo(1);
    assertThat(t.row("Root", t.uuid(ins, 0)).version()).isNotEqualTo(version).isNotNull();
  }

  @Test
  void delete_countsAndRemoves() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}},"
        + "{'op':'insert','table':'Root','row':{'name':'b'}}]");
    JsonNode r = t.transact("[{'op':'delete','table':'Root','where':[['name','==','a']]}]");
    assertThat(r.get(0)).isEqualTo(json("{'count':1}"));
    assertThat(t.db.rowCount("Root")).isEqualTo(1);
  }

  @Test
  void insertThenDelete_inOneTxn_leavesNoChange() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}},"
        + "{'op':'delete','table':'Root','where':[['name','==','a']]}]");
    assertThat(t.lastChanges.isEmpty()).isTrue();
  }

  @Test
  void wait_satisfied_returnsEmptyObject() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}}]");
    JsonNode r = t.transact("[{'op':'wait','table':'Root','where':[],'columns':['name'],"
        + "'until':'==','rows':[{'name':'a'}],'timeout':0},"
        + "{'op':'wait','table':'Root','where':[],'columns':['name'],"
        + "'until':'!=','rows':[{'name':'b'}],'timeout':0}]");
    assertThat(r).isEqualTo(json("[{},{}]"));
  }

  @Test
  void wait_timeoutZero_timedOut() {
    JsonNode r = t.transact("[{'op':'wait','table':'Root','where':[],'until':'==',"
        + "'rows':[{'name':'nothere'}],'timeout':0}]");
    assertThat(r.get(0)).isEqualTo(json("{'error':'timed out',"
        + "'details':'\\\"where\\\" clause test failed'}"));
  }

  @Test
  void wait_elapsedBeyondTimeout_timedOut() {
    JsonNode r = t.transact("[{'op':'wait','table':'Root','where':[],'until':'==',"
        + "'rows':[{'name':'x'}],'timeout':100}]", 150);
    assertThat(error(r, 0)).isEqualTo("timed out");
  }

  @Test
  void wait_unsatisfiedWithoutTimeout_blocks() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}},"
        + "{'op':'wait','table':'Root','where':[],'columns':['name'],'until':'!=',"
        + "'rows':[{'name':'a'}]}]");
    assertThat(t.lastOutcome.blocked()).isTrue();
    assertThat(t.lastOutcome.timeoutMs()).isEqualTo(Long.MAX_VALUE);
    assertThat(t.lastOutcome.results()).isNull();
    assertThat(t.lastChanges.isEmpty()).isTrue();
    t.transact("[{'op':'wait','table':'Root','where':[],'until':'==',"
        + "'rows':[{'name':'zz'}],'timeout':500}]");
    assertThat(t.lastOutcome.blocked()).isTrue();
    assertThat(t.lastOutcome.timeoutMs()).isEqualTo(500);
  }

  @Test
  void wait_badUntil_isSyntaxError() {
    JsonNode r = t.transact("[{'op':'wait','table':'Root','where':[],'until':'<','rows':[]}]");
    assertThat(error(r, 0)).isEqualTo("syntax error");
  }

  @Test
  void commentAndCommit_succeed_commentRecorded() {
    JsonNode r = t.transact("[{'op':'comment','comment':'hi'},{'op':'comment','comment':'ho'},"
        + "{'op':'commit','durable':false}]");
    assertThat(r).isEqualTo(json("[{},{},{}]"));
    assertThat(t.lastOutcome.comment()).isEqualTo("hi\nho");
  }

  @Test
  void assert_lockNotHeld_notOwner_heldLock_ok() {
    assertThat(t.transact("[{'op':'assert','lock':'foo'}]").get(0))
        .isEqualTo(json("{'error':'not owner','details':'Asserted lock foo not held.'}"));
    assertThat(t.transact("[{'op':'assert','lock':'mine'}]").get(0)).isEqualTo(json("{}"));
  }

  @Test
  void execute_doesNotMutateDatabaseUntilApplied() {
    TransactionExecutor ex = new TransactionExecutor(t.db, new Random(1));
    TransactionOutcome o = ex.execute(json("['test',{'op':'insert','table':'Root','row':{}}]"),
        0, l -> false, false);
    assertThat(o.hasChanges()).isTrue();
    assertThat(t.db.totalRows()).isZero();
    t.db.apply(o.changes());
    assertThat(t.db.totalRows()).isEqualTo(1);
  }

  @Test
  void results_serializeAsJsonArray() {
    JsonNode r = t.transact("[{'op':'select','table':'Root','where':[false]}]");
    assertThat(Json.write(r)).isEqualTo("[{\"rows\":[]}]");
  }
}
