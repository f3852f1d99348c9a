package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.RpcException;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/** Builds the JSON of monitor requests and condition changes. Stateless. */
final class MonitorRequests {
  /** The monitor id of the replica's monitor. */
  static final String MONITOR_ID = "jovn-replica";
  /** The monitor id of the {@code _Server} monitor used to check servers. */
  static final String SERVER_MONITOR_ID = "jovn-server";

  private MonitorRequests() {}

  /**
   * The params of a monitor request: database, id, requests, and for monitor_cond_since the last
   * transaction id. Tables and columns the server's schema lacks are left out.
   */
  static ArrayNode params(MonitorMethod method, DatabaseSchema schema,
      Map<String, TableSpec> specs, UUID lastTxnId) {
    ObjectNode requests = Json.object();
    for (Map.Entry<String, TableSpec> e : specs.entrySet()) {
      TableSchema ts = schema.table(e.getKey());
      if (ts == null) {
        continue;
      }
      ObjectNode req = Json.object();
      ArrayNode cols = req.putArray("columns");
      List<String> wanted = e.getValue().columns();
      for (ColumnSchema c : ts.columns()) {
        if (wanted.isEmpty() || wanted.contains(c.name())) {
          cols.add(c.name());
        }
      }
      if (method != MonitorMethod.PLAIN && !e.getValue().where().isEmpty()) {
        req.set("where", where(ts, e.getValue().where()));
      }
      requests.set(e.getKey(), Json.array(req));
    }
    ArrayNode params = Json.array(Json.NODES.textNode(schema.name()),
        Json.NODES.textNode(MONITOR_ID), requests);
    if (method == MonitorMethod.COND_SINCE) {
      params.add(lastTxnId.toString());
    }
    return params;
  }

  /** The params of a monitor_cond_change for one table. */
  static ArrayNode condChange(DatabaseSchema schema, String table, List<Clause> where) {
    TableSchema ts = schema.table(table);
    ObjectNode requests = Json.object();
    requests.set(table, Json.array(Json.object().set("where", where(ts, where))));
    return Json.array(Json.NODES.textNode(MONITOR_ID), Json.NODES.textNode(MONITOR_ID), requests);
  }

  /** The where array; {@code [true]} when there is no clause. */
  static ArrayNode where(TableSchema ts, List<Clause> where) {
    ArrayNode a = Json.array();
    if (where.isEmpty()) {
      a.add(true);
    }
    where.forEach(c -> a.add(c.toJson(ts)));
    return a;
  }

  /** The params of the {@code _Server} monitor: our database's row in table Database. */
  static ArrayNode serverMonitor(String database) {
    ObjectNode req = Json.object();
    req.set("columns", Json.array(Json.NODES.textNode("name"), Json.NODES.textNode("model"),
        Json.NODES.textNode("connected"), Json.NODES.textNode("leader"),
        Json.NODES.textNode("index")));
    req.set("where", Json.array(Json.array(Json.NODES.textNode("name"),
        Json.NODES.textNode("=="), Json.NODES.textNode(database))));
    return Json.array(Json.NODES.textNode("_Server"), Json.NODES.textNode(SERVER_MONITOR_ID),
        Json.object().set("Database", Json.array(req)));
  }

  /** True when a call failed because the server does not know the method. */
  static boolean unknownMethod(Throwable error) {
    return error instanceof RpcException e && e.error().toString().contains("unknown method");
  }

  /** Unwraps CompletionException and friends. */
  static Throwable cause(Throwable t) {
    while ((t instanceof java.util.concurrent.CompletionException
        || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The first row object of an update2 table-updates for a table, in "initial" form, or null. */
  static ObjectNode firstRow(JsonNode updates, String table) {
    for (JsonNode row : updates.path(table)) {
      JsonNode body = row.has("initial") ? row.get("initial") : row.get("insert");
      if (body != null && body.isObject()) {
        return ((ObjectNode) body).deepCopy();
      }
    }
    return null;
  }
}
