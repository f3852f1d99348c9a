package org.jovn.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.RowChange;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;
import org.jovn.ovsdb.txn.Condition;

/**
 * One monitor of one client: the tables it watches and the notification form it wants. Turns
 * the initial contents and each committed change set into the table-updates object of an
 * update/update2/update3 notification.
 *
 * <p>Not thread-safe: used on the database's owner thread, which orders its updates with the
 * commits they describe.
 */
public final class Monitor {
  private final JsonNode id;
  private final UpdateFormat format;
  private final Map<String, TableMonitor> tables;

  private Monitor(JsonNode id, UpdateFormat format, Map<String, TableMonitor> tables) {
    this.id = id;
    this.format = format;
    this.tables = tables;
  }

  /**
   * Parses the monitor requests of a monitor, monitor_cond or monitor_cond_since call.
   *
   * @throws OvsdbException "syntax error" on unknown tables or columns
   */
  public static Monitor fromJson(DatabaseSchema schema, JsonNode id, JsonNode requests,
      UpdateFormat format) {
    if (requests == null || !requests.isObject()) {
      throw OvsdbException.syntax("monitor requests must be an object");
    }
    Map<String, TableMonitor> tables = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : requests.properties()) {
      TableSchema t = schema.table(e.getKey());
      if (t == null) {
        throw OvsdbException.syntax("no table named " + e.getKey());
      }
      tables.put(t.name(), TableMonitor.fromJson(t, e.getValue(), format.isV2()));
    }
    return new Monitor(id, format, tables);
  }

  public JsonNode id() {
    return id;
  }

  /**
   * What this monitor watches, as a value: monitors with equal keys receive identical updates
   * for a commit, so a server computes them once (as ovsdb-server's JSON cache does). The key
   * changes when the conditions do.
   */
  public Object updateKey() {
    return List.of(format, Map.copyOf(tables));
  }

  public UpdateFormat format() {
    return format;
  }

  /** The current contents of the watched tables, for the monitor's reply. */
  public ObjectNode initial(Database db) {
    ObjectNode out = Json.object();
    tables.forEach((name, tm) -> {
      if (!tm.initial()) {
        return;
      }
      ObjectNode rows = null;
      for (Row r : db.rows(name)) {
        if (tm.where().testAny(r)) {
          if (rows == null) {
            rows = out.putObject(name);
          }
          rows.set(r.uuid().toString(), RowUpdates.added(format, tm.columns(), r, true));
        }
      }
    });
    return out;
  }

  /** The updates a committed change set means for this monitor, or null when none. */
  public ObjectNode update(ChangeSet changes) {
    ObjectNode out = null;
    for (Map.Entry<String, Map<UUID, RowChange>> e : changes.tables().entrySet()) {
      TableMonitor tm = tables.get(e.getKey());
      if (tm == null) {
        continue;
      }
      ObjectNode rows = null;
      for (RowChange c : e.getValue().values()) {
        ObjectNode u = rowUpdate(tm, c);
        if (u != null) {
          if (out == null) {
            out = Json.object();
          }
          if (rows == null) {
            rows = out.putObject(e.getKey());
          }
          rows.set(c.current().uuid().toString(), u);
        }
      }
    }
    return out;
  }

  private ObjectNode rowUpdate(TableMonitor tm, RowChange c) {
    boolean oldMatch = c.old() != null && tm.where().testAny(c.old());
    boolean newMatch = c.neu() != null && tm.where().testAny(c.neu());
    if (oldMatch && newMatch) {
      return tm.modify() ? RowUpdates.modified(format, tm.columns(), c.old(), c.neu()) : null;
    } else if (newMatch) {
      return tm.insert() ? RowUpdates.added(format, tm.columns(), c.neu(), false) : null;
    } else if (oldMatch) {
      return tm.delete() ? RowUpdates.removed(format, tm.columns(), c.old()) : null;
    }
    return null;
  }

  /**
   * Applies monitor_cond_change's new conditions and returns the update that brings the client
   * from the old selection to the new one (rows now matching as inserts, rows no longer matching
   * as deletes), or null when nothing changed.
   */
  public ObjectNode changeConditions(Database db, JsonNode condRequests) {
    if (condRequests == null || !condRequests.isObject()) {
      throw OvsdbException.syntax("condition change requests must be an object");
    }
    Map<String, TableMonitor> updated = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : condRequests.properties()) {
      TableMonitor tm = tables.get(e.getKey());
      if (tm == null) {
        throw OvsdbException.syntax("table " + e.getKey() + " is not monitored");
      }
      JsonNode reqs = e.getValue();
      JsonNode req = reqs.isArray() && !reqs.isEmpty() ? reqs.get(0) : reqs;
      JsonNode where = req.get("where");
      updated.put(e.getKey(), where == null ? tm
          : tm.withWhere(Condition.fromJson(tm.table(), where, null)));
    }
    ObjectNode out = Json.object();
    updated.forEach((name, neu) -> {
      TableMonitor old = tables.get(name);
      tables.put(name, neu);
      ObjectNode rows = null;
      for (Row r : db.rows(name)) {
        boolean was = old.where().testAny(r);
        boolean is = neu.where().testAny(r);
        if (was == is || !(is ? neu.insert() : neu.delete())) {
          continue;
        }
        if (rows == null) {
          rows = out.putObject(name);
        }
        rows.set(r.uuid().toString(), is ? RowUpdates.added(format, neu.columns(), r, false)
            : RowUpdates.removed(format, neu.columns(), r));
      }
    });
    return out.isEmpty() ? null : out;
  }
}
