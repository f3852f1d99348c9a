package org.jovn.ovsdb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowLogTest {
    private static final String UUID = "107b29c9-0770-4fcb-bdf8-7321f33e12d2";

    private static List<JsonNode> records() {
        return List.of(TestRecords.smallSchema(),
                TestRecords.json("{\"_date\":1795599423176,\"T\":{\"" + UUID + "\":{\"name\":\"sw0\","
                        + "\"m\":[\"map\",[[\"b\",\"x y\"],[\"a\",\"1\"]]]}},\"_is_diff\":true,"
                        + "\"_comment\":\"hello world\"}"),
                TestRecords.json("{\"_date\":1795599423198,\"T\":{\"" + UUID
                        + "\":{\"n\":[\"set\",[3,1]]}},\"_is_diff\":true}"),
                TestRecords.json("{\"_date\":1795599423,\"T\":{\"" + UUID + "\":null}}"));
    }

    @Test
    void render_verbosity0_datesAndComments() {
        assertThat(ShowLog.render(records(), 0)).isEqualTo("""
                record 0: "Tiny" schema, version="1.2.3", cksum="12345 67"

                record 1: 2026-11-25 09:37:03.176 "hello world"
                record 2: 2026-11-25 09:37:03.198
                record 3: 2026-11-25 09:37:03.000
                """);
    }

    @Test
    void render_verbosity2_rowsAndColumnsFormattedByType() {
        assertThat(ShowLog.render(records(), 2)).isEqualTo("""
                record 0: "Tiny" schema, version="1.2.3", cksum="12345 67"

                record 1: 2026-11-25 09:37:03.176 "hello world"
                  table T insert row "sw0" (107b29c9):
                    name=sw0
                    m={a="1", b="x y"}

                record 2: 2026-11-25 09:37:03.198
                  table T row "sw0" (107b29c9) diff:
                    n=[1, 3]

                record 3: 2026-11-25 09:37:03.000
                  table T row "sw0" (107b29c9):
                    delete row

                """);
    }

    @Test
    void formatReal_matchesPrintfG15() {
        assertThat(DatumFormatter.formatReal(1.5)).isEqualTo("1.5");
        assertThat(DatumFormatter.formatReal(2.0)).isEqualTo("2");
        assertThat(DatumFormatter.formatReal(0.1)).isEqualTo("0.1");
        assertThat(DatumFormatter.formatReal(1e20)).isEqualTo("1e+20");
        assertThat(DatumFormatter.formatReal(1.25e-7)).isEqualTo("1.25e-07");
        assertThat(DatumFormatter.formatReal(123456789012345.0)).isEqualTo("123456789012345");
    }

    @Test
    void needsQuotes_followsOvsdbData() {
        assertThat(DatumFormatter.needsQuotes("sw0")).isFalse();
        assertThat(DatumFormatter.needsQuotes("a-b.c_d")).isFalse();
        assertThat(DatumFormatter.needsQuotes("0abc")).isTrue();
        assertThat(DatumFormatter.needsQuotes("true")).isTrue();
        assertThat(DatumFormatter.needsQuotes("")).isTrue();
        assertThat(DatumFormatter.needsQuotes(UUID)).isTrue();
    }

    @Test
    void schemaInfo_readsNameVersionCksum() {
        assertThat(SchemaInfo.of(TestRecords.smallSchema()))
                .isEqualTo(new SchemaInfo("Tiny", "1.2.3", "12345 67"));
    }
}
