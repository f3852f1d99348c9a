package org.jovn.ovsdb.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.Fixtures.Db;
import org.jovn.ovsdb.json.Json;

/**
 * Propose-then-replay: the file records of random transaction sequences, replayed on a fresh
 * database, give the same rows as the database that executed them.
 */
class ReplayProperties {

  @Provide
  Arbitrary<String> ops() {
    Arbitrary<String> name = Arbitraries.of("a", "b", "c", "d");
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 5);
    return Arbitraries.oneOf(
        Arbitraries.of("insert").flatMap(x -> name.map(nm -> "{'op':'insert','table':'Root',"
            + "'row':{'name':'" + nm + "','kids':['named-uuid','k'],'weak':['named-uuid','t']}},"
            + "{'op':'insert','table':'Child','uuid-name':'k','row':{'name':'" + nm + "'}},"
            + "{'op':'insert','table':'Target','uuid-name':'t','row':{'name':'" + nm + "'}}")),
        n.map(i -> "{'op':'update','table':'Root','where':[['i','<'," + i + "]],"
            + "'row':{'i':" + i + ",'m':['map',[['k','" + i + "']]]}}"),
        n.map(i -> "{'op':'mutate','table':'Root','where':[],'mutations':"
            + "[['iset','insert'," + i + "],['im','insert',['map',[['x'," + i + "]]]]]}"),
        n.map(i -> "{'op':'mutate','table':'Root','where':[],'mutations':"
            + "[['iset','delete'," + i + "],['iset','+=',1]]}"),
        name.map(nm -> "{'op':'delete','table':'Root','where':[['name','==','" + nm + "']]}"),
        name.map(nm -> "{'op':'delete','table':'Target','where':[['name','==','" + nm + "']]}"),
        n.map(i -> "{'op':'update','table':'Root','where':[],'row':{'kids':['set',[]]}}"),
        n.map(i -> "{'op':'insert','table':'Limited','row':{'x':" + i + "}}"),
        n.map(i -> "{'op':'delete','table':'Limited','where':[['x','=='," + i + "]]}"));
  }

  @Property(tries = 200)
  void replayOfFileRecords_reproducesDatabase(
      @ForAll("transactions") List<String> transactions) {
    Db source = new Db(Fixtures.testSchema(), transactions.hashCode());
    Database replica = new Database(source.db.schema());
    long[] versions = {0};
    for (String txn : transactions) {
      source.transact(txn);
      ObjectNode record = ChangeSetJson.toFileRecord(source.lastChanges, null, 0);
      if (record != null) {
        ChangeSet replay = ChangeSetJson.fromFileRecord(replica, Json.parse(Json.write(record)),
            () -> new UUID(1, ++versions[0]));
        replica.apply(replay);
      }
    }
    ChangeSetJsonTest.assertSameRows(source.db, replica);
    ObjectNode snapshot = ChangeSetJson.snapshotRecord(source.db, 0);
    Database fromSnapshot = new Database(source.db.schema());
    fromSnapshot.apply(ChangeSetJson.fromFileRecord(fromSnapshot, snapshot,
        () -> new UUID(2, ++versions[0])));
    ChangeSetJsonTest.assertSameRows(source.db, fromSnapshot);
    for (var t : source.db.schema().tables()) {
      for (var r : source.db.rows(t.name())) {
        org.assertj.core.api.Assertions.assertThat(replica.strongRefCount(r.uuid()))
            .isEqualTo(source.db.strongRefCount(r.uuid()));
      }
    }
  }

  @Provide
  Arbitrary<List<String>> transactions() {
    return ops().list().ofMinSize(1).ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]")
        .list().ofMaxSize(12);
  }
}
