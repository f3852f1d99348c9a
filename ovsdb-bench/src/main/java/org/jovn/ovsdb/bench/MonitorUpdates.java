package org.jovn.ovsdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jovn.ovsdb.rpc.Notification;

/**
 * Reads monitor update notifications: {@code update} (RFC 7047 {@code monitor}), {@code update2}
 * ({@code monitor_cond}) and {@code update3} ({@code monitor_cond_since}). Stateless.
 */
final class MonitorUpdates {
  private MonitorUpdates() {}

  /**
   * Returns the {@code name} of every {@code Address_Set} row inserted, added or modified (with a
   * new name) in the update; empty for other notifications.
   */
  static List<String> rowNames(Notification notification) {
    JsonNode params = notification.params();
    JsonNode tables = switch (notification.method()) {
      case "update", "update2" -> params.path(1);
      case "update3" -> params.path(2);
      default -> null;
    };
    List<String> names = new ArrayList<>();
    if (tables == null) {
      return names;
    }
    for (Map.Entry<String, JsonNode> row : tables.path(Ops.TABLE).properties()) {
      JsonNode update = row.getValue();
      for (String kind : new String[] {"insert", "initial", "modify", "new"}) {
        JsonNode name = update.path(kind).path("name");
        if (name.isTextual()) {
          names.add(name.asText());
          break;
        }
      }
    }
    return names;
  }
}
