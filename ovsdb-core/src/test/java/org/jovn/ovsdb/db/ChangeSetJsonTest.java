package org.jovn.ovsdb.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jovn.ovsdb.Fixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.Fixtures.Db;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.TableSchema;
import org.junit.jupiter.api.Test;

/** Database-file transaction records: writing, reading, diffs, snapshots and replay. */
class ChangeSetJsonTest {
  private final Db t = new Db(Fixtures.testSchema());
  private final TableSchema root = t.db.schema().table("Root");

  private static UUID counter(long[] n) {
    return new UUID(0, ++n[0]);
  }

  private ChangeSet read(Database db, String record) {
    long[] n = {0};
    return ChangeSetJson.fromFileRecord(db, json(record), () -> counter(n));
  }

  /** Asserts both databases hold the same rows with the same persistent contents. */
  static void assertSameRows(Database a, Database b) {
    for (TableSchema ts : a.schema().tables()) {
      assertThat(b.rowCount(ts.name())).as(ts.name()).isEqualTo(a.rowCount(ts.name()));
      for (Row r : a.rows(ts.name())) {
        Row other = b.row(ts.name(), r.uuid());
        assertThat(other).as("%s", r).isNotNull();
        for (var c : ts.columns()) {
          if (!c.ephemeral()) {
            assertThat(other.get(c)).as("%s %s", r, c.name()).isEqualTo(r.get(c));
          }
        }
      }
    }
  }

  @Test
  void toFileRecord_insert_writesNonDefaultPersistentColumnsOnly() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'name':'a','i':3,"
        + "'eph':'gone'}}]");
    ObjectNode rec = ChangeSetJson.toFileRecord(t.lastChanges, "c", 1234);
    assertThat(rec.get("Root").get(t.uuid(r, 0).toString()))
        .isEqualTo(json("{'name':'a','i':3}"));
    assertThat(rec.get("_date").asLong()).isEqualTo(1234);
    assertThat(rec.get("_comment").asText()).isEqualTo("c");
  }

  @Test
  void toFileRecord_modifyAndDelete() {
    JsonNode r = t.transact("[{'op':'insert','table':'Root','row':{'name':'a','i':3}}]");
    String u = t.uuid(r, 0).toString();
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'i':4,'eph':'x'}}]");
    ObjectNode mod = ChangeSetJson.toFileRecord(t.lastChanges, null, 1);
    assertThat(mod.get("Root").get(u)).isEqualTo(json("{'i':4}"));
    assertThat(mod.has("_comment")).isFalse();
    t.transact("[{'op':'delete','table':'Root','where':[]}]");
    ObjectNode del = ChangeSetJson.toFileRecord(t.lastChanges, null, 1);
    assertThat(del.get("Root").get(u).isNull()).isTrue();
  }

  @Test
  void toFileRecord_onlyEphemeralChange_isNull() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a'}}]");
    t.transact("[{'op':'update','table':'Root','where':[],'row':{'eph':'x'}}]");
    assertThat(t.lastChanges.isEmpty()).isFalse();
    assertThat(ChangeSetJson.toFileRecord(t.lastChanges, null, 1)).isNull();
  }

  @Test
  void fromFileRecord_replaysToSameDatabase() {
    Database replica = new Database(t.db.schema());
    String[] txns = {
        "[{'op':'insert','table':'Root','row':{'name':'a','iset':['set',[1,2]],"
            + "'m':['map',[['k','v']]],'kids':['named-uuid','c']}},"
            + "{'op':'insert','table':'Child','uuid-name':'c','row':{'name':'c'}}]",
        "[{'op':'mutate','table':'Root','where':[],'mutations':[['iset','insert',3],"
            + "['m','delete','k']]}]",
        "[{'op':'update','table':'Root','where':[],'row':{'kids':['set',[]]}}]",
        "[{'op':'delete','table':'Root','where':[]}]",
    };
    for (String txn : txns) {
      t.transact(txn);
      ObjectNode rec = ChangeSetJson.toFileRecord(t.lastChanges, null, 0);
      replica.apply(read(replica, Json.write(rec)));
      assertSameRows(t.db, replica);
    }
  }

  @Test
  void fromFileRecord_isDiff_appliesSetAndMapDiffs_replacesAtMostOneColumns() {
    UUID u = new UUID(7, 7);
    Database db = new Database(t.db.schema());
    db.apply(read(db, "{'Root':{'" + u + "':{'name':'a','opt':1,'iset':['set',[1,2]],"
        + "'m':['map',[['a','1'],['b','2']]]}}}"));
    db.apply(read(db, "{'_is_diff':true,'Root':{'" + u + "':{'name':'b','opt':2,"
        + "'iset':['set',[2,3]],'m':['map',[['a','1'],['b','9'],['c','3']]],"
        + "'s':['set',['x']]}}}"));
    Row r = db.row("Root", u);
    assertThat(r.get(root.column("name"))).isEqualTo(Datum.of("b"));
    assertThat(r.get(root.column("opt"))).isEqualTo(Datum.of(2L));
    assertThat(r.get(root.column("iset")).keys()).containsExactly(1L, 3L);
    assertThat(r.get(root.column("m")).toMap()).containsExactly(
        java.util.Map.entry("b", "9"), java.util.Map.entry("c", "3"));
    assertThat(r.get(root.column("s")).keys()).containsExactly("x");
  }

  @Test
  void fromFileRecord_deleteOfMissingRow_ignored_unknownTableOrColumn_fails() {
    Database db = new Database(t.db.schema());
    assertThat(read(db, "{'Root':{'" + new UUID(1, 1) + "':null}}").isEmpty()).isTrue();
    assertThatThrownBy(() -> read(db, "{'Nope':{}}")).isInstanceOf(OvsdbException.class);
    assertThatThrownBy(() -> read(db, "{'Root':{'" + new UUID(1, 1) + "':{'nope':1}}}"))
        .isInstanceOf(OvsdbException.class);
    assertThatThrownBy(() -> read(db, "[]")).isInstanceOf(OvsdbException.class);
  }

  @Test
  void snapshotRecord_reproducesDatabase() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a','kids':['named-uuid','c'],"
        + "'weak':['named-uuid','t']}},"
        + "{'op':'insert','table':'Child','uuid-name':'c','row':{'name':'c'}},"
        + "{'op':'insert','table':'Target','uuid-name':'t','row':{}},"
        + "{'op':'insert','table':'Limited','row':{'x':5}}]");
    ObjectNode snap = ChangeSetJson.snapshotRecord(t.db, 99);
    assertThat(snap.get("_date").asLong()).isEqualTo(99);
    assertThat(snap.has("Holder")).isFalse();
    Database copy = new Database(t.db.schema());
    copy.apply(read(copy, Json.write(snap)));
    assertSameRows(t.db, copy);
    Row r = t.db.rows("Root").iterator().next();
    UUID kid = (UUID) r.get(root.column("kids")).first();
    assertThat(copy.strongRefCount(kid)).isEqualTo(1);
  }
}
