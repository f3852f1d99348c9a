package org.jovn.ovsdb.txn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.AtomicType;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.TableSchema;

/** Reads the JSON {@code <row>} of insert, update and wait operations onto a row. */
final class RowParser {
  private final Function<String, UUID> symbols;

  RowParser(Function<String, UUID> symbols) {
    this.symbols = symbols;
  }

  /**
   * Sets the row's columns from the JSON object.
   *
   * @param forUpdate true for "update", where immutable columns may not appear
   */
  Row apply(TableSchema table, Row row, JsonNode json, boolean forUpdate) {
    for (Map.Entry<String, JsonNode> e : json.properties()) {
      String name = e.getKey();
      ColumnSchema c = table.column(name);
      if (c == null) {
        if (name.equals("_uuid") || name.equals("_version")) {
          if (forUpdate) {
            throw OvsdbException.constraint("Cannot update immutable column " + name
                + " in table " + table.name() + ".");
          }
          // ovsdb-server parses the value and then ignores it: the row keeps its own UUIDs.
          Atoms.fromJson(AtomicType.UUID, e.getValue(), symbols);
          continue;
        }
        throw new OvsdbException("unknown column", "No column " + name + " in table "
            + table.name() + ".");
      }
      if (forUpdate && !c.mutable()) {
        throw OvsdbException.constraint("Cannot update immutable column " + name + " in table "
            + table.name() + ".");
      }
      Datum d;
      try {
        d = Datum.fromJson(c.type(), e.getValue(), symbols);
      } catch (OvsdbException ex) {
        throw new OvsdbException(ex.error(), "table " + table.name() + " column " + name + ": "
            + ex.details());
      }
      row = row.with(c, d);
    }
    return row;
  }
}
