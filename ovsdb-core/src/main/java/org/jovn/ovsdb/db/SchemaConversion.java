package org.jovn.ovsdb.db;

import java.util.random.RandomGenerator;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.data.Uuids;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * Converts a database's contents to another version of its schema, as {@code ovsdb-tool convert}
 * and ovsdb-server's {@code convert} method do: every row of a table present in both schemas is
 * kept with its UUID; columns present in both keep their values, which must satisfy the new
 * column's type (else the conversion fails with the error naming the value); new columns take
 * their defaults; tables and columns the new schema lacks are dropped.
 */
public final class SchemaConversion {
  private SchemaConversion() {}

  /**
   * Returns a new database of the target schema holding the converted contents of {@code from}.
   *
   * @throws org.jovn.ovsdb.OvsdbException when a value does not fit its new column
   */
  public static Database convert(Database from, DatabaseSchema target, RandomGenerator random) {
    Database converted = new Database(target);
    ChangeSet.Builder b = ChangeSet.builder();
    for (TableSchema t : target.tables()) {
      TableSchema old = from.schema().table(t.name());
      if (old == null) {
        continue;
      }
      for (Row r : from.rows(t.name())) {
        Row n = Row.withDefaults(t, r.uuid(), Uuids.random(random));
        for (ColumnSchema c : t.columns()) {
          ColumnSchema oc = old.column(c.name());
          if (oc != null) {
            n = n.with(c, Datum.fromJson(c.type(), r.get(oc).toJson(oc.type()), null));
          }
        }
        b.put(t.name(), new RowChange(null, n));
      }
    }
    converted.apply(b.build());
    return converted;
  }
}
