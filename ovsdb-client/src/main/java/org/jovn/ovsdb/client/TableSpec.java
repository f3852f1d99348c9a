package org.jovn.ovsdb.client;

import java.util.List;

/**
 * What to monitor of one table: the columns (empty for all) and the condition (empty for every
 * row). Immutable.
 */
record TableSpec(List<String> columns, List<Clause> where) {
  TableSpec {
    columns = List.copyOf(columns);
    where = List.copyOf(where);
  }

  TableSpec withWhere(List<Clause> newWhere) {
    return new TableSpec(columns, newWhere);
  }
}
