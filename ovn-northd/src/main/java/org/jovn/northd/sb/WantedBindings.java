package org.jovn.northd.sb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.model.Identity;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.RowMemo;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.ChangeCursor;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * The {@code Port_Binding}s northd wants ({@link Bindings}), kept from pass to pass, one list per
 * datapath. A switch keeps its list while its input, its ports' rows and the routers its router
 * ports attach to stay the same; a router's list is made again each pass and kept if equal. The
 * index by name changes only where a datapath's list did, and {@link #update} says which names
 * those are, so that a pass after a small change looks at a few bindings, not all. Not
 * thread-safe.
 */
final class WantedBindings {
  /** One datapath's bindings and what they were made from. */
  private record Group(Object input, List<Object> routers, List<PortSpec> specs) {}

  private final RowMemo<PortSpec> specs = new RowMemo<>();
  private final Map<UUID, Group> groups = new LinkedHashMap<>();
  private final Map<String, PortSpec> byName = new HashMap<>();
  private final Map<String, UUID> datapathOf = new HashMap<>();
  /** The switch each switch port was last made in, by row. */
  private final Map<UUID, UUID> switchOf = new HashMap<>();
  private final Set<String> withHaGroup = new HashSet<>();
  /** Whether two datapaths want one name: then every update indexes all names again. */
  private boolean duplicates;
  private final ChangeCursor cursor = new ChangeCursor(LogicalSwitchPort.TABLE);

  /** The wanted bindings by logical port name; read-only for callers. */
  Map<String, PortSpec> byName() {
    return byName;
  }

  /** The wanted bindings that name an HA chassis group. */
  List<PortSpec> withHaGroup() {
    List<PortSpec> out = new ArrayList<>(withHaGroup.size());
    withHaGroup.forEach(n -> out.add(byName.get(n)));
    return out;
  }

  /**
   * Brings the bindings up to {@code in}; returns the names whose wanted binding may have
   * changed (appeared, changed or gone) since the last update, or empty if any may have.
   */
  Optional<Set<String>> update(ReplicaSnapshot nb, NorthboundInputs in) {
    Set<UUID> dirtySwitches = dirtySwitches(nb);
    Map<String, RouterInput> owners = GatewayBindings.owners(in);
    Map<UUID, Group> now = new LinkedHashMap<>();
    List<UUID> changed = new ArrayList<>();
    for (SwitchInput sw : in.switches().values()) {
      List<Object> routers = routersOf(sw, owners);
      Group old = groups.get(sw.uuid());
      boolean keep = dirtySwitches != null && old != null && old.input() == sw
          && Identity.sameObjects(old.routers(), routers)
          && !dirtySwitches.contains(sw.uuid())
          && sw.ports().stream().noneMatch(p -> p.type().equals("external"));
      if (!keep) {
        old = new Group(sw, routers, Bindings.switchPorts(nb, sw, owners, specs));
        sw.ports().forEach(p -> switchOf.put(p.uuid(), sw.uuid()));
        changed.add(sw.uuid());
      }
      now.put(sw.uuid(), old);
    }
    specs.retain(nb.rows(LogicalSwitchPort.TABLE));
    if (switchOf.size() > 2 * nb.rows(LogicalSwitchPort.TABLE).size() + 16) {
      switchOf.keySet().retainAll(nb.rows(LogicalSwitchPort.TABLE).keySet());
    }
    for (RouterInput lr : in.routers().values()) {
      List<PortSpec> list = Bindings.routerPorts(nb, lr);
      Group old = groups.get(lr.uuid());
      if (old == null || !old.specs().equals(list)) {
        old = new Group(lr, List.of(), list);
        changed.add(lr.uuid());
      }
      now.put(lr.uuid(), old);
    }
    groups.keySet().stream().filter(k -> !now.containsKey(k)).forEach(changed::add);
    Map<UUID, Group> before = new HashMap<>(groups);
    groups.clear();
    groups.putAll(now);
    if (dirtySwitches == null || duplicates) {
      rebuild();
      return Optional.empty();
    }
    return reindex(changed, before);
  }

  /**
   * The switches owning a switch port whose row changed since the last update; null if the
   * replica cannot tell.
   */
  private Set<UUID> dirtySwitches(ReplicaSnapshot nb) {
    Optional<Set<UUID>> rows = cursor.next(nb);
    if (rows.isEmpty()) {
      return null;
    }
    Set<UUID> out = new HashSet<>();
    for (UUID u : rows.get()) {
      UUID sw = switchOf.get(u);
      if (sw != null) {
        out.add(sw);
      }
    }
    return out;
  }

  /** The routers a switch's router ports attach to, in port order (their identity matters). */
  private static List<Object> routersOf(SwitchInput sw, Map<String, RouterInput> owners) {
    List<Object> out = new ArrayList<>();
    for (SwitchPortInput p : sw.ports()) {
      p.routerPeer().ifPresent(rp -> out.add(owners.get(rp.name())));
    }
    return out;
  }

  /** Replaces the names of the changed groups; starts over if a name is claimed twice. */
  private Optional<Set<String>> reindex(List<UUID> changed, Map<UUID, Group> before) {
    Set<String> names = new HashSet<>();
    for (UUID dp : changed) {
      Group old = before.get(dp);
      if (old == null) {
        continue;
      }
      for (PortSpec spec : old.specs()) {
        if (dp.equals(datapathOf.get(spec.logicalPort()))) {
          remove(spec.logicalPort());
        }
        names.add(spec.logicalPort());
      }
    }
    for (UUID dp : changed) {
      Group g = groups.get(dp);
      if (g == null) {
        continue;
      }
      for (PortSpec spec : g.specs()) {
        UUID holder = datapathOf.get(spec.logicalPort());
        if (holder != null && !holder.equals(dp)) {
          // Two datapaths want one name: the first in order wins, as a full pass decides.
          rebuild();
          return Optional.empty();
        }
        put(spec, dp);
        names.add(spec.logicalPort());
      }
    }
    return Optional.of(names);
  }

  /** Indexes every group again, a name going to the first datapath that wants it. */
  private void rebuild() {
    byName.clear();
    datapathOf.clear();
    withHaGroup.clear();
    duplicates = false;
    groups.forEach((dp, g) -> g.specs().forEach(spec -> {
      if (!byName.containsKey(spec.logicalPort())) {
        put(spec, dp);
      } else {
        duplicates = true;
      }
    }));
  }

  private void put(PortSpec spec, UUID dp) {
    byName.put(spec.logicalPort(), spec);
    datapathOf.put(spec.logicalPort(), dp);
    if (spec.haChassisGroup().isPresent()) {
      withHaGroup.add(spec.logicalPort());
    } else {
      withHaGroup.remove(spec.logicalPort());
    }
  }

  private void remove(String name) {
    byName.remove(name);
    datapathOf.remove(name);
    withHaGroup.remove(name);
  }

  /** Forgets the groups: the next update makes every list again. */
  void reset() {
    cursor.reset();
  }



}
