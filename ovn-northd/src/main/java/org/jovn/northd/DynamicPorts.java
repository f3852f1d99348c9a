package org.jovn.northd;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.ChangeCursor;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.ColumnSchema;

/**
 * The switch ports that ask for a dynamic address or hold one (to be kept or cleared): without
 * any, IPAM has nothing to do. Kept up to date from the Northbound replica's change history,
 * looking only at the ports changed since the last call; confined to northd's thread.
 */
final class DynamicPorts {
  private final Set<UUID> dynamic = new HashSet<>();
  private final ChangeCursor cursor = new ChangeCursor(LogicalSwitchPort.TABLE);

  /** Whether any switch port in {@code nb} has to do with dynamic addresses. */
  boolean any(ReplicaSnapshot nb) {
    var table = nb.schema().table(LogicalSwitchPort.TABLE);
    ColumnSchema addresses = table.column(LogicalSwitchPort.ADDRESSES);
    ColumnSchema assigned = table.column(LogicalSwitchPort.DYNAMIC_ADDRESSES);
    Map<UUID, Row> rows = nb.rows(LogicalSwitchPort.TABLE);
    Optional<Set<UUID>> delta = cursor.next(nb);
    if (delta.isEmpty()) {
      dynamic.clear();
      rows.values().forEach(r -> check(r.uuid(), r, addresses, assigned));
    } else {
      delta.get().forEach(u -> check(u, rows.get(u), addresses, assigned));
    }
    return !dynamic.isEmpty();
  }

  private void check(UUID u, Row row, ColumnSchema addresses, ColumnSchema assigned) {
    if (row != null && (!row.get(assigned).isEmpty() || row.get(addresses).keys().stream()
        .anyMatch(a -> ((String) a).contains("dynamic")))) {
      dynamic.add(u);
    } else {
      dynamic.remove(u);
    }
  }
}
