package org.jovn.ovsdb.txn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.Fixtures.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "where" clauses of select, with every function, as ovsdb-server evaluates them. */
class ConditionTest {
  private final Db t = new Db(Fixtures.testSchema());

  @BeforeEach
  void rows() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'a','i':1,'r':1.5,'b':true,"
        + "'s':['set',['x','y']],'m':['map',[['k','1']]],'opt':3}},"
        + "{'op':'insert','table':'Root','row':{'name':'b','i':2,'r':2.5,'s':'x',"
        + "'m':['map',[['k','2'],['j','1']]]}},"
        + "{'op':'insert','table':'Root','row':{'name':'c','i':3,'r':-1}}]");
  }

  private List<String> names(String where) {
    JsonNode r = t.transact("[{'op':'select','table':'Root','where':" + where
        + ",'columns':['name']}]");
    assertThat(r.get(0).has("rows")).as("%s", r).isTrue();
    List<String> out = new ArrayList<>();
    r.get(0).get("rows").forEach(row -> out.add(row.get("name").asText()));
    out.sort(null);
    return out;
  }

  private String error(String where) {
    return t.transact("[{'op':'select','table':'Root','where':" + where + "}]").get(0)
        .path("error").asText(null);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "[['i','==',2]]                         | b",
      "[['i','!=',2]]                         | a,c",
      "[['i','<',2]]                          | a",
      "[['i','<=',2]]                         | a,b",
      "[['i','>',2]]                          | c",
      "[['i','>=',2]]                         | b,c",
      "[['r','<',0]]                          | c",
      "[['r','>=',1.5]]                       | a,b",
      "[['b','==',true]]                      | a",
      "[['opt','<',5]]                        | a",
      "[['opt','!=',3]]                       | b,c",
      "[['opt','==',['set',[]]]]              | b,c",
      "[['s','includes','x']]                 | a,b",
      "[['s','includes',['set',['x','y']]]]   | a",
      "[['s','includes',['set',[]]]]          | a,b,c",
      "[['s','excludes','y']]                 | b,c",
      "[['s','excludes',['set',['x','y','z','w']]]] | c",
      "[['s','==','x']]                       | b",
      "[['m','includes',['map',[['k','1']]]]] | a",
      "[['m','includes',['map',[['k','3']]]]] | \"\"",
      "[['m','excludes',['map',[['k','1']]]]] | b,c",
      "[['name','==','a']]                    | a",
      "[['name','includes','a']]              | a",
      "[['name','excludes','a']]              | b,c",
      "[['i','>',1],['i','<',3]]              | b",
      "[]                                     | a,b,c",
      "[true]                                 | a,b,c",
      "[false]                                | \"\"",
      "[true,false]                           | \"\"",
      "[['i','>',0],false]                    | \"\"",
  })
  void select_where_matchesLikeOvsdbServer(String where, String expected) {
    List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
    assertThat(names(where.replace('"', '\''))).isEqualTo(want);
  }

  @Test
  void select_whereUuid_pinsRow() {
    JsonNode uuid = t.transact("[{'op':'select','table':'Root','where':[['name','==','b']],"
        + "'columns':['_uuid']}]").get(0).get("rows").get(0).get("_uuid");
    assertThat(names("[['_uuid','=='," + uuid + "]]")).containsExactly("b");
    assertThat(names("[['_uuid','!='," + uuid + "]]")).containsExactly("a", "c");
    assertThat(names("[['_uuid','==',['named-uuid','never']]]")).isEmpty();
  }

  @Test
  void where_errors_matchOvsdbServerTags() {
    assertThat(error("[['nope','==',1]]")).isEqualTo("unknown column");
    assertThat(error("[['name','~=','x']]")).isEqualTo("unknown function");
    assertThat(error("[['name','==']]")).isEqualTo("syntax error");
    assertThat(error("[['name','<','a']]")).isEqualTo("syntax error");
    assertThat(error("[['s','<',3]]")).isEqualTo("syntax error");
    assertThat(error("[['m','<',3]]")).isEqualTo("syntax error");
    assertThat(error("[['_uuid','<',3]]")).isEqualTo("syntax error");
    assertThat(error("[['opt','<',['set',[]]]]")).isEqualTo("syntax error");
    assertThat(error("[['name','==',['set',[]]]]")).isEqualTo("syntax error");
    assertThat(error("[['s','includes',['set',['a','b','c','d']]]]")).isEqualTo("syntax error");
    assertThat(error("[['i','==',1000]]")).isEqualTo("constraint violation");
    assertThat(error("[['e','==','zzz']]")).isEqualTo("constraint violation");
    assertThat(error("{}")).isEqualTo("syntax error");
  }
}
