package org.jovn.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jovn.ovsdb.json.Json;

/**
 * OVSDB operations on the test schema ({@link Cluster#SCHEMA}): rows of {@code Item} (a name and
 * the writer that inserted it) and {@code Reg} (a register: key and integer value).
 */
final class Ops {
  private Ops() {}

  static ObjectNode insertItem(String name, int writer) {
    ObjectNode op = Json.object();
    op.put("op", "insert");
    op.put("table", "Item");
    ObjectNode row = op.putObject("row");
    row.put("name", name);
    row.put("writer", writer);
    return op;
  }

  static ObjectNode select(String table, JsonNode where, String... columns) {
    ObjectNode op = Json.object();
    op.put("op", "select");
    op.put("table", table);
    op.set("where", where == null ? Json.array() : where);
    ArrayNode c = op.putArray("columns");
    for (String s : columns) {
      c.add(s);
    }
    return op;
  }

  static ArrayNode eq(String column, Object value) {
    ArrayNode where = Json.array();
    ArrayNode clause = where.addArray();
    clause.add(column);
    clause.add("==");
    if (value instanceof Long || value instanceof Integer) {
      clause.add(((Number) value).longValue());
    } else {
      clause.add(value.toString());
    }
    return where;
  }

  static ObjectNode insertReg(String key, long value) {
    ObjectNode op = Json.object();
    op.put("op", "insert");
    op.put("table", "Reg");
    ObjectNode row = op.putObject("row");
    row.put("key", key);
    row.put("value", value);
    return op;
  }

  /** Sets register KEY to VALUE. */
  static ObjectNode writeReg(String key, long value) {
    ObjectNode op = Json.object();
    op.put("op", "update");
    op.put("table", "Reg");
    op.set("where", eq("key", key));
    op.putObject("row").put("value", value);
    return op;
  }

  /** Fails the transaction (with "timed out") unless register KEY holds VALUE. */
  static ObjectNode waitReg(String key, long value) {
    ObjectNode op = Json.object();
    op.put("op", "wait");
    op.put("table", "Reg");
    op.put("timeout", 0);
    op.set("where", eq("key", key));
    op.putArray("columns").add("value");
    op.put("until", "==");
    op.putArray("rows").addObject().put("value", value);
    return op;
  }

  /** Adds 1 to every Tick row: makes a transaction a write, so that it goes through the log. */
  static ObjectNode tick() {
    ObjectNode op = Json.object();
    op.put("op", "mutate");
    op.put("table", "Tick");
    op.set("where", Json.array());
    ArrayNode m = op.putArray("mutations").addArray();
    m.add("n");
    m.add("+=");
    m.add(1);
    return op;
  }

  static ObjectNode insertTick() {
    ObjectNode op = Json.object();
    op.put("op", "insert");
    op.put("table", "Tick");
    op.putObject("row").put("n", 0);
    return op;
  }

  /** The names of every Item, sorted, with duplicates kept. */
  static List<String> itemNames(JsonRpc c) throws Exception {
    ArrayNode r = c.transact(Cluster.DB, 20_000, select("Item", null, "name"));
    List<String> names = new ArrayList<>();
    for (JsonNode row : r.get(0).get("rows")) {
      names.add(row.get("name").asText());
    }
    names.sort(null);
    return names;
  }

  /** Every register's value, by key. */
  static Map<String, Long> registers(JsonRpc c) throws Exception {
    ArrayNode r = c.transact(Cluster.DB, 20_000, select("Reg", null, "key", "value"));
    Map<String, Long> m = new TreeMap<>();
    for (JsonNode row : r.get(0).get("rows")) {
      m.put(row.get("key").asText(), row.get("value").asLong());
    }
    return m;
  }

  /** The first operation error in a transaction's results, or null when all succeeded. */
  static String error(ArrayNode results) {
    for (JsonNode r : results) {
      if (r != null && r.has("error")) {
        return r.get("error").asText();
      }
    }
    return null;
  }
}
