package org.jovn.northd.sb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.ovn.sb.PortGroup;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.data.Row;

/**
 * Adds to a transaction the {@code Port_Group} changes a plan implies, as ovn-northd 23.03
 * writes them: one row per Northbound port group and logical switch that has ports in it, named
 * {@code KEY_PG} where KEY is the switch's datapath tunnel key, listing those ports by name.
 * ovn-controller resolves {@code @PG} in a flow of that datapath to that row. A port that is on
 * no switch is left out; rows no longer wanted are deleted.
 */
final class PortGroupSync {
  private PortGroupSync() {}

  /** Where a switch port is: its switch and its name. */
  private record Place(SwitchInput sw, String port) {}

  /** A port group's Southbound rows (ports by row name) and what they were made from. */
  private record Derived(Row group, List<Object> from, Map<String, Set<String>> rows) {}

  /**
   * What {@link #apply} keeps between passes: where each switch port is, brought up to date
   * only for the switches whose input changed, and each port group's rows. Confined to
   * northd's thread.
   */
  static final class Memo {
    private final Map<UUID, SwitchInput> switches = new HashMap<>();
    private final Map<UUID, Place> places = new HashMap<>();
    private final Map<UUID, Derived> groups = new HashMap<>();
    /** Whether a port is on two switches: then every pass places every port again. */
    private boolean duplicates;
  }

  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb, DatapathSync dps,
      Memo memo) {
    Map<String, Set<String>> wanted = wanted(plan, dps, memo);
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
  static Map<String, Set<String>> wanted(SouthboundPlan plan, DatapathSync dps, Memo memo) {
    Map<String, Set<String>> wanted = new HashMap<>();
    Map<UUID, Row> groups = plan.nb().rows(org.jovn.ovn.nb.PortGroup.TABLE);
    if (groups.isEmpty()) {
      return wanted;
    }
    place(plan, memo);
    memo.groups.keySet().retainAll(groups.keySet());
    for (Row row : groups.values()) {
      org.jovn.ovn.nb.PortGroup pg = org.jovn.ovn.nb.PortGroup.from(row);
      List<Object> from = new ArrayList<>();
      pg.ports().forEach(ref -> {
        Place place = memo.places.get(ref.uuid());
        from.add(place);
        from.add(place == null ? null : dps.tunnelKeyOf(place.sw().uuid()));
      });
      Derived d = memo.groups.get(row.uuid());
      if (d == null || d.group() != row || !sameKeys(d.from(), from)) {
        Map<String, Set<String>> rows = new HashMap<>();
        for (int i = 0; i < from.size(); i += 2) {
          if (from.get(i) instanceof Place place && from.get(i + 1) instanceof Long key) {
            rows.computeIfAbsent(key + "_" + pg.name(), k -> new TreeSet<>()).add(place.port());
          }
        }
        d = new Derived(row, from, rows);
        memo.groups.put(row.uuid(), d);
      }
      d.rows().forEach((name, ports) -> wanted.computeIfAbsent(name, k -> new TreeSet<>())
          .addAll(ports));
    }
    return wanted;
  }

  /** The same places (by identity) with the same tunnel keys (by value). */
  private static boolean sameKeys(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i += 2) {
      if (a.get(i) != b.get(i) || !java.util.Objects.equals(a.get(i + 1), b.get(i + 1))) {
        return false;
      }
    }
    return true;
  }

  /** Brings the places up to the plan's switches; a port on two switches stays on the first. */
  private static void place(SouthboundPlan plan, Memo memo) {
    Map<UUID, SwitchInput> now = plan.inputs().switches();
    boolean changed = memo.switches.size() != now.size()
        || !memo.switches.keySet().containsAll(now.keySet());
    for (SwitchInput sw : now.values()) {
      changed |= memo.switches.get(sw.uuid()) != sw;
    }
    if (!changed) {
      return;
    }
    if (memo.duplicates) {
      memo.places.clear();
      memo.switches.clear();
    }
    for (Map.Entry<UUID, SwitchInput> e : new ArrayList<>(memo.switches.entrySet())) {
      SwitchInput old = e.getValue();
      if (now.get(e.getKey()) != old) {
        old.ports().forEach(p -> memo.places.computeIfPresent(p.uuid(),
            (k, place) -> place.sw() == old ? null : place));
        memo.switches.remove(e.getKey());
      }
    }
    memo.duplicates = false;
    for (SwitchInput sw : now.values()) {
      if (memo.switches.get(sw.uuid()) == sw) {
        continue;
      }
      for (SwitchPortInput p : sw.ports()) {
        Place had = memo.places.putIfAbsent(p.uuid(), new Place(sw, p.name()));
        memo.duplicates |= had != null && had.sw() != sw;
      }
      memo.switches.put(sw.uuid(), sw);
    }
    if (memo.duplicates) {
      // A port on two switches: which one it counts on depends on the order, as a full pass
      // decides it; start over in order.
      memo.places.clear();
      now.values().forEach(sw -> sw.ports().forEach(
          p -> memo.places.putIfAbsent(p.uuid(), new Place(sw, p.name()))));
    }
  }
}
