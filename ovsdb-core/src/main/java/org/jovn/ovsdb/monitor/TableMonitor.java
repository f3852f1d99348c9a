package org.jovn.ovsdb.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.TableSchema;
import org.jovn.ovsdb.txn.Condition;

/**
 * What a monitor watches in one table: the columns, which kinds of change it reports and (for
 * monitor_cond) the condition rows must meet. Immutable; a condition change makes a new one.
 */
public record TableMonitor(TableSchema table, List<ColumnSchema> columns, boolean initial,
    boolean insert, boolean delete, boolean modify, Condition where) {

  public TableMonitor {
    columns = List.copyOf(columns);
  }

  /** The same monitor with another condition. */
  public TableMonitor withWhere(Condition newWhere) {
    return new TableMonitor(table, columns, initial, insert, delete, modify, newWhere);
  }

  /**
   * Parses one table's {@code <monitor-request>} or array of them (merged: columns united,
   * select flags or'ed, the first "where" taken).
   */
  static TableMonitor fromJson(TableSchema table, JsonNode json, boolean allowWhere) {
    List<JsonNode> requests = new ArrayList<>();
    if (json.isArray()) {
      json.forEach(requests::add);
    } else {
      requests.add(json);
    }
    Set<ColumnSchema> columns = new LinkedHashSet<>();
    boolean initial = false;
    boolean insert = false;
    boolean delete = false;
    boolean modify = false;
    Condition where = Condition.alwaysTrue();
    boolean sawWhere = false;
    for (JsonNode r : requests) {
      if (!r.isObject()) {
        throw OvsdbException.syntax("monitor request for table " + table.name()
            + " must be an object");
      }
      JsonNode cols = r.get("columns");
      if (cols == null) {
        columns.addAll(table.columns());
      } else {
        for (JsonNode c : cols) {
          ColumnSchema col = table.column(c.asText());
          if (col == null) {
            if (c.asText().equals("_uuid") || c.asText().equals("_version")) {
              continue;
            }
            throw OvsdbException.syntax("table " + table.name() + " has no column "
                + c.asText());
          }
          columns.add(col);
        }
      }
      JsonNode select = r.get("select");
      initial |= select == null || select.path("initial").asBoolean(true);
      insert |= select == null || select.path("insert").asBoolean(true);
      delete |= select == null || select.path("delete").asBoolean(true);
      modify |= select == null || select.path("modify").asBoolean(true);
      if (r.has("where")) {
        if (!allowWhere) {
          throw OvsdbException.syntax("\"where\" is only allowed in monitor_cond");
        }
        if (!sawWhere) {
          where = Condition.fromJson(table, r.get("where"), null);
          sawWhere = true;
        }
      }
    }
    List<ColumnSchema> ordered = table.columns().stream().filter(columns::contains).toList();
    return new TableMonitor(table, ordered, initial, insert, delete, modify, where);
  }
}
