package org.jovn.ovsdb.txn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.TableSchema;

/** Executes the operations of one transaction against its {@link TransactionState}. */
final class Operations {
  /** Thrown by an unsatisfied "wait" that may still be satisfied later. */
  static final class Blocked extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final long timeoutMs;

    Blocked(long timeoutMs) {
      super(null, null, false, false);
      this.timeoutMs = timeoutMs;
    }
  }

  private static final Set<String> READ_ONLY = Set.of("select", "wait", "abort", "comment",
      "assert");

  private static final UUID PLACEHOLDER = new UUID(0, 0);

  private final TransactionState state;
  private final Function<String, UUID> symbols;
  private final BiConsumer<String, UUID> bindName;
  private final Supplier<UUID> newUuid;
  private final Predicate<String> ownsLock;
  private final long elapsedMs;
  private final Set<String> createdNames = new HashSet<>();
  private final StringBuilder comment = new StringBuilder();
  private final RowParser rows;

  /**
   * @param symbols resolves a uuid-name, making up a UUID for a name not seen before
   * @param bindName binds a uuid-name to the UUID an insert chose with its "uuid" member
   */
  Operations(TransactionState state, Function<String, UUID> symbols,
      BiConsumer<String, UUID> bindName, Supplier<UUID> newUuid, Predicate<String> ownsLock,
      long elapsedMs) {
    this.state = state;
    this.symbols = symbols;
    this.bindName = bindName;
    this.newUuid = newUuid;
    this.ownsLock = ownsLock;
    this.elapsedMs = elapsedMs;
    this.rows = new RowParser(symbols);
  }

  static boolean isReadOnly(JsonNode op) {
    return READ_ONLY.contains(op.path("op").asText());
  }

  String comment() {
    return comment.isEmpty() ? null : comment.toString();
  }

  ObjectNode execute(JsonNode op, int index, int count) {
    if (!op.isObject()) {
      throw OvsdbException.syntax("ovsdb operation " + index + " of " + count
          + " is not an object");
    }
    JsonNode name = op.get("op");
    if (name == null || !name.isTextual()) {
      throw OvsdbException.syntax("ovsdb operation " + index + " of " + count
          + ": Required 'op' member is missing or not a string.");
    }
    ObjectNode result = Json.object();
    switch (name.textValue()) {
      case "insert" -> insert(op, result);
      case "select" -> select(op, result);
      case "update" -> update(op, result);
      case "mutate" -> mutate(op, result);
      case "delete" -> delete(op, result);
      case "wait" -> waitFor(op);
      case "commit" -> member(op, "durable", JsonNode::isBoolean, "boolean");
      case "abort" -> throw new OvsdbException("aborted", "aborted by request");
      case "comment" -> addComment(op);
      case "assert" -> assertLock(op);
      default -> throw OvsdbException.syntax("No operation \"" + name.textValue() + "\"");
    }
    return result;
  }

  private void insert(JsonNode op, ObjectNode result) {
    TableSchema table = table(op);
    JsonNode uuidName = op.get("uuid-name");
    JsonNode uuidJson = op.get("uuid");
    if (uuidName != null && !(uuidName.isTextual() && isId(uuidName.textValue()))) {
      throw OvsdbException.syntax("Type mismatch for member 'uuid-name'.");
    }
    JsonNode rowJson = member(op, "row", JsonNode::isObject, "object");
    UUID uuid = null;
    if (uuidJson != null) {
      if (!uuidJson.isTextual()) {
        throw OvsdbException.syntax("Type mismatch for member 'uuid'.");
      }
      uuid = Atoms.parseUuid(uuidJson.textValue());
      state.checkMayCreate(table, uuid);
    }
    if (uuidName != null) {
      if (!createdNames.add(uuidName.textValue())) {
        throw new OvsdbException("duplicate uuid-name",
            "This \"uuid-name\" appeared on an earlier \"insert\" operation.");
      }
      if (uuid != null) {
        bindName.accept(uuidName.textValue(), uuid);
      } else {
        uuid = symbols.apply(uuidName.textValue());
      }
    }
    if (uuid == null) {
      uuid = newUuid.get();
    }
    Row row = Row.withDefaults(table, uuid, null);
    row = rows.apply(table, row, rowJson, false);
    checkDefaults(row);
    state.insert(row);
    result.set("uuid", Atoms.toJson(uuid));
  }

  /** Columns left at a one-element default must still meet their constraints (ovsdb-server). */
  private static void checkDefaults(Row row) {
    for (ColumnSchema c : row.table().columns()) {
      Datum d = row.get(c);
      if (d.size() != 1) {
        continue;
      }
      try {
        c.type().key().check(d.key(0));
        if (d.isMap()) {
          c.type().value().check(d.value(0));
        }
      } catch (OvsdbException e) {
        throw new OvsdbException(e.error(), "table " + row.table().name() + " column "
            + c.name() + ": " + e.details());
      }
    }
  }

  /** An OVSDB {@code <id>}: a letter or underscore, then letters, digits and underscores. */
  private static boolean isId(String s) {
    if (s.isEmpty() || !(s.charAt(0) < 128 && Character.isLetter(s.charAt(0))
        || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'))) {
        return false;
      }
    }
    return true;
  }

  private void select(JsonNode op, ObjectNode result) {
    TableSchema table = table(op);
    Condition where = where(table, op);
    List<ColumnSchema> columns = columns(table, op.get("columns"));
    boolean withUuid = wantsSpecial(op.get("columns"), "_uuid");
    boolean withVersion = wantsSpecial(op.get("columns"), "_version");
    ArrayNode out = Json.array();
    for (Row r : state.query(table, where)) {
      out.add(r.toJson(columns, withUuid, withVersion));
    }
    result.set("rows", out);
  }

  private void update(JsonNode op, ObjectNode result) {
    TableSchema table = table(op);
    JsonNode rowJson = member(op, "row", JsonNode::isObject, "object");
    Row template = rows.apply(table, Row.withDefaults(table, PLACEHOLDER, null), rowJson,
        true);
    Condition where = where(table, op);
    List<Row> matches = state.query(table, where);
    for (Row r : matches) {
      Row neu = r;
      for (Map.Entry<String, JsonNode> e : rowJson.properties()) {
        ColumnSchema c = table.column(e.getKey());
        neu = neu.with(c, template.get(c));
      }
      if (neu != r) {
        state.update(neu);
      }
    }
    result.put("count", matches.size());
  }

  private void mutate(JsonNode op, ObjectNode result) {
    TableSchema table = table(op);
    JsonNode mutationsJson = member(op, "mutations", JsonNode::isArray, "array");
    List<Mutation> mutations = new ArrayList<>();
    for (JsonNode m : mutationsJson) {
      mutations.add(Mutation.fromJson(table, m, symbols));
    }
    Condition where = where(table, op);
    List<Row> matches = state.query(table, where);
    for (Row r : matches) {
      Row neu = r;
      for (Mutation m : mutations) {
        neu = neu.with(m.column(), m.apply(neu.get(m.column())));
      }
      if (neu != r) {
        state.update(neu);
      }
    }
    result.put("count", matches.size());
  }

  private void delete(JsonNode op, ObjectNode result) {
    TableSchema table = table(op);
    List<Row> matches = state.query(table, where(table, op));
    for (Row r : matches) {
      state.delete(r);
    }
    result.put("count", matches.size());
  }

  private void waitFor(JsonNode op) {
    TableSchema table = table(op);
    JsonNode timeoutJson = op.get("timeout");
    long timeout = Long.MAX_VALUE;
    if (timeoutJson != null) {
      if (!timeoutJson.isNumber() || timeoutJson.asDouble() < 0) {
        throw OvsdbException.syntax("timeout must be nonnegative");
      }
      timeout = (long) Math.min(Long.MAX_VALUE, timeoutJson.asDouble());
    }
    String until = member(op, "until", JsonNode::isTextual, "string").textValue();
    if (!until.equals("==") && !until.equals("!=")) {
      throw OvsdbException.syntax("\"until\" must be \"==\" or \"!=\"");
    }
    Condition where = where(table, op);
    List<ColumnSchema> columns = columns(table, op.get("columns"));
    Set<List<Datum>> expected = new HashSet<>();
    for (JsonNode rowJson : member(op, "rows", JsonNode::isArray, "array")) {
      Row r = rows.apply(table, Row.withDefaults(table, PLACEHOLDER, null), rowJson, false);
      expected.add(project(r, columns));
    }
    Set<List<Datum>> actual = new HashSet<>();
    boolean equal = true;
    for (Row r : state.query(table, where)) {
      List<Datum> p = project(r, columns);
      if (!expected.contains(p)) {
        equal = false;
        break;
      }
      actual.add(p);
    }
    equal = equal && actual.size() == expected.size();
    if (until.equals("==") != equal) {
      if (timeoutJson != null && elapsedMs >= timeout) {
        throw new OvsdbException("timed out", elapsedMs > 0
            ? "\"wait\" timed out after " + elapsedMs + " ms" : "\"where\" clause test failed");
      }
      throw new Blocked(timeout);
    }
  }

  private static List<Datum> project(Row r, List<ColumnSchema> columns) {
    List<Datum> p = new ArrayList<>(columns.size());
    for (ColumnSchema c : columns) {
      p.add(r.get(c));
    }
    return p;
  }

  private void addComment(JsonNode op) {
    String text = member(op, "comment", JsonNode::isTextual, "string").textValue();
    if (!comment.isEmpty()) {
      comment.append('\n');
    }
    comment.append(text);
  }

  private void assertLock(JsonNode op) {
    String lock = member(op, "lock", JsonNode::isTextual, "string").textValue();
    if (!ownsLock.test(lock)) {
      throw new OvsdbException("not owner", "Asserted lock " + lock + " not held.");
    }
  }

  private TableSchema table(JsonNode op) {
    String name = member(op, "table", JsonNode::isTextual, "string").textValue();
    TableSchema t = state.db().schema().table(name);
    if (t == null) {
      throw OvsdbException.syntax("No table named " + name + ".");
    }
    return t;
  }

  private Condition where(TableSchema table, JsonNode op) {
    return Condition.fromJson(table, member(op, "where", JsonNode::isArray, "array"), symbols);
  }

  private static List<ColumnSchema> columns(TableSchema table, JsonNode json) {
    if (json == null) {
      return table.columns();
    }
    if (!json.isArray()) {
      throw OvsdbException.syntax("\"columns\" must be an array of column names");
    }
    List<ColumnSchema> out = new ArrayList<>();
    for (JsonNode n : json) {
      String name = n.asText();
      if (name.equals("_uuid") || name.equals("_version")) {
        continue;
      }
      ColumnSchema c = table.column(name);
      if (c == null) {
        throw OvsdbException.syntax("No column " + name + " in table " + table.name() + ".");
      }
      out.add(c);
    }
    return out;
  }

  private static boolean wantsSpecial(JsonNode columns, String name) {
    if (columns == null) {
      return true;
    }
    for (JsonNode n : columns) {
      if (n.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode member(JsonNode op, String name, Predicate<JsonNode> ok, String kind) {
    JsonNode v = op.get(name);
    if (v == null || !ok.test(v)) {
      throw OvsdbException.syntax("Required '" + name + "' member is missing or not "
          + (kind.equals("object") || kind.equals("array") ? "an " : "a ") + kind + ".");
    }
    return v;
  }
}
