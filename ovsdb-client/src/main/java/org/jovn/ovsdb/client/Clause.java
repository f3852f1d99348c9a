package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Set;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.AtomicType;
import org.jovn.ovsdb.schema.BaseType;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.ColumnType;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * One clause of a condition (RFC 7047 §5.1 {@code <condition>}): column, function, value. Used
 * in transaction "where" lists and in monitor conditions; a list of clauses holds when every
 * clause holds, an empty list when any row matches. Immutable.
 *
 * @param column a column name, or {@code _uuid}
 * @param function one of {@code == != < <= > >= includes excludes}
 * @param value a Java value as {@link Values} accepts it
 */
public record Clause(String column, String function, Object value) {
  private static final Set<String> FUNCTIONS =
      Set.of("==", "!=", "<", "<=", ">", ">=", "includes", "excludes");
  private static final ColumnType UUID_TYPE =
      new ColumnType(BaseType.of(AtomicType.UUID), null, 1, 1);

  /** @throws IllegalArgumentException on an unknown function */
  public Clause {
    Objects.requireNonNull(column, "column");
    if (!FUNCTIONS.contains(function)) {
      throw new IllegalArgumentException("unknown condition function \"" + function + "\"");
    }
  }

  public static Clause eq(String column, Object value) {
    return new Clause(column, "==", value);
  }

  public static Clause ne(String column, Object value) {
    return new Clause(column, "!=", value);
  }

  public static Clause includes(String column, Object value) {
    return new Clause(column, "includes", value);
  }

  public static Clause excludes(String column, Object value) {
    return new Clause(column, "excludes", value);
  }

  /** The clause matching the row with this UUID. */
  public static Clause uuid(java.util.UUID uuid) {
    return new Clause("_uuid", "==", uuid);
  }

  /**
   * The JSON form for a table.
   *
   * @throws IllegalArgumentException if the table has no such column or the value does not fit
   */
  public JsonNode toJson(TableSchema table) {
    ColumnType type;
    if (column.equals("_uuid") || column.equals("_version")) {
      type = UUID_TYPE;
    } else {
      ColumnSchema c = table.column(column);
      if (c == null) {
        throw new IllegalArgumentException("table " + table.name() + " has no column " + column);
      }
      type = c.type();
    }
    Datum d = Values.toDatum(type, value);
    return Json.array(Json.NODES.textNode(column), Json.NODES.textNode(function), d.toJson(type));
  }
}
