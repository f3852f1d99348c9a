package org.jovn.northd.sb;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jovn.ovn.sb.MacBinding;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Deletes the {@code MAC_Binding}s ovn-controller learned (routers resolving neighbors, such as
 * hosts on a provider network) once their datapath or logical port is gone, as ovn-northd 23.03
 * does; a binding still pointing at a datapath would also keep that datapath from being deleted.
 */
final class MacBindingSync {
  private MacBindingSync() {}

  /**
   * @param datapathRows the Datapath_Binding rows that stay
   * @param ports the logical ports that stay
   */
  static void apply(Transaction t, ReplicaSnapshot sb, Set<UUID> datapathRows,
      Set<String> ports) {
    MacBinding.all(sb).forEach(b -> {
      if (!datapathRows.contains(b.datapath().uuid()) || !ports.contains(b.logicalPort())) {
        t.delete(MacBinding.TABLE, b.uuid().uuid());
      }
    });
  }

  /** The rows of the datapaths a plan keeps. */
  static Set<UUID> keptDatapaths(SouthboundPlan plan, DatapathSync dps) {
    Set<UUID> rows = new HashSet<>();
    plan.inputs().switches().keySet().forEach(k -> rows.add(dps.rowOf(k)));
    plan.inputs().routers().keySet().forEach(k -> rows.add(dps.rowOf(k)));
    return rows;
  }
}
