package org.jovn.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Records shared by the tests. */
final class TestRecords {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Path NB_SCHEMA =
            Path.of("../ovsdb-core/src/main/resources/org/jovn/ovsdb/schemas/ovn-nb.ovsschema");

    private TestRecords() {}

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode nbSchema() {
        try {
            return MAPPER.readTree(Files.readAllBytes(NB_SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode smallSchema() {
        return json("""
                {"name":"Tiny","version":"1.2.3","cksum":"12345 67",
                 "tables":{"T":{"columns":{"name":{"type":"string"},
                   "n":{"type":{"key":"integer","min":0,"max":"unlimited"}},
                   "m":{"type":{"key":"string","value":"string","min":0,"max":"unlimited"}}}}}}""");
    }

    static JsonNode txn(int i) {
        return json("{\"T\":{\"0000000" + (i % 10) + "-0000-0000-0000-000000000000\":"
                + "{\"name\":\"row" + i + "\",\"n\":[\"set\",[" + i + "]]}},"
                + "\"_date\":" + (1_700_000_000_000L + i) + ",\"_comment\":\"txn " + i + "\"}");
    }
}
