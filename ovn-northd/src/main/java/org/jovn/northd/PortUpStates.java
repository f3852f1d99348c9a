package org.jovn.northd;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovsdb.client.ChangeCursor;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.ColumnSchema;

/**
 * Keeps {@code Logical_Switch_Port.up} in step with the port's binding: true for router ports,
 * false for other non-VIF types, and for a VIF whether it is bound to a chassis (and, where
 * ovn-controller reports it, {@code Port_Binding.up}).
 *
 * <p>This runs after every Southbound change, so it looks only at the ports whose switch port or
 * binding changed since its last pass (as the replicas' change history tells), and at every
 * port only on its first pass or when that history does not reach back. It keeps each table's
 * name-to-row index up to date the same way. Confined to northd's thread.
 */
final class PortUpStates {
  private final NameIndex ports = new NameIndex(LogicalSwitchPort.TABLE,
      LogicalSwitchPort.NAME);
  private final NameIndex bindings = new NameIndex(PortBinding.TABLE, PortBinding.LOGICAL_PORT);

  /** Adds to {@code t} the {@code up} updates due in {@code nb} given {@code sb}. */
  void update(ReplicaSnapshot nb, ReplicaSnapshot sb, Transaction t) {
    Set<String> names = new HashSet<>();
    boolean all = ports.catchUp(nb, names) | bindings.catchUp(sb, names);
    Collection<String> check = all ? ports.names() : names;
    var lspTable = nb.schema().table(LogicalSwitchPort.TABLE);
    ColumnSchema lspType = lspTable.column(LogicalSwitchPort.TYPE);
    ColumnSchema lspUp = lspTable.column(LogicalSwitchPort.UP);
    var pbTable = sb.schema().table(PortBinding.TABLE);
    ColumnSchema pbUp = pbTable.column(PortBinding.UP);
    ColumnSchema pbChassis = pbTable.column(PortBinding.CHASSIS);
    for (String name : check) {
      Row lsp = ports.row(nb, name);
      Row pb = bindings.row(sb, name);
      if (lsp == null || pb == null) {
        continue;
      }
      String type = (String) lsp.get(lspType).first();
      boolean up;
      if (type.equals("router")) {
        up = true;
      } else if (!type.isEmpty() || pb.get(pbChassis).isEmpty()) {
        up = false;
      } else {
        up = pb.get(pbUp).isEmpty() || Boolean.TRUE.equals(pb.get(pbUp).first());
      }
      var have = lsp.get(lspUp);
      if (have.isEmpty() || !Boolean.valueOf(up).equals(have.first())) {
        t.update(LogicalSwitchPort.TABLE, lsp.uuid()).set(LogicalSwitchPort.UP, up);
      }
    }
  }

  /** Forgets everything: the next pass looks at every port (after a failed update, say). */
  void reset() {
    ports.reset();
    bindings.reset();
  }

  /** The rows of one table by a name column, kept up to date from the change history. */
  private static final class NameIndex {
    private final String table;
    private final String column;
    private final Map<String, UUID> byName = new HashMap<>();
    private final Map<UUID, String> names = new HashMap<>();
    private final ChangeCursor cursor;

    NameIndex(String table, String column) {
      this.table = table;
      this.cursor = new ChangeCursor(table);
      this.column = column;
    }

    /**
     * Brings the index up to {@code now}, adding to {@code changed} the names (old and new) of
     * the rows changed since; returns true if it had to start over (every name may matter).
     */
    boolean catchUp(ReplicaSnapshot now, Set<String> changed) {
      ColumnSchema c = now.schema().table(table).column(column);
      Optional<Set<UUID>> delta = cursor.next(now);
      Map<UUID, Row> rows = now.rows(table);
      if (delta.isEmpty()) {
        byName.clear();
        names.clear();
        rows.values().forEach(r -> put(r.uuid(), (String) r.get(c).first()));
        return true;
      }
      for (UUID u : delta.get()) {
        String old = names.remove(u);
        if (old != null) {
          changed.add(old);
          byName.remove(old, u);
        }
        Row r = rows.get(u);
        if (r != null) {
          String name = (String) r.get(c).first();
          put(u, name);
          changed.add(name);
        }
      }
      return false;
    }

    private void put(UUID u, String name) {
      names.put(u, name);
      byName.put(name, u);
    }

    Row row(ReplicaSnapshot s, String name) {
      UUID u = byName.get(name);
      return u == null ? null : s.rows(table).get(u);
    }

    Collection<String> names() {
      return byName.keySet();
    }

    void reset() {
      cursor.reset();
    }
  }
}
