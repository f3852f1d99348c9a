package org.jovn.ovsdb.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jovn.ovsdb.Fixtures.json;

import java.util.Set;
import org.jovn.ovsdb.Fixtures;
import org.jovn.ovsdb.OvsdbException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaParserTest {

  @ParameterizedTest
  @ValueSource(strings = {"ovn-nb", "ovn-sb", "vswitch"})
  void bundled_loads_withRootTablesAndValidRefs(String name) {
    DatabaseSchema s = DatabaseSchema.bundled(name);
    assertThat(s.tables()).isNotEmpty();
    assertThat(s.version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(s.tables()).anyMatch(TableSchema::isRoot);
    for (TableSchema t : s.tables()) {
      for (ColumnSchema c : t.refColumns()) {
        assertThat(s.table(c.type().key().isRef() ? c.type().key().refTable()
            : c.type().value().refTable())).isNotNull();
      }
    }
  }

  @Test
  void bundled_nbIndexesAndGcTables_parsed() {
    DatabaseSchema nb = DatabaseSchema.bundled("ovn-nb");
    TableSchema ls = nb.table("Logical_Switch");
    TableSchema lsp = nb.table("Logical_Switch_Port");
    assertThat(ls.isRoot()).isTrue();
    assertThat(lsp.isRoot()).isFalse();
    assertThat(lsp.indexes()).anySatisfy(idx ->
        assertThat(idx).extracting(ColumnSchema::name).containsExactly("name"));
    ColumnType ports = ls.column("ports").type();
    assertThat(ports.key().refTable()).isEqualTo("Logical_Switch_Port");
    assertThat(ports.key().isStrongRef()).isTrue();
    assertThat(ports.min()).isZero();
    assertThat(ports.max()).isEqualTo(Long.MAX_VALUE);
    assertThat(nb.table("NB_Global").maxRows()).isEqualTo(1);
  }

  @Test
  void bundled_unknownName_fails() {
    assertThatThrownBy(() -> DatabaseSchema.bundled("nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_testSchema_constraintsReadIntoTypes() {
    DatabaseSchema s = Fixtures.testSchema();
    TableSchema root = s.table("Root");
    BaseType i = root.column("i").type().key();
    assertThat(i.minInteger()).isZero();
    assertThat(i.maxInteger()).isEqualTo(100);
    assertThat(root.column("s").type().key().maxLength()).isEqualTo(8);
    assertThat(root.column("s").type().max()).isEqualTo(3);
    assertThat(root.column("e").type().key().enumValues()).isEqualTo(Set.of("a", "b", "c"));
    assertThat(root.column("e").type().isOptional()).isTrue();
    assertThat(root.column("m").type().isMap()).isTrue();
    assertThat(root.column("imm").mutable()).isFalse();
    assertThat(root.column("name").mutable()).isTrue();
    assertThat(root.column("eph").ephemeral()).isTrue();
    assertThat(root.column("weak").type().key().isWeakRef()).isTrue();
    assertThat(root.column("kids").type().key().isStrongRef()).isTrue();
    assertThat(root.column("name").type().isScalar()).isTrue();
    assertThat(root.refColumns()).extracting(ColumnSchema::name).containsExactly("kids", "weak");
    assertThat(s.table("Child").isRoot()).isFalse();
    assertThat(s.table("Limited").maxRows()).isEqualTo(2);
    assertThat(root.indexes()).hasSize(1);
  }

  @Test
  void parse_realBoundsAndSingleEnum_read() {
    DatabaseSchema s = DatabaseSchema.fromJson(json("{'name':'x','tables':{'T':{'columns':{"
        + "'r':{'type':{'key':{'type':'real','minReal':-1.5,'maxReal':2.5}}},"
        + "'e':{'type':{'key':{'type':'integer','enum':7}}},"
        + "'l':{'type':{'key':{'type':'string','minLength':2}}}}}}}"));
    TableSchema t = s.table("T");
    assertThat(t.isRoot()).as("no isRoot anywhere: all tables are roots").isTrue();
    assertThat(t.column("r").type().key().minReal()).isEqualTo(-1.5);
    assertThat(t.column("r").type().key().maxReal()).isEqualTo(2.5);
    assertThat(t.column("e").type().key().enumValues()).containsExactly(7L);
    assertThat(t.column("l").type().key().minLength()).isEqualTo(2);
    assertThat(s.version()).isEmpty();
  }

  @Test
  void parse_uuidWithoutRefTable_isNotRef() {
    DatabaseSchema s = DatabaseSchema.fromJson(json(
        "{'name':'x','tables':{'T':{'columns':{'u':{'type':'uuid'}}}}}"));
    assertThat(s.table("T").column("u").hasRefs()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[]",
      "{'tables':{}}",
      "{'name':'x'}",
      "{'name':'x','tables':{'T':{}}}",
      "{'name':'x','tables':{'T':{'columns':{'c':{}}}}}",
      "{'name':'x','tables':{'T':{'columns':{'c':{'type':'float'}}}}}",
      "{'name':'x','tables':{'T':{'columns':{'_c':{'type':'integer'}}}}}",
      "{'name':'x','tables':{'T':{'columns':{'c':{'type':{'key':'integer','min':2,'max':3}}}}}}",
      "{'name':'x','tables':{'T':{'columns':{'c':{'type':{'key':'integer','min':0,'max':0}}}}}}",
      "{'name':'x','tables':{'T':{'columns':{'c':{'type':{'value':'integer'}}}}}}",
      "{'name':'x','tables':{'T':{'columns':{'c':{'type':{'key':{'type':'uuid',"
          + "'refTable':'Nope'}}}}}}}",
      "{'name':'x','tables':{'T':{'columns':{'c':{'type':'integer'}},'indexes':[['d']]}}}",
      "{'name':'x','tables':{'T':{'columns':{'c':{'type':{'key':{'type':'integer',"
          + "'enum':['set',['a']]}}}}}}}",
  })
  void parse_badSchema_failsWithOvsdbException(String schema) {
    assertThatThrownBy(() -> DatabaseSchema.fromJson(json(schema)))
        .isInstanceOf(OvsdbException.class)
        .satisfies(e -> assertThat(((OvsdbException) e).details()).isNotBlank());
  }

  @Test
  void parse_undefinedRefTable_detailsNameTableAndColumn() {
    assertThatThrownBy(() -> DatabaseSchema.fromJson(json("{'name':'x','tables':{'T':{'columns':"
        + "{'c':{'type':{'key':{'type':'uuid','refTable':'Nope'}}}}}}}")))
        .hasMessageContaining("T").hasMessageContaining("c").hasMessageContaining("Nope");
  }
}
