package org.jovn.ovsdb.txn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.Fixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.Fixtures.Db;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "mutate": results and error tags as ovsdb-server 3.1 gives them for the same requests. */
class MutationTest {
  private final Db t = new Db(Fixtures.testSchema());

  @BeforeEach
  void row() {
    t.transact("[{'op':'insert','table':'Root','row':{'name':'w','i':5,'r':1.5,"
        + "'iset':['set',[1,2,3]],'rset':['set',[1.5,2]],'s':['set',['a','b']],"
        + "'m':['map',[['a','1'],['b','2']]],'im':['map',[['x',1]]]}}]");
  }

  /** Applies the mutations and returns the column's new value, or the error tag. */
  private JsonNode mutate(String mutations, String column) {
    JsonNode r = t.transact("[{'op':'mutate','table':'Root','where':[],'mutations':" + mutations
        + "},{'op':'select','table':'Root','where':[],'columns':['" + column + "']}]");
    if (r.get(0).has("error")) {
      assertThat(t.lastChanges.isEmpty()).isTrue();
      return r.get(0).get("error");
    }
    assertThat(r.get(0)).isEqualTo(json("{'count':1}"));
    return r.get(1).get("rows").get(0).get(column);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "[['i','+=',3]]                      | i    | 8",
      "[['i','-=',5]]                      | i    | 0",
      "[['i','*=',20]]                     | i    | 100",
      "[['i','/=',2]]                      | i    | 2",
      "[['i','%=',3]]                      | i    | 2",
      "[['i','+=',1],['i','*=',2]]         | i    | 12",
      "[['r','+=',1]]                      | r    | 2.5",
      "[['r','/=',0.5]]                    | r    | 3.0",
      "[['iset','-=',1]]                   | iset | ['set',[0,1,2]]",
      "[['iset','/=',-1]]                  | iset | ['set',[-3,-2,-1]]",
      "[['rset','*=',2]]                   | rset | ['set',[3.0,4.0]]",
      "[['iset','insert',['set',[3,4]]]]   | iset | ['set',[1,2,3,4]]",
      "[['iset','delete',['set',[2,9]]]]   | iset | ['set',[1,3]]",
      "[['iset','delete',2]]               | iset | ['set',[1,3]]",
      "[['s','insert','c']]                | s    | ['set',['a','b','c']]",
      "[['s','delete',['set',['a','b','c','d','e']]]] | s | ['set',[]]",
      "[['m','insert',['map',[['a','X'],['c','3']]]]] | m "
          + "| ['map',[['a','1'],['b','2'],['c','3']]]",
      "[['m','delete',['map',[['a','1'],['b','X']]]]] | m | ['map',[['b','2']]]",
      "[['m','delete',['set',['a','zz']]]] | m    | ['map',[['b','2']]]",
      "[['m','delete','b']]                | m    | ['map',[['a','1']]]",
      "[['opt','insert',1]]                | opt  | 1",
      "[['i','/=',0]]                      | i    | 'domain error'",
      "[['i','%=',0]]                      | i    | 'domain error'",
      "[['rset','/=',0]]                   | rset | 'domain error'",
      "[['iset','+=',9223372036854775807]] | iset | 'range error'",
      "[['rset','*=',1e308],['rset','*=',1e308]] | rset | 'range error'",
      "[['i','*=',30]]                     | i    | 'constraint violation'",
      "[['i','-=',6]]                      | i    | 'constraint violation'",
      "[['iset','*=',0]]                   | iset | 'constraint violation'",
      "[['s','insert',['set',['c','d']]]]  | s    | 'constraint violation'",
      "[['s','insert','waytoolongstring']] | s    | 'constraint violation'",
      "[['s','delete','waytoolongstring']] | s    | 'constraint violation'",
      "[['e','insert','zzz']]              | e    | 'constraint violation'",
      "[['imm','insert','x']]              | imm  | 'constraint violation'",
      "[['s','insert',['set',['c','d','e','f']]]] | s | 'syntax error'",
      "[['name','+=',1]]                   | name | 'syntax error'",
      "[['name','insert','x']]             | name | 'syntax error'",
      "[['im','+=',1]]                     | im   | 'syntax error'",
      "[['rset','%=',2]]                   | rset | 'syntax error'",
      "[['i','+=',1.5]]                    | i    | 'syntax error'",
      "[['iset','insert',['set',[1.5]]]]   | iset | 'syntax error'",
      "[['name','==']]                     | name | 'syntax error'",
      "[['nope','insert','x']]             | name | 'unknown column'",
      "[['i','frob',1]]                    | i    | 'unknown mutator'",
  })
  void mutate_matchesOvsdbServer(String mutations, String column, String expected) {
    assertThat(mutate(mutations.replace('\'', '"'), column)).isEqualTo(json(expected));
  }

  @Test
  void mutate_minValueDividedByMinusOne_rangeError() {
    t.transact("[{'op':'update','table':'Root','where':[],"
        + "'row':{'iset':['set',[-9223372036854775808,5]]}}]");
    assertThat(mutate("[['iset','/=',-1]]", "iset")).isEqualTo(json("'range error'"));
    assertThat(mutate("[['iset','%=',-1]]", "iset")).isEqualTo(json("'range error'"));
  }

  @Test
  void mutate_divisionByZeroWithoutMatchingRows_succeeds() {
    JsonNode r = t.transact("[{'op':'mutate','table':'Root','where':[false],"
        + "'mutations':[['i','/=',0]]}]");
    assertThat(r.get(0)).isEqualTo(json("{'count':0}"));
  }

  @Test
  void mutate_errorMessages_nameTheProblem() {
    JsonNode r = t.transact("[{'op':'mutate','table':'Root','where':[],"
        + "'mutations':[['s','insert',['set',['c','d']]]]}]");
    assertThat(r.get(0).get("details").asText()).contains("4").contains("s");
    r = t.transact("[{'op':'mutate','table':'Root','where':[],'mutations':[['i','/=',0]]}]");
    assertThat(r.get(0)).isEqualTo(json("{'error':'domain error','details':'Division by zero.'}"));
  }
}
