package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.monitor.UpdateFormat;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.rpc.Notification;
import org.jovn.ovsdb.rpc.Request;
import org.jovn.ovsdb.rpc.RpcConnection;
import org.jovn.ovsdb.rpc.RpcHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: dispatches OVSDB's JSON-RPC methods to the databases, and holds the
 * client's locks and monitors. Requests arrive on the connection's event loop and are handed to
 * database threads; nothing here blocks. Thread-safe.
 */
final class Session implements RpcHandler, MonitorSink {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final OvsdbServer server;
  private final RpcConnection connection;
  private final boolean readOnly;
  /** Monitor id to the database it watches. */
  private final Map<JsonNode, DatabaseEngine> monitors = new ConcurrentHashMap<>();
  private volatile boolean dbChangeAware;

  Session(OvsdbServer server, RpcConnection connection, boolean readOnly) {
    this.server = server;
    this.connection = connection;
    this.readOnly = readOnly;
  }

  @Override
  public void onRequest(RpcConnection conn, Request request) {
    JsonNode id = request.id();
    try {
      dispatch(request.method(), request.params(), id);
    } catch (OvsdbException e) {
      replyError(id, e.toJson());
    }
  }

  private void dispatch(String method, JsonNode params, JsonNode id) {
    switch (method) {
      case "list_dbs" -> reply(id, server.databaseNames());
      case "get_schema" -> reply(id, database(method, params).schema().json());
      case "transact" -> database(method, params).transact(this, id, params);
      case "monitor" -> monitor(method, params, id, UpdateFormat.UPDATE);
      case "monitor_cond" -> monitor(method, params, id, UpdateFormat.UPDATE2);
      case "monitor_cond_since" -> monitor(method, params, id, UpdateFormat.UPDATE3);
      case "monitor_cond_change" -> changeMonitor(params, id);
      case "monitor_cancel" -> cancelMonitor(params, id);
      case "lock", "steal", "unlock" -> lock(method, params, id);
      case "set_db_change_aware" -> {
        dbChangeAware = param(params, 0).asBoolean();
        reply(id, Json.object());
      }
      case "convert" -> convert(params, id);
      case "get_server_id" -> reply(id, Json.NODES.textNode(server.serverId().toString()));
      case "echo" -> reply(id, params);
      default -> replyError(id, Json.NODES.textNode("unknown method"));
    }
  }

  @Override
  public void onNotification(RpcConnection conn, Notification n) {
    if (n.method().equals("cancel") && n.params() != null && n.params().size() == 1) {
      for (DatabaseEngine e : server.engines()) {
        e.cancelTransaction(this, n.params().get(0));
      }
    }
  }

  private void monitor(String method, JsonNode params, JsonNode id, UpdateFormat format) {
    DatabaseEngine db = database(method, params);
    JsonNode monitorId = param(params, 1);
    JsonNode requests = param(params, 2);
    UUID lastTxnId = null;
    if (format == UpdateFormat.UPDATE3) {
      lastTxnId = Atoms.parseUuid(param(params, 3).asText());
    }
    if (monitors.putIfAbsent(monitorId, db) != null) {
      throw OvsdbException.syntax("duplicate monitor ID");
    }
    db.monitor(this, id, monitorId, requests, format, lastTxnId);
  }

  private void changeMonitor(JsonNode params, JsonNode id) {
    JsonNode monitorId = param(params, 0);
    DatabaseEngine db = monitors.get(monitorId);
    if (db == null) {
      throw OvsdbException.syntax("unknown monitor session");
    }
    db.changeMonitor(this, id, monitorId, param(params, 1), param(params, 2));
  }

  private void cancelMonitor(JsonNode params, JsonNode id) {
    JsonNode monitorId = param(params, 0);
    DatabaseEngine db = monitors.remove(monitorId);
    if (db == null) {
      // As ovsdb-server: a bare string, not an error object.
      replyError(id, Json.NODES.textNode("unknown monitor"));
      return;
    }
    db.cancelMonitor(this, monitorId).thenRun(() -> reply(id, Json.object()));
  }

  /** ["DB", SCHEMA]: converts a served database to a new version of its schema. */
  private void convert(JsonNode params, JsonNode id) {
    DatabaseEngine db = database("convert", params);
    if (readOnly || ServerDatabase.NAME.equals(db.name())) {
      throw new OvsdbException("not allowed", "database " + db.name()
          + " may not be converted over this connection");
    }
    DatabaseSchema target = DatabaseSchema.fromJson(param(params, 1));
    if (!target.name().equals(db.name())) {
      throw new OvsdbException("invalid parameters", "new schema name (" + target.name()
          + ") does not match database name (" + db.name() + ")");
    }
    db.convert(target).whenComplete((v, err) -> {
      if (err == null) {
        server.schemaChanged(db);
        reply(id, Json.object());
      } else {
        Throwable cause = err instanceof java.util.concurrent.CompletionException
            && err.getCause() != null ? err.getCause() : err;
        OvsdbException e = cause instanceof OvsdbException oe ? oe
            : new OvsdbException("internal error", "conversion failed: " + cause.getMessage());
        replyError(id, e.toJson());
      }
    });
  }

  private void lock(String method, JsonNode params, JsonNode id) {
    JsonNode nameJson = param(params, 0);
    if (!nameJson.isTextual()) {
      throw OvsdbException.syntax("lock name must be a string");
    }
    String name = nameJson.textValue();
    LockManager locks = server.locks();
    switch (method) {
      case "lock" -> {
        boolean got = locks.lock(this, name);
        reply(id, Json.object().put("locked", got));
      }
      case "steal" -> {
        LockManager.Notice n = locks.steal(this, name);
        reply(id, Json.object().put("locked", true));
        if (n != null) {
          n.session().notify(n.method(), Json.array(Json.NODES.textNode(name)));
        }
      }
      default -> {
        LockManager.Notice n = locks.unlock(this, name);
        reply(id, Json.object());
        if (n != null) {
          n.session().notify(n.method(), Json.array(Json.NODES.textNode(name)));
        }
      }
    }
  }

  /** The database named by the first parameter; errors worded as ovsdb-server's. */
  private DatabaseEngine database(String method, JsonNode params) {
    JsonNode name = params == null || params.isEmpty() ? null : params.get(0);
    if (name == null || !name.isTextual()) {
      throw OvsdbException.syntax(method + " request params must begin with <db-name>");
    }
    DatabaseEngine db = server.engine(name.textValue());
    if (db == null) {
      throw new OvsdbException("unknown database", method
          + " request specifies unknown database " + name.textValue());
    }
    return db;
  }

  private static JsonNode param(JsonNode params, int index) {
    if (params == null || !params.isArray() || params.size() <= index) {
      throw OvsdbException.syntax("missing parameter " + (index + 1));
    }
    return params.get(index);
  }

  @Override
  public void onClose(RpcConnection conn) {
    LOG.debug("{}: connection closed", conn.name());
    for (DatabaseEngine e : server.engines()) {
      e.clientClosed(this);
    }
    for (LockManager.Notice n : server.locks().releaseAll(this)) {
      n.session().notify(n.method(), Json.array(Json.NODES.textNode(n.lock())));
    }
    server.sessionClosed(this);
  }

  @Override
  public void notify(String method, JsonNode params) {
    connection.notify(method, (ArrayNode) params);
  }

  @Override
  public void reply(JsonNode id, JsonNode result) {
    connection.reply(id, result);
  }

  @Override
  public void replyError(JsonNode id, JsonNode error) {
    connection.replyError(id, error);
  }

  @Override
  public boolean ownsLock(String lock) {
    return server.locks().owns(this, lock);
  }

  @Override
  public boolean readOnly() {
    return readOnly;
  }

  @Override
  public void monitorRejected(JsonNode monitorId) {
    monitors.remove(monitorId);
  }

  @Override
  public void monitorCanceled(JsonNode monitorId) {
    monitors.remove(monitorId);
    if (dbChangeAware) {
      notify("monitor_canceled", Json.array(monitorId));
    } else {
      LOG.info("{}: disconnecting: a monitored database changed schema", connection.name());
      connection.close();
    }
  }

  boolean dbChangeAware() {
    return dbChangeAware;
  }

  RpcConnection connection() {
    return connection;
  }
}
