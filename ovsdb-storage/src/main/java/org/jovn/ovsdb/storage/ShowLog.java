package org.jovn.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text {@code ovsdb-tool [-m]... show-log FILE} prints for a standalone database.
 *
 * <pre>
 * record 0: "OVN_Northbound" schema, version="7.0.0", cksum="94023179 33468"
 *
 * record 1: 2026-11-25 09:37:03.176 "hello world"
 *   table Logical_Switch insert row "sw0" (107b29c9):
 *     name=sw0
 * </pre>
 *
 * <p>Verbosity 0 prints the date (UTC, as ovsdb-tool) and comment of each record, 1 adds one
 * line per changed row, 2 or more adds one line per column, formatted with the column's type
 * from the schema record. Rows are named by their {@code "name"} column when they have one.
 * One known difference: ovsdb-tool walks tables, rows and columns in hash-table order, this
 * class in the record's JSON order, so lines inside one record may come out in another order.
 * Stateless and thread-safe.
 */
public final class ShowLog {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private ShowLog() {}

    /**
     * Renders the log of database file {@code db}, read without locking.
     *
     * @throws StorageException if the file cannot be read
     */
    public static String render(Path db, int verbosity) {
        return render(LogFile.readAll(db), verbosity);
    }

    /**
     * Renders {@code records}, the first of which is the schema.
     *
     * @throws IllegalArgumentException if the first record is not a schema
     */
    public static String render(List<? extends JsonNode> records, int verbosity) {
        StringBuilder out = new StringBuilder();
        Map<String, String> names = new HashMap<>();
        JsonNode tables = null;
        for (int i = 0; i < records.size(); i++) {
            JsonNode json = records.get(i);
            out.append("record ").append(i).append(':');
            if (i == 0) {
                SchemaInfo info = SchemaInfo.of(json);
                tables = json.path("tables");
                out.append(" \"").append(info.name()).append("\" schema, version=\"")
                        .append(nullToEmpty(info.version())).append("\", cksum=\"")
                        .append(nullToEmpty(info.cksum())).append("\"\n");
            } else {
                changeRecord(out, json, tables, names, verbosity);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void changeRecord(StringBuilder out, JsonNode json, JsonNode tables,
            Map<String, String> names, int verbosity) {
        if (!json.isObject()) {
            return;
        }
        JsonNode date = json.get("_date");
        if (date != null && date.isIntegralNumber()) {
            long t = date.asLong();
            if (t < Integer.MAX_VALUE) {
                t *= 1000; // older versions of ovsdb wrote seconds
            }
            out.append(' ').append(DATE.format(Instant.ofEpochMilli(t)));
        }
        JsonNode comment = json.get("_comment");
        if (comment != null && comment.isTextual()) {
            out.append(" \"").append(comment.asText()).append('"');
        }
        if (verbosity > 0) {
            changes(out, json, tables, names, verbosity);
        }
    }

    private static void changes(StringBuilder out, JsonNode json, JsonNode tables,
            Map<String, String> names, int verbosity) {
        boolean diff = json.path("_is_diff").asBoolean(false) && json.get("_is_diff").isBoolean();
        boolean first = true;
        for (Map.Entry<String, JsonNode> table : json.properties()) {
            if (table.getKey().startsWith("_") || !table.getValue().isObject()) {
                continue;
            }
            if (first) {
                out.append('\n');
                first = false;
            }
            JsonNode columnsSchema = tables == null ? null
                    : tables.path(table.getKey()).path("columns");
            for (Map.Entry<String, JsonNode> row : table.getValue().properties()) {
                row(out, table.getKey(), row.getKey(), row.getValue(), columnsSchema, diff,
                        names, verbosity);
            }
        }
    }

    private static void row(StringBuilder out, String table, String uuid, JsonNode columns,
            JsonNode columnsSchema, boolean diff, Map<String, String> names, int verbosity) {
        String prefix = uuid.length() > 8 ? uuid.substring(0, 8) : uuid;
        String oldName = names.get(uuid);
        String newName = columns.isObject() && columns.has("name")
                ? sortedJson(columns.get("name")) : null;
        out.append("  table ").append(table);
        if (oldName == null) {
            out.append(newName != null ? " insert row " + newName + " (" + prefix + "):\n"
                    : " insert row " + prefix + ":\n");
        } else {
            out.append(" row ").append(oldName).append(" (").append(prefix).append(')')
                    .append(diff ? " diff" : "").append(":\n");
        }
        if (columns.isObject()) {
            if (verbosity > 1) {
                for (Map.Entry<String, JsonNode> column : columns.properties()) {
                    out.append("    ").append(column.getKey()).append('=')
                            .append(value(column.getValue(), columnsSchema, column.getKey()))
                            .append('\n');
                }
            }
            if (newName != null && !newName.equals(oldName)) {
                names.put(uuid, newName);
            } else if (oldName == null) {
                names.put(uuid, prefix);
            }
        } else if (columns.isNull()) {
            out.append("    delete row\n");
            names.remove(uuid);
        }
    }

    private static String value(JsonNode value, JsonNode columnsSchema, String column) {
        ColumnType type = columnsSchema == null ? null
                : ColumnType.parse(columnsSchema.path(column).get("type"));
        String text = type == null ? null : DatumFormatter.format(value, type);
        return text != null ? text : sortedJson(value);
    }

    /** Compact JSON with object members sorted by key, like json_to_string(JSSF_SORT). */
    static String sortedJson(JsonNode json) {
        return sorted(json).toString();
    }

    private static JsonNode sorted(JsonNode json) {
        if (json.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            String[] keys = json.properties().stream().map(Map.Entry::getKey)
                    .toArray(String[]::new);
            Arrays.sort(keys, (a, b) -> Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            for (String k : keys) {
                out.set(k, sorted(json.get(k)));
            }
            return out;
        }
        if (json.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            json.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return json;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
