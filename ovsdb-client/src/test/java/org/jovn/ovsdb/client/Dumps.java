package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.TableSchema;

/** Database contents as plain maps, from a select-all dump or from a replica snapshot. */
final class Dumps {
  private Dumps() {}

  /** table → uuid → column → value, read with one select per table through {@code client}. */
  static Map<String, Map<UUID, Map<String, Datum>>> select(OvsdbClient client,
      List<String> tables) throws Exception {
    Transaction t = client.transaction();
    for (String table : tables) {
      t.select(table, List.of());
    }
    TransactionResult r = client.transact(t).get(10, TimeUnit.SECONDS);
    Map<String, Map<UUID, Map<String, Datum>>> out = new TreeMap<>();
    for (int i = 0; i < tables.size(); i++) {
      TableSchema ts = t.schema().table(tables.get(i));
      Map<UUID, Map<String, Datum>> rows = new HashMap<>();
      for (JsonNode row : r.rows(i)) {
        Map<String, Datum> cols = new TreeMap<>();
        for (ColumnSchema c : ts.columns()) {
          cols.put(c.name(), Datum.fromJson(c.type(), row.get(c.name()), null));
        }
        rows.put(Atoms.parseUuid(row.get("_uuid").get(1).asText()), cols);
      }
      out.put(tables.get(i), rows);
    }
    return out;
  }

  /** The same form for a snapshot. */
  static Map<String, Map<UUID, Map<String, Datum>>> of(ReplicaSnapshot s, List<String> tables) {
    Map<String, Map<UUID, Map<String, Datum>>> out = new TreeMap<>();
    for (String table : tables) {
      TableSchema ts = s.schema().table(table);
      Map<UUID, Map<String, Datum>> rows = new HashMap<>();
      for (Row row : s.rows(table).values()) {
        Map<String, Datum> cols = new TreeMap<>();
        for (ColumnSchema c : ts.columns()) {
          cols.put(c.name(), row.get(c));
        }
        rows.put(row.uuid(), cols);
      }
      out.put(table, rows);
    }
    return out;
  }
}
