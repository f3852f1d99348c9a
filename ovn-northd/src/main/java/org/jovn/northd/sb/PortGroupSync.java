package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.ovn.sb.PortGroup;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the {@code Port_Group} changes a plan implies, as ovn-northd 23.03
 * writes them: one row per Northbound port group and logical switch that has ports in it, named
 * {@code KEY_PG} where KEY is the switch's datapath tunnel key, listing those ports by name.
 * ovn-controller resolves {@code @PG} in a flow of that datapath to that row. A port that is on
 * no switch is left out; rows no longer wanted are deleted.
 */
final class PortGroupSync {
  private PortGroupSync() {}

  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb, DatapathSync dps) {
    Map<String, Set<String>> wanted = wanted(plan, dps);
    Set<String> seen = new HashSet<>();
    PortGroup.all(sb).forEach(pg -> {
      Set<String> want = wanted.get(pg.name());
      if (want == null || !seen.add(pg.name())) {
        t.delete(PortGroup.TABLE, pg.uuid().uuid());
      } else if (!want.equals(pg.ports())) {
        t.update(PortGroup.TABLE, pg.uuid().uuid()).set(PortGroup.PORTS, want);
      }
    });
    wanted.forEach((name, ports) -> {
      if (!seen.contains(name)) {
        t.insert(PortGroup.TABLE).set(PortGroup.NAME, name).set(PortGroup.PORTS, ports);
      }
    });
  }

  /** The port groups the plan wants: port names by Southbound group name. */
  static Map<String, Set<String>> wanted(SouthboundPlan plan, DatapathSync dps) {
    record Place(SwitchInput sw, String port) {}
    Map<String, Set<String>> wanted = new HashMap<>();
    if (plan.nb().rows(org.jovn.ovn.nb.PortGroup.TABLE).isEmpty()) {
      return wanted;
    }
    Map<UUID, Place> places = new HashMap<>();
    for (SwitchInput sw : plan.inputs().switches().values()) {
      for (SwitchPortInput p : sw.ports()) {
        places.putIfAbsent(p.uuid(), new Place(sw, p.name()));
      }
    }
    org.jovn.ovn.nb.PortGroup.all(plan.nb()).forEach(pg -> pg.ports().forEach(ref -> {
      Place place = places.get(ref.uuid());
      Long key = place == null ? null : dps.tunnelKeyOf(place.sw().uuid());
      if (key != null) {
        wanted.computeIfAbsent(key + "_" + pg.name(), k -> new TreeSet<>()).add(place.port());
      }
    }));
    return wanted;
  }
}
