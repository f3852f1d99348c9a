package org.jovn.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Atoms;

/** Reads the JSON form of a schema. Stateless. */
final class SchemaParser {
  private SchemaParser() {}

  static DatabaseSchema parse(JsonNode json) {
    if (!json.isObject()) {
      throw OvsdbException.syntax("schema must be a JSON object");
    }
    String name = text(json, "name", null);
    if (name == null) {
      throw OvsdbException.syntax("schema has no \"name\"");
    }
    JsonNode tablesJson = json.get("tables");
    if (tablesJson == null || !tablesJson.isObject()) {
      throw OvsdbException.syntax("schema " + name + " has no \"tables\" object");
    }
    Map<String, TableSchema> tables = new LinkedHashMap<>();
    boolean anyRoot = false;
    for (Map.Entry<String, JsonNode> e : tablesJson.properties()) {
      anyRoot |= e.getValue().path("isRoot").asBoolean(false);
    }
    for (Map.Entry<String, JsonNode> e : tablesJson.properties()) {
      tables.put(e.getKey(), table(e.getKey(), e.getValue(), !anyRoot));
    }
    for (TableSchema t : tables.values()) {
      for (ColumnSchema c : t.refColumns()) {
        checkRefTable(tables, t, c, c.type().key());
        checkRefTable(tables, t, c, c.type().value());
      }
    }
    return new DatabaseSchema(name, text(json, "version", ""), text(json, "cksum", ""), tables,
        json);
  }

  private static void checkRefTable(Map<String, TableSchema> tables, TableSchema t, ColumnSchema c,
      BaseType base) {
    if (base != null && base.isRef() && !tables.containsKey(base.refTable())) {
      throw OvsdbException.syntax("table " + t.name() + " column " + c.name()
          + " refers to undefined table " + base.refTable());
    }
  }

  private static TableSchema table(String name, JsonNode json, boolean allRoot) {
    JsonNode columnsJson = json.get("columns");
    if (columnsJson == null || !columnsJson.isObject()) {
      throw OvsdbException.syntax("table " + name + " has no \"columns\" object");
    }
    List<ColumnSchema> columns = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : columnsJson.properties()) {
      if (e.getKey().startsWith("_")) {
        throw OvsdbException.syntax("table " + name + ": column name " + e.getKey()
            + " is reserved");
      }
      columns.add(column(name, e.getKey(), columns.size(), e.getValue()));
    }
    long maxRows = json.has("maxRows") ? json.get("maxRows").asLong() : Long.MAX_VALUE;
    boolean isRoot = allRoot || json.path("isRoot").asBoolean(false);
    List<List<ColumnSchema>> indexes = new ArrayList<>();
    for (JsonNode index : json.path("indexes")) {
      List<ColumnSchema> cols = new ArrayList<>();
      for (JsonNode colName : index) {
        ColumnSchema c = columns.stream().filter(x -> x.name().equals(colName.asText()))
            .findFirst().orElseThrow(() -> OvsdbException.syntax("table " + name
                + " index names unknown column " + colName.asText()));
        cols.add(c);
      }
      indexes.add(cols);
    }
    return new TableSchema(name, columns, maxRows, isRoot, indexes);
  }

  private static ColumnSchema column(String table, String name, int index, JsonNode json) {
    JsonNode typeJson = json.get("type");
    if (typeJson == null) {
      throw OvsdbException.syntax("table " + table + " column " + name + " has no type");
    }
    ColumnType type = columnType(typeJson);
    return new ColumnSchema(name, index, type, json.path("ephemeral").asBoolean(false),
        json.path("mutable").asBoolean(true));
  }

  static ColumnType columnType(JsonNode json) {
    if (json.isTextual()) {
      return new ColumnType(BaseType.of(AtomicType.fromJsonName(json.asText())), null, 1, 1);
    }
    BaseType key = baseType(json.get("key"));
    BaseType value = json.has("value") ? baseType(json.get("value")) : null;
    long min = json.has("min") ? json.get("min").asLong() : 1;
    JsonNode maxJson = json.get("max");
    long max = maxJson == null ? 1
        : maxJson.isTextual() && maxJson.asText().equals("unlimited") ? Long.MAX_VALUE
            : maxJson.asLong();
    try {
      return new ColumnType(key, value, min, max);
    } catch (IllegalArgumentException e) {
      throw OvsdbException.syntax(e.getMessage());
    }
  }

  private static BaseType baseType(JsonNode json) {
    if (json == null) {
      throw OvsdbException.syntax("type has no key");
    }
    if (json.isTextual()) {
      return BaseType.of(AtomicType.fromJsonName(json.asText()));
    }
    AtomicType type = AtomicType.fromJsonName(text(json, "type", ""));
    Set<Object> enumValues = null;
    if (json.has("enum")) {
      enumValues = new LinkedHashSet<>();
      JsonNode e = json.get("enum");
      if (e.isArray() && e.size() == 2 && "set".equals(e.get(0).asText()) && e.get(1).isArray()) {
        for (JsonNode atom : e.get(1)) {
          enumValues.add(Atoms.fromJson(type, atom, null));
        }
      } else {
        enumValues.add(Atoms.fromJson(type, e, null));
      }
    }
    String refTable = text(json, "refTable", null);
    BaseType.RefType refType = "weak".equals(text(json, "refType", "strong"))
        ? BaseType.RefType.WEAK : BaseType.RefType.STRONG;
    return new BaseType(type, enumValues,
        json.has("minInteger") ? json.get("minInteger").asLong() : Long.MIN_VALUE,
        json.has("maxInteger") ? json.get("maxInteger").asLong() : Long.MAX_VALUE,
        json.has("minReal") ? json.get("minReal").asDouble() : Double.NEGATIVE_INFINITY,
        json.has("maxReal") ? json.get("maxReal").asDouble() : Double.POSITIVE_INFINITY,
        json.has("minLength") ? json.get("minLength").asLong() : 0,
        json.has("maxLength") ? json.get("maxLength").asLong() : Long.MAX_VALUE,
        type == AtomicType.UUID ? refTable : null, refType);
  }

  private static String text(JsonNode json, String field, String dflt) {
    JsonNode v = json.get(field);
    return v != null && v.isTextual() ? v.asText() : dflt;
  }
}
