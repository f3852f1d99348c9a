package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.data.Uuids;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * The replica's mutable contents, confined to the client thread: one hash map per monitored
 * table, changed in place by update notifications, plus the last transaction id seen.
 *
 * <p>Snapshots are built on demand and cached: a table unchanged since the last snapshot reuses
 * that snapshot's frozen copy, so a snapshot costs O(rows of the tables changed since the last).
 * Every apply method returns the row events it caused, in the order applied.
 */
final class ReplicaState {
  private DatabaseSchema schema;
  private final Map<String, HashMap<UUID, Row>> tables = new HashMap<>();
  private final Map<String, Map<UUID, Row>> frozen = new HashMap<>();
  private final Map<String, Boolean> dirty = new HashMap<>();
  private final Map<String, TableChanges> history = new HashMap<>();
  private long seqno;
  private ReplicaSnapshot cached;
  private UUID lastTxnId = Uuids.ZERO;

  ReplicaState(DatabaseSchema schema, Collection<String> tableNames) {
    reset(schema, tableNames);
  }

  DatabaseSchema schema() {
    return schema;
  }

  UUID lastTxnId() {
    return lastTxnId;
  }

  void lastTxnId(UUID id) {
    lastTxnId = id;
  }

  long seqno() {
    return seqno;
  }

  /**
   * Starts over with another schema and set of tables: every row goes (returned as deletes) and
   * the last transaction id is forgotten.
   */
  List<RowEvent> reset(DatabaseSchema newSchema, Collection<String> tableNames) {
    List<RowEvent> events = new ArrayList<>();
    tables.values().forEach(rows -> rows.values().forEach(r -> events.add(new RowEvent.Deleted(r))));
    schema = newSchema;
    tables.clear();
    frozen.clear();
    dirty.clear();
    for (String t : tableNames) {
      if (newSchema.table(t) != null) {
        tables.put(t, new HashMap<>());
        dirty.put(t, true);
      }
    }
    lastTxnId = Uuids.ZERO;
    changed(events);
    return events;
  }

  /** Applies an update2/update3 {@code <table-updates2>} object. */
  List<RowEvent> applyUpdates2(JsonNode updates) {
    return applyEach(updates, (ts, rows, uuid, u, events) -> {
      JsonNode body;
      if ((body = u.get("initial")) != null || (body = u.get("insert")) != null) {
        put(rows, events, parseRow(ts, uuid, Row.withDefaults(ts, uuid, Uuids.ZERO), body, false));
      } else if ((body = u.get("modify")) != null) {
        Row old = rows.get(uuid);
        if (old == null) {
          throw new IllegalStateException("modify of unknown row " + uuid + " in " + ts.name());
        }
        put(rows, events, parseRow(ts, uuid, old, body, true));
      } else if (u.has("delete")) {
        remove(rows, events, uuid);
      }
    });
  }

  /** Applies an RFC 7047 {@code <table-updates>} object. */
  List<RowEvent> applyUpdates1(JsonNode updates) {
    return applyEach(updates, (ts, rows, uuid, u, events) -> {
      JsonNode neu = u.get("new");
      if (neu != null && !neu.isNull()) {
        put(rows, events, parseRow(ts, uuid, Row.withDefaults(ts, uuid, Uuids.ZERO), neu, false));
      } else {
        remove(rows, events, uuid);
      }
    });
  }

  /** Applies one row's entry of a table-updates object. */
  @FunctionalInterface
  private interface RowUpdate {
    void apply(TableSchema ts, HashMap<UUID, Row> rows, UUID uuid, JsonNode update,
        List<RowEvent> events);
  }

  /** Walks a table-updates object (any form) row by row, for the monitored tables. */
  private List<RowEvent> applyEach(JsonNode updates, RowUpdate f) {
    List<RowEvent> events = new ArrayList<>();
    for (Map.Entry<String, JsonNode> t : updates.properties()) {
      HashMap<UUID, Row> rows = tables.get(t.getKey());
      TableSchema ts = schema.table(t.getKey());
      if (rows == null || ts == null) {
        continue;
      }
      for (Map.Entry<String, JsonNode> r : t.getValue().properties()) {
        f.apply(ts, rows, Atoms.parseUuid(r.getKey()), r.getValue(), events);
      }
      dirty.put(t.getKey(), true);
    }
    changed(events);
    return events;
  }

  /**
   * Replaces every monitored table's contents with {@code initial} (a full update, v1 or v2 form)
   * and returns the difference to what was there.
   */
  List<RowEvent> replaceAll(JsonNode initial, boolean v2) {
    Map<String, HashMap<UUID, Row>> old = new HashMap<>();
    for (Map.Entry<String, HashMap<UUID, Row>> e : tables.entrySet()) {
      old.put(e.getKey(), new HashMap<>(e.getValue()));
      e.getValue().clear();
      dirty.put(e.getKey(), true);
    }
    List<RowEvent> loaded = v2 ? applyUpdates2(initial) : applyUpdates1(initial);
    List<RowEvent> events = new ArrayList<>(loaded.size());
    for (Map.Entry<String, HashMap<UUID, Row>> e : tables.entrySet()) {
      Map<UUID, Row> before = old.get(e.getKey());
      for (Row now : e.getValue().values()) {
        Row was = before.remove(now.uuid());
        if (was == null) {
          events.add(new RowEvent.Inserted(now));
        } else if (!was.sameContent(now)) {
          events.add(new RowEvent.Modified(was, now));
        }
      }
      before.values().forEach(r -> events.add(new RowEvent.Deleted(r)));
    }
    changed(events);
    return events;
  }

  private static Row parseRow(TableSchema ts, UUID uuid, Row base, JsonNode body, boolean diff) {
    Row row = base;
    for (Map.Entry<String, JsonNode> f : body.properties()) {
      ColumnSchema c = ts.column(f.getKey());
      if (c == null) {
        continue;
      }
      Datum d = Datum.fromJsonUnchecked(c.type(), f.getValue(), null, false);
      if (diff && c.type().max() != 1) {
        d = row.get(c).applyDiff(d);
      }
      row = row.with(c, d);
    }
    return row;
  }

  private static void put(HashMap<UUID, Row> rows, List<RowEvent> events, Row row) {
    Row old = rows.put(row.uuid(), row);
    events.add(old == null ? new RowEvent.Inserted(row) : new RowEvent.Modified(old, row));
  }

  private static void remove(HashMap<UUID, Row> rows, List<RowEvent> events, UUID uuid) {
    Row old = rows.remove(uuid);
    if (old != null) {
      events.add(new RowEvent.Deleted(old));
    }
  }

  private void changed(List<RowEvent> events) {
    if (!events.isEmpty()) {
      seqno++;
      cached = null;
      Map<String, Set<UUID>> touched = new HashMap<>();
      for (RowEvent e : events) {
        Row r = e.newRow() != null ? e.newRow() : e.oldRow();
        touched.computeIfAbsent(r.table().name(), t -> new HashSet<>()).add(r.uuid());
      }
      touched.forEach((table, rows) -> history.put(table,
          history.getOrDefault(table, TableChanges.EMPTY).then(seqno, rows)));
    }
  }

  /** The current contents as an immutable snapshot (cached until the next change). */
  ReplicaSnapshot snapshot() {
    if (cached == null) {
      for (Map.Entry<String, HashMap<UUID, Row>> e : tables.entrySet()) {
        if (dirty.getOrDefault(e.getKey(), false) || !frozen.containsKey(e.getKey())) {
          frozen.put(e.getKey(), Map.copyOf(e.getValue()));
        }
      }
      dirty.clear();
      cached = new ReplicaSnapshot(schema, frozen, seqno, this, history);
    }
    return cached;
  }
}
