package org.jovn.ovsdb.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jovn.ovsdb.Fixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.Fixtures.Db;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.json.Json;
import org.junit.jupiter.api.Test;

/** update / update2 / update3 row shapes and monitor_cond conditions, as ovsdb-server sends. */
class MonitorTest {
  private final Db t = new Db(Fixtures.testSchema());

  private Monitor monitor(String requests, UpdateFormat format) {
    return Monitor.fromJson(t.db.schema(), json("'id'"), json(requests), format);
  }

  /** Normalizes numbers so that parsed expectations compare equal. */
  private static JsonNode norm(JsonNode n) {
    return n == null ? null : Json.parse(Json.write(n));
  }

  private UUID insertRoot(String row) {
    return t.uuid(t.transact("[{'op':'insert','table':'Root','row':" + row + "}]"), 0);
  }

  @Test
  void initial_v1_fullRowsOfMonitoredColumns() {
    UUID u = insertRoot("{'name':'a','i':1}");
    Monitor m = monitor("{'Root':{'columns':['name','i','s']}}", UpdateFormat.UPDATE);
    assertThat(norm(m.initial(t.db))).isEqualTo(json("{'Root':{'" + u
        + "':{'new':{'name':'a','i':1,'s':['set',[]]}}}}"));
  }

  @Test
  void initial_v2_nonDefaultColumnsOnly() {
    UUID u = insertRoot("{'name':'a','i':1}");
    Monitor m = monitor("{'Root':{'columns':['name','i','s']}}", UpdateFormat.UPDATE2);
    assertThat(norm(m.initial(t.db))).isEqualTo(json("{'Root':{'" + u
        + "':{'initial':{'name':'a','i':1}}}}"));
  }

  @Test
  void initial_selectInitialFalse_empty() {
    insertRoot("{'name':'a'}");
    Monitor m = monitor("{'Root':{'select':{'initial':false}}}", UpdateFormat.UPDATE2);
    assertThat(m.initial(t.db)).isEmpty();
  }

  @Test
  void update_v1_insertModifyDelete() {
    Monitor m = monitor("{'Root':{'columns':['name','i']}}", UpdateFormat.UPDATE);
    UUID u = insertRoot("{'name':'a','i':1}");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'new':{'name':'a','i':1}}}}"));
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':2}}]");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'old':{'i':1},'new':{'name':'a','i':2}}}}"));
    t.transact("[{'op':'delete','table':'Root','where':[]}]");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'old':{'name':'a','i':2}}}}"));
  }

  @Test
  void update_unmonitoredColumnChange_noUpdate() {
    insertRoot("{'name':'a'}");
    Monitor m = monitor("{'Root':{'columns':['name']}}", UpdateFormat.UPDATE2);
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':9}}]");
    assertThat(m.update(t.lastChanges)).isNull();
  }

  @Test
  void update_v2_insertDeleteAndModifyDiffs() {
    Monitor m = monitor("{'Root':{}}", UpdateFormat.UPDATE2);
    UUID u = insertRoot("{'name':'a','iset':['set',[1,2]],'m':['map',[['a','1'],['b','2']]],"
        + "'opt':4}");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'insert':{'name':'a','iset':['set',[1,2]],'m':['map',[['a','1'],['b','2']]],"
        + "'opt':4}}}}"));
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'name':'b',"
        + "'iset':['set',[2,3]],'m':['map',[['a','9'],['c','3']]],'opt':5}}]");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'modify':{'name':'b','iset':['set',[1,3]],"
        + "'m':['map',[['a','9'],['b','2'],['c','3']]],'opt':5}}}}"));
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'opt':['set',[]]}}]");
    assertThat(norm(m.update(t.lastChanges))).as("optional column: the new value, not a diff")
        .isEqualTo(json("{'Root':{'" + u + "':{'modify':{'opt':['set',[]]}}}}"));
    t.transact("[{'op':'delete','table':'Root','where':[]}]");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'delete':null}}}"));
  }

  @Test
  void update3_sameRowShapesAsUpdate2() {
    Monitor m = monitor("{'Root':{'columns':['name']}}", UpdateFormat.UPDATE3);
    UUID u = insertRoot("{'name':'a'}");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'insert':{'name':'a'}}}}"));
    assertThat(UpdateFormat.UPDATE3.method()).isEqualTo("update3");
  }

  @Test
  void update_selectFlags_filterKinds() {
    Monitor m = monitor("{'Root':{'select':{'insert':false,'modify':false}}}",
        UpdateFormat.UPDATE2);
    UUID u = insertRoot("{'name':'a'}");
    assertThat(m.update(t.lastChanges)).isNull();
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':3}}]");
    assertThat(m.update(t.lastChanges)).isNull();
    t.transact("[{'op':'delete','table':'Root','where':[]}]");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'delete':null}}}"));
  }

  @Test
  void update_otherTablesIgnored() {
    Monitor m = monitor("{'Target':{}}", UpdateFormat.UPDATE2);
    insertRoot("{'name':'a'}");
    assertThat(m.update(t.lastChanges)).isNull();
  }

  @Test
  void condition_clausesOred_emptyMatchesAll_falseMatchesNone() {
    UUID a = insertRoot("{'name':'a','i':1}");
    UUID b = insertRoot("{'name':'b','i':2}");
    insertRoot("{'name':'c','i':3}");
    JsonNode or = monitor("{'Root':{'columns':['name'],'where':[['name','==','a'],"
        + "['i','==',2]]}}", UpdateFormat.UPDATE2).initial(t.db).get("Root");
    assertThat(or.fieldNames()).toIterable().containsExactlyInAnyOrder(a.toString(),
        b.toString());
    assertThat(monitor("{'Root':{'where':[]}}", UpdateFormat.UPDATE2).initial(t.db).get("Root"))
        .hasSize(3);
    assertThat(monitor("{'Root':{'where':[true]}}", UpdateFormat.UPDATE2).initial(t.db)
        .get("Root")).hasSize(3);
    assertThat(monitor("{'Root':{'where':[false]}}", UpdateFormat.UPDATE2).initial(t.db))
        .isEmpty();
  }

  @Test
  void condition_rowMovingInAndOut_becomesInsertAndDelete() {
    Monitor m = monitor("{'Root':{'columns':['name','i'],'where':[['i','>',5]]}}",
        UpdateFormat.UPDATE2);
    UUID u = insertRoot("{'name':'a','i':1}");
    assertThat(m.update(t.lastChanges)).isNull();
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':7}}]");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'insert':{'name':'a','i':7}}}}"));
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':8}}]");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'modify':{'i':8}}}}"));
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':2}}]");
    assertThat(norm(m.update(t.lastChanges))).isEqualTo(json("{'Root':{'" + u
        + "':{'delete':null}}}"));
  }

  @Test
  void changeConditions_sendsInsertsAndDeletesForSelectionChange() {
    UUID a = insertRoot("{'name':'a','i':1}");
    UUID b = insertRoot("{'name':'b','i':2}");
    Monitor m = monitor("{'Root':{'columns':['name'],'where':[['name','==','a']]}}",
        UpdateFormat.UPDATE2);
    JsonNode upd = m.changeConditions(t.db, json("{'Root':[{'where':[['name','==','b']]}]}"));
    assertThat(norm(upd)).isEqualTo(json("{'Root':{'" + a + "':{'delete':null},'" + b
        + "':{'insert':{'name':'b'}}}}"));
    assertThat(m.changeConditions(t.db, json("{'Root':[{'where':[['name','==','b']]}]}")))
        .isNull();
    t.transact("[{'op':'update','table':'Root','where':[['name','==','a']],'row':{'i':5}}]");
    assertThat(m.update(t.lastChanges)).as("new condition applies to later commits").isNull();
  }

  @Test
  void changeConditions_respectsSelectFlags() {
    insertRoot("{'name':'a'}");
    Monitor m = monitor("{'Root':{'where':[false],'select':{'insert':false}}}",
        UpdateFormat.UPDATE2);
    assertThat(m.changeConditions(t.db, json("{'Root':[{'where':[true]}]}"))).isNull();
  }

  @Test
  void fromJson_errors() {
    assertThatThrownBy(() -> monitor("{'Nope':{}}", UpdateFormat.UPDATE2))
        .isInstanceOf(OvsdbException.class);
    assertThatThrownBy(() -> monitor("{'Root':{'columns':['nope']}}", UpdateFormat.UPDATE2))
        .isInstanceOf(OvsdbException.class);
    assertThatThrownBy(() -> monitor("{'Root':{'where':[]}}", UpdateFormat.UPDATE))
        .isInstanceOf(OvsdbException.class);
    Monitor m = monitor("{'Root':{}}", UpdateFormat.UPDATE2);
    assertThatThrownBy(() -> m.changeConditions(t.db, json("{'Target':[{'where':[]}]}")))
        .isInstanceOf(OvsdbException.class);
  }

  @Test
  void fromJson_arrayOfRequests_columnsUnited() {
    UUID u = insertRoot("{'name':'a','i':4}");
    Monitor m = monitor("{'Root':[{'columns':['name']},{'columns':['i']}]}",
        UpdateFormat.UPDATE2);
    assertThat(norm(m.initial(t.db))).isEqualTo(json("{'Root':{'" + u
        + "':{'initial':{'name':'a','i':4}}}}"));
    assertThat(m.id()).isEqualTo(json("'id'"));
    assertThat(m.format()).isEqualTo(UpdateFormat.UPDATE2);
  }
}
