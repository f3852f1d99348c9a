package org.jovn.ovsdb.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jovn.ovsdb.Fixtures.json;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.schema.ColumnType;
import org.jovn.ovsdb.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatumTest {
  private static final TableSchema ROOT = Fixtures.testSchema().table("Root");

  private static ColumnType type(String column) {
    return ROOT.column(column).type();
  }

  private static Datum read(String column, String jsonText) {
    return Datum.fromJson(type(column), json(jsonText), null);
  }

  private static String error(String column, String jsonText) {
    try {
      read(column, jsonText);
    } catch (OvsdbException e) {
      return e.error();
    }
    throw new AssertionError("no error");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "name | 'x'",
      "i    | 42",
      "r    | 1.5",
      "b    | true",
      "opt  | ['set',[]]",
      "opt  | 7",
      "s    | ['set',['a','b','c']]",
      "s    | 'a'",
      "iset | ['set',[-1,0,9223372036854775807]]",
      "m    | ['map',[]]",
      "m    | ['map',[['a','1'],['b','2']]]",
      "kids | ['uuid','0d0e5f1a-1c1e-4b5f-9a1b-2c3d4e5f6a7b']",
      "kids | ['set',[]]",
  })
  void json_roundTrip_reproducesCanonicalForm(String column, String text) {
    Datum d = read(column, text);
    assertThat(d.toJson(type(column))).isEqualTo(json(text));
    assertThat(Datum.fromJson(type(column), d.toJson(type(column)), null)).isEqualTo(d);
  }

  @Test
  void toJson_setOfOneIsBareAtom_emptyIsSet_mapAlwaysTagged() {
    assertThat(Datum.of(5L).toJson(type("iset"))).isEqualTo(json("5"));
    assertThat(Datum.emptySet().toJson(type("iset"))).isEqualTo(json("['set',[]]"));
    assertThat(Datum.mapOf("k", "v").toJson(type("m"))).isEqualTo(json("['map',[['k','v']]]"));
  }

  @Test
  void fromJson_setElementsSorted() {
    Datum d = read("iset", "['set',[3,1,2]]");
    assertThat(d.keys()).containsExactly(1L, 2L, 3L);
    assertThat(d.toJson(type("iset"))).isEqualTo(json("['set',[1,2,3]]"));
  }

  @Test
  void fromJson_realAcceptsInteger_integerRejectsReal() {
    assertThat(read("r", "1").first()).isEqualTo(1.0);
    assertThat(error("i", "1.5")).isEqualTo("syntax error");
  }

  @Test
  void fromJson_constraintViolations_reportConstraintViolation() {
    assertThat(error("i", "101")).isEqualTo("constraint violation");
    assertThat(error("i", "-1")).isEqualTo("constraint violation");
    assertThat(error("e", "'zzz'")).isEqualTo("constraint violation");
    assertThat(error("s", "'waytoolongstring'")).isEqualTo("constraint violation");
    assertThatThrownBy(() -> read("i", "101"))
        .hasMessage("101 is not in the valid range 0 to 100 (inclusive)");
  }

  @Test
  void fromJson_wrongCount_isSyntaxErrorLikeOvsdbServer() {
    assertThat(error("s", "['set',['a','b','c','d']]")).isEqualTo("syntax error");
    assertThat(error("name", "['set',[]]")).isEqualTo("syntax error");
  }

  @Test
  void fromJson_duplicates_areOvsdbErrors() {
    assertThat(error("m", "['map',[['a','1'],['a','2']]]")).isEqualTo("ovsdb error");
    assertThat(error("s", "['set',['a','a']]")).isEqualTo("ovsdb error");
  }

  @Test
  void fromJson_malformed_isSyntaxError() {
    assertThat(error("m", "['set',[]]")).isEqualTo("syntax error");
    assertThat(error("m", "['map',[['a']]]")).isEqualTo("syntax error");
    assertThat(error("kids", "['uuid','not-a-uuid']")).isEqualTo("syntax error");
    assertThat(error("kids", "['named-uuid','x']")).isEqualTo("syntax error");
    assertThat(error("b", "'true'")).isEqualTo("syntax error");
  }

  @Test
  void fromJson_namedUuid_resolvedThroughFunction() {
    UUID u = UUID.randomUUID();
    Datum d = Datum.fromJson(type("kids"), json("['named-uuid','x']"), n -> u);
    assertThat(d.first()).isEqualTo(u);
  }

  @Test
  void union_minus_includes_onSetsAndMaps() {
    Datum a = Datum.setOf(List.of(1L, 2L));
    assertThat(a.union(Datum.setOf(List.of(2L, 3L))).keys()).containsExactly(1L, 2L, 3L);
    assertThat(a.minus(Datum.of(1L)).keys()).containsExactly(2L);
    Datum m = Datum.mapOf(Map.of("a", "1", "b", "2"));
    assertThat(m.union(Datum.mapOf("a", "X")).get("a")).isEqualTo("1");
    assertThat(m.minus(Datum.mapOf("a", "X"))).isEqualTo(m);
    assertThat(m.minus(Datum.mapOf("a", "1")).keys()).containsExactly("b");
    assertThat(m.minus(Datum.of("b")).keys()).containsExactly("a");
    assertThat(m.includes(Datum.mapOf("a", "1"))).isTrue();
    assertThat(m.includes(Datum.mapOf("a", "2"))).isFalse();
  }

  @Test
  void diff_mapChangedValue_carriesNewValue() {
    Datum from = Datum.mapOf(Map.of("a", "1", "b", "2"));
    Datum to = Datum.mapOf(Map.of("a", "9", "c", "3"));
    Datum diff = Datum.diff(from, to);
    assertThat(diff).isEqualTo(Datum.mapOf(Map.of("a", "9", "b", "2", "c", "3")));
    assertThat(from.applyDiff(diff)).isEqualTo(to);
  }

  @Test
  void equals_ignoresConstructionOrder() {
    assertThat(Datum.setOf(List.of("b", "a"))).isEqualTo(Datum.setOf(List.of("a", "b", "a")))
        .hasSameHashCodeAs(Datum.setOf(List.of("a", "b")));
    assertThat(Datum.emptySet()).isEqualTo(Datum.emptyMap());
  }
}
