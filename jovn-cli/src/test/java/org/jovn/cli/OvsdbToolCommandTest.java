package org.jovn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jovn ovsdb-tool} on files it makes itself. */
class OvsdbToolCommandTest {
  @TempDir
  Path dir;

  private Path schemaFile(String name) throws Exception {
    Path f = dir.resolve(name + ".ovsschema");
    Files.writeString(f, DatabaseSchema.bundled(name).json().toString());
    return f;
  }

  static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int rc = Jovn.run(args);
      assertThat(rc).as("exit status of %s", String.join(" ", args)).isZero();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void create_thenSchemaAndDbIdentity_matchTheSchema() throws Exception {
    Path schema = schemaFile("ovn-nb");
    Path db = dir.resolve("nb.db");
    run("ovsdb-tool", "create", db.toString(), schema.toString());
    assertThat(run("ovsdb-tool", "db-name", db.toString())).isEqualTo("OVN_Northbound\n");
    assertThat(run("ovsdb-tool", "db-version", db.toString())).isEqualTo("7.0.0\n");
    assertThat(run("ovsdb-tool", "schema-name", schema.toString())).isEqualTo("OVN_Northbound\n");
    assertThat(run("ovsdb-tool", "schema-version", schema.toString())).isEqualTo("7.0.0\n");
    assertThat(run("ovsdb-tool", "needs-conversion", db.toString(), schema.toString()))
        .isEqualTo("no\n");
  }

  @Test
  void transactThenCompact_keepsRowsAndShrinksTheLog() throws Exception {
    Path db = dir.resolve("nb.db");
    run("ovsdb-tool", "create", db.toString(), schemaFile("ovn-nb").toString());
    for (int i = 0; i < 20; i++) {
      run("ovsdb-tool", "transact", db.toString(), "[\"OVN_Northbound\",{\"op\":\"insert\","
          + "\"table\":\"Logical_Switch\",\"row\":{\"name\":\"sw" + i + "\"}}]");
      run("ovsdb-tool", "transact", db.toString(), "[\"OVN_Northbound\",{\"op\":\"update\","
          + "\"table\":\"Logical_Switch\",\"where\":[[\"name\",\"==\",\"sw" + i + "\"]],"
          + "\"row\":{\"other_config\":[\"map\",[[\"k\",\"v\"]]]}}]");
    }
    long before = Files.size(db);
    run("ovsdb-tool", "compact", db.toString());
    assertThat(Files.size(db)).isLessThan(before);
    JsonNode result = Json.parse(run("ovsdb-tool", "query", db.toString(),
        "[\"OVN_Northbound\",{\"op\":\"select\",\"table\":\"Logical_Switch\",\"where\":[],"
            + "\"columns\":[\"name\",\"other_config\"]}]"));
    assertThat(result.get(0).get("rows")).hasSize(20);
    assertThat(result.get(0).get("rows").get(0).get("other_config").toString())
        .isEqualTo("[\"map\",[[\"k\",\"v\"]]]");
    assertThat(run("ovsdb-tool", "show-log", db.toString())).contains("record 1:");
  }

  @Test
  void convert_toNewerSchema_keepsCommonColumns() throws Exception {
    Path db = dir.resolve("nb.db");
    Path schema = schemaFile("ovn-nb");
    run("ovsdb-tool", "create", db.toString(), schema.toString());
    run("ovsdb-tool", "transact", db.toString(), "[\"OVN_Northbound\",{\"op\":\"insert\","
        + "\"table\":\"Logical_Switch\",\"row\":{\"name\":\"kept\"}}]");
    var newer = (com.fasterxml.jackson.databind.node.ObjectNode) DatabaseSchema
        .bundled("ovn-nb").json().deepCopy();
    newer.put("version", "7.0.1");
    ((com.fasterxml.jackson.databind.node.ObjectNode) newer.get("tables").get("Logical_Switch")
        .get("columns")).putObject("extra").put("type", "string");
    Path newSchema = dir.resolve("newer.ovsschema");
    Files.writeString(newSchema, newer.toString());
    assertThat(run("ovsdb-tool", "needs-conversion", db.toString(), newSchema.toString()))
        .isEqualTo("yes\n");
    run("ovsdb-tool", "convert", db.toString(), newSchema.toString());
    assertThat(run("ovsdb-tool", "db-version", db.toString())).isEqualTo("7.0.1\n");
    JsonNode result = Json.parse(run("ovsdb-tool", "query", db.toString(),
        "[\"OVN_Northbound\",{\"op\":\"select\",\"table\":\"Logical_Switch\",\"where\":[],"
            + "\"columns\":[\"name\",\"extra\"]}]"));
    assertThat(result.get(0).get("rows").get(0).get("name").asText()).isEqualTo("kept");
    assertThat(result.get(0).get("rows").get(0).get("extra").asText()).isEmpty();
  }
}
