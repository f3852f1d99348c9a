package org.jovn.ovsdb.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with the real {@code ovsdb-tool} (OVS 3.1, Debian's openvswitch-common package):
 * files it writes are read by {@link LogFile}, files {@link LogFile} writes are accepted by it,
 * and {@link ShowLog} prints what its {@code show-log} prints. Skipped when
 * {@code -Djovn.interop=false}.
 */
class LogFileInteropTest {
    private static final String LS1 = "11111111-2222-4333-8444-555555555555";
    private static final String LS2 = "66666666-7777-4888-9999-aaaaaaaaaaaa";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    @BeforeEach
    void interopEnabled() {
        assumeFalse("false".equals(System.getProperty("jovn.interop")), "jovn.interop=false");
    }

    private static Run tool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ovsdb-tool"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    private Path realToolDatabase() throws Exception {
        Path db = dir.resolve("nb.db");
        assertThat(tool("create", db.toString(), TestRecords.NB_SCHEMA.toString()).exit()).isZero();
        assertThat(tool("transact", db.toString(), "[\"OVN_Northbound\",{\"op\":\"insert\","
                + "\"table\":\"Logical_Switch\",\"row\":{\"name\":\"sw0\",\"external_ids\":"
                + "[\"map\",[[\"a\",\"b\"]]]}},{\"op\":\"comment\",\"comment\":\"hello\"}]").exit())
                .isZero();
        assertThat(tool("transact", db.toString(), "[\"OVN_Northbound\",{\"op\":\"update\","
                + "\"table\":\"Logical_Switch\",\"where\":[],\"row\":{\"name\":\"sw1\"}}]").exit())
                .isZero();
        assertThat(tool("transact", db.toString(), "[\"OVN_Northbound\",{\"op\":\"delete\","
                + "\"table\":\"Logical_Switch\",\"where\":[]}]").exit()).isZero();
        return db;
    }

    @Test
    void readAll_fileWrittenByOvsdbTool_returnsItsRecords() throws Exception {
        Path db = realToolDatabase();
        List<JsonNode> records = new ArrayList<>();
        try (LogFile log = LogFile.open(db, records::add)) {
            assertThat(log.recordsSinceOpen()).isEqualTo(4);
        }
        assertThat(records).hasSize(4);
        assertThat(SchemaInfo.of(records.get(0)).name()).isEqualTo("OVN_Northbound");
        JsonNode insert = records.get(1);
        assertThat(insert.get("_comment").asText()).isEqualTo("hello");
        Map.Entry<String, JsonNode> row = insert.get("Logical_Switch").properties().iterator().next();
        assertThat(row.getValue().get("name").asText()).isEqualTo("sw0");
        assertThat(records.get(2).get("Logical_Switch").get(row.getKey()).get("name").asText())
                .isEqualTo("sw1");
        assertThat(records.get(3).get("Logical_Switch").get(row.getKey()).isNull()).isTrue();
        assertThat(SchemaInfo.ofDatabase(db).version())
                .isEqualTo(tool("db-version", db.toString()).out().strip());
    }

    @Test
    void open_heldByLogFile_ovsdbToolCannotLock() throws Exception {
        Path db = realToolDatabase();
        try (LogFile log = LogFile.open(db, r -> { })) {
            Run run = tool("transact", db.toString(), "[\"OVN_Northbound\"]");
            assertThat(run.exit()).isNotZero();
            assertThat(run.err()).contains("failed to lock lockfile");
        }
        assertThat(tool("transact", db.toString(), "[\"OVN_Northbound\"]").exit()).isZero();
    }

    private Path logFileDatabase() {
        JsonNode schema = TestRecords.nbSchema();
        ObjectNode full = JsonNodeFactory.instance.objectNode();
        schema.path("tables").path("Logical_Switch").path("columns").properties()
                .forEach(c -> full.set(c.getKey(), emptyValue(c.getValue().get("type"))));
        full.put("name", "sw0");
        Path db = dir.resolve("jovn.db");
        try (LogFile log = LogFile.create(db)) {
            log.append(schema);
            log.append(txn(1_795_599_423_176L, "\"_comment\":\"create\",\"Logical_Switch\":{\""
                    + LS1 + "\":" + full + "}"));
            log.append(txn(1_795_599_423_200L, "\"Logical_Switch\":{\"" + LS2
                    + "\":{\"name\":\"sw2\",\"other_config\":[\"map\",[[\"k\",\"v w\"]]]}}"));
            log.append(txn(1_795_599_423_300L, "\"_is_diff\":true,\"Logical_Switch\":{\"" + LS1
                    + "\":{\"name\":\"sw1\"}}"));
            log.append(txn(1_795_599_423_400L, "\"Logical_Switch\":{\"" + LS2 + "\":null}"));
            log.sync();
        }
        return db;
    }

    private static JsonNode txn(long date, String members) {
        return TestRecords.json("{\"_date\":" + date + "," + members + "}");
    }

    private static JsonNode emptyValue(JsonNode type) {
        ColumnType t = ColumnType.parse(type);
        String text = t.isMap() ? "[\"map\",[]]" : t.min() == 0 || t.max() > 1 ? "[\"set\",[]]"
                : switch (t.key()) {
                    case "string" -> "\"\"";
                    case "boolean" -> "false";
                    default -> "0";
                };
        return TestRecords.json(text);
    }

    @Test
    void logFileOutput_acceptedByOvsdbTool() throws Exception {
        Path db = logFileDatabase();
        assertThat(tool("db-version", db.toString()).out().strip())
                .isEqualTo(SchemaInfo.of(TestRecords.nbSchema()).version());
        assertThat(tool("db-name", db.toString()).out().strip()).isEqualTo("OVN_Northbound");
        assertThat(tool("db-cksum", db.toString()).out().strip())
                .isEqualTo(SchemaInfo.ofDatabase(db).cksum());
        assertThat(tool("db-is-standalone", db.toString()).exit()).isZero();
        assertThat(tool("db-is-clustered", db.toString()).exit()).isNotZero();
        Run show = tool("-mm", "show-log", db.toString());
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.err()).isEmpty();
        Run query = tool("query", db.toString(), "[\"OVN_Northbound\",{\"op\":\"select\","
                + "\"table\":\"Logical_Switch\",\"where\":[],\"columns\":[\"_uuid\",\"name\"]}]");
        assertThat(query.exit()).as(query.err()).isZero();
        JsonNode rows = TestRecords.json(query.out()).get(0).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name").asText()).isEqualTo("sw1");
        assertThat(rows.get(0).get("_uuid").get(1).asText()).isEqualTo(LS1);
    }

    @Test
    void showLog_matchesOvsdbToolShowLog() throws Exception {
        for (Path db : List.of(logFileDatabase(), realToolDatabase())) {
            for (int m = 0; m <= 2; m++) {
                List<String> args = new ArrayList<>();
                for (int i = 0; i < m; i++) {
                    args.add("-m");
                }
                args.add("show-log");
                args.add(db.toString());
                String expected = tool(args.toArray(String[]::new)).out();
                String actual = ShowLog.render(db, m);
                if (m < 2) {
                    assertThat(actual).as("%s -m x%d", db, m).isEqualTo(expected);
                } else {
                    // ovsdb-tool prints columns in hash order; compare the lines as a multiset.
                    assertThat(actual.lines().sorted().toList()).as("%s -mm", db)
                            .isEqualTo(expected.lines().sorted().toList());
                }
            }
        }
    }
}
