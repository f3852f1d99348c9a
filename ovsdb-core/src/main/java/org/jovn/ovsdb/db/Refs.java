package org.jovn.ovsdb.db;

import java.util.UUID;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.BaseType;
import org.jovn.ovsdb.schema.ColumnSchema;

/** Walks the references a row holds. Stateless. */
public final class Refs {
  private Refs() {}

  /** Receives one reference. */
  @FunctionalInterface
  public interface Visitor {
    void visit(ColumnSchema column, BaseType base, UUID target);
  }

  /** Calls the visitor for every reference of the row, strong and weak. */
  public static void forEach(Row row, Visitor v) {
    for (ColumnSchema c : row.table().refColumns()) {
      Datum d = row.get(c);
      BaseType k = c.type().key();
      BaseType val = c.type().value();
      if (k.isRef()) {
        for (int i = 0; i < d.size(); i++) {
          v.visit(c, k, (UUID) d.key(i));
        }
      }
      if (val != null && val.isRef()) {
        for (int i = 0; i < d.size(); i++) {
          v.visit(c, val, (UUID) d.value(i));
        }
      }
    }
  }
}
