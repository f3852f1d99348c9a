package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.monitor.Monitor;
import org.jovn.ovsdb.monitor.UpdateFormat;

/** The monitors of one database, per client. Confined to the database's owner thread. */
final class Monitors {
  private final Map<MonitorSink, Map<JsonNode, Monitor>> byClient = new IdentityHashMap<>();
  private int count;

  /** Adds a monitor; false when the client already has one with that id. */
  boolean add(MonitorSink client, Monitor m) {
    Map<JsonNode, Monitor> mine = byClient.computeIfAbsent(client, c -> new LinkedHashMap<>());
    if (mine.putIfAbsent(m.id(), m) != null) {
      return false;
    }
    count++;
    return true;
  }

  /** Re-keys a monitor for monitor_cond_change and returns it. */
  Monitor rename(MonitorSink client, JsonNode oldId, JsonNode newId) {
    Map<JsonNode, Monitor> mine = byClient.get(client);
    Monitor m = mine == null ? null : mine.get(oldId);
    if (m == null) {
      throw new OvsdbException("unknown monitor", "no monitor with id " + oldId);
    }
    if (!oldId.equals(newId)) {
      throw new OvsdbException("not supported", "changing a monitor's id is not supported");
    }
    return m;
  }

  boolean remove(MonitorSink client, JsonNode id) {
    Map<JsonNode, Monitor> mine = byClient.get(client);
    if (mine == null || mine.remove(id) == null) {
      return false;
    }
    count--;
    return true;
  }

  void removeAll(MonitorSink client) {
    Map<JsonNode, Monitor> mine = byClient.remove(client);
    if (mine != null) {
      count -= mine.size();
    }
  }

  int count() {
    return count;
  }

  /** A client's monitor. */
  record Entry(MonitorSink client, Monitor monitor) {}

  /** Removes every monitor and returns them. */
  List<Entry> clear() {
    List<Entry> all = new java.util.ArrayList<>();
    byClient.forEach((client, mine) -> mine.values().forEach(m -> all.add(new Entry(client, m))));
    byClient.clear();
    count = 0;
    return all;
  }

  /**
   * Adds to {@code sends} the notification each monitor gets for a commit. Monitors that watch
   * the same thing share one computed update, serialized once to JSON text.
   */
  void collectUpdates(ChangeSet changes, UUID txnId, List<Runnable> sends) {
    Map<Object, Optional<RawValue>> shared = new HashMap<>();
    byClient.forEach((client, mine) -> {
      for (Monitor m : mine.values()) {
        RawValue u = shared.computeIfAbsent(m.updateKey(),
            k -> Optional.ofNullable(m.update(changes)).map(o -> new RawValue(o.toString())))
            .orElse(null);
        if (u != null) {
          sends.add(() -> send(client, m, u, txnId));
        }
      }
    });
  }

  private static void send(MonitorSink client, Monitor m, RawValue updates, UUID txnId) {
    ArrayNode params = Json.array();
    params.add(m.id());
    if (m.format() == UpdateFormat.UPDATE3) {
      params.add(txnId.toString());
    }
    params.addRawValue(updates);
    client.notify(m.format().method(), params);
  }

  /** Sends one update notification in the monitor's format. */
  static void send(MonitorSink client, Monitor m, ObjectNode updates, UUID txnId) {
    ArrayNode params = Json.array();
    params.add(m.id());
    if (m.format() == UpdateFormat.UPDATE3) {
      params.add(txnId.toString());
    }
    params.add(updates);
    client.notify(m.format().method(), params);
  }
}
