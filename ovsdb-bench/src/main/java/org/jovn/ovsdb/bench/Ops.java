package org.jovn.ovsdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.jovn.ovsdb.json.Json;

/** Builds the OVSDB operations the workloads send and reads their results. Stateless. */
final class Ops {
  static final TextNode DATABASE = TextNode.valueOf("OVN_Northbound");
  static final String TABLE = "Address_Set";

  private Ops() {}

  /** An insert of a small {@code Address_Set} row named {@code name}. */
  static ObjectNode insert(String name) {
    ObjectNode row = Json.object();
    row.put("name", name);
    row.set("addresses",
        Json.array(TextNode.valueOf("set"), Json.array(TextNode.valueOf("10.0.0.1"))));
    ObjectNode op = Json.object();
    op.put("op", "insert");
    op.put("table", TABLE);
    op.set("row", row);
    return op;
  }

  /** Inserts of rows named {@code prefix + first} .. {@code prefix + (first + count - 1)}. */
  static ArrayNode inserts(String prefix, long first, int count) {
    ArrayNode ops = Json.array();
    for (long i = first; i < first + count; i++) {
      ops.add(insert(prefix + i));
    }
    return ops;
  }

  /** Deletes of the rows with these UUIDs. */
  static ArrayNode deletes(List<String> uuids) {
    ArrayNode ops = Json.array();
    for (String uuid : uuids) {
      ObjectNode op = Json.object();
      op.put("op", "delete");
      op.put("table", TABLE);
      ArrayNode value = Json.array(TextNode.valueOf("uuid"), TextNode.valueOf(uuid));
      op.set("where",
          Json.array(Json.array(TextNode.valueOf("_uuid"), TextNode.valueOf("=="), value)));
      ops.add(op);
    }
    return ops;
  }

  /**
   * Returns {@code result} as an array if it holds a result for every operation and no error.
   *
   * @throws BenchException naming the first error
   */
  static ArrayNode checkResults(ArrayNode ops, JsonNode result) {
    if (!(result instanceof ArrayNode results)) {
      throw new BenchException("transact: expected an array of results, got " + abbreviate(result));
    }
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      if (r.has("error")) {
        String where = i < ops.size()
            ? "operation " + i + " (" + ops.get(i).path("op").asText() + ")"
            : "commit";
        throw new BenchException("transact: " + where + " failed: " + abbreviate(r));
      }
    }
    if (results.size() < ops.size()) {
      throw new BenchException("transact: " + ops.size() + " operations but " + results.size()
          + " results");
    }
    return results;
  }

  /** Returns the UUID of the row inserted by operation {@code index}. */
  static String insertedUuid(ArrayNode results, int index) {
    JsonNode uuid = results.get(index).path("uuid");
    if (uuid.size() != 2 || !"uuid".equals(uuid.get(0).asText())) {
      throw new BenchException("transact: insert result " + index + " has no uuid: "
          + abbreviate(results.get(index)));
    }
    return uuid.get(1).asText();
  }

  /** Adds the UUIDs of all inserts in {@code results} to {@code into}. */
  static void addInsertedUuids(ArrayNode results, int inserts, List<String> into) {
    for (int i = 0; i < inserts; i++) {
      into.add(insertedUuid(results, i));
    }
  }

  static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
