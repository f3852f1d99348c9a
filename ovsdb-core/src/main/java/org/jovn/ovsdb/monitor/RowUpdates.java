package org.jovn.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.ColumnSchema;

/** Builds the per-row objects of update, update2 and update3 notifications. Stateless. */
final class RowUpdates {
  private RowUpdates() {}

  /** A row appearing: {"new": row} or {"initial"|"insert": non-default columns}. */
  static ObjectNode added(UpdateFormat f, List<ColumnSchema> columns, Row row, boolean initial) {
    ObjectNode u = Json.object();
    if (f.isV2()) {
      ObjectNode r = Json.object();
      for (ColumnSchema c : columns) {
        Datum d = row.get(c);
        if (!d.equals(c.type().defaultDatum())) {
          r.set(c.name(), d.toJson(c.type()));
        }
      }
      u.set(initial ? "initial" : "insert", r);
    } else {
      u.set("new", row.toJson(columns, false, false));
    }
    return u;
  }

  /** A row going: {"old": row} or {"delete": null}. */
  static ObjectNode removed(UpdateFormat f, List<ColumnSchema> columns, Row row) {
    ObjectNode u = Json.object();
    if (f.isV2()) {
      u.set("delete", Json.NODES.nullNode());
    } else {
      u.set("old", row.toJson(columns, false, false));
    }
    return u;
  }

  /** A row changing, or null when no monitored column changed. */
  static ObjectNode modified(UpdateFormat f, List<ColumnSchema> columns, Row old, Row neu) {
    ObjectNode changed = Json.object();
    for (ColumnSchema c : columns) {
      Datum a = old.get(c);
      Datum b = neu.get(c);
      if (a.equals(b)) {
        continue;
      }
      JsonNode value;
      if (!f.isV2()) {
        value = a.toJson(c.type());
      } else if (c.type().max() == 1) {
        // Not a composite type: ovsdb-server sends the new value, which replaces the old.
        value = b.toJson(c.type());
      } else {
        value = Datum.diff(a, b).toJson(c.type());
      }
      changed.set(c.name(), value);
    }
    if (changed.isEmpty()) {
      return null;
    }
    ObjectNode u = Json.object();
    if (f.isV2()) {
      u.set("modify", changed);
    } else {
      u.set("old", changed);
      u.set("new", neu.toJson(columns, false, false));
    }
    return u;
  }
}
