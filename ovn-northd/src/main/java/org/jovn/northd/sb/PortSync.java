package org.jovn.northd.sb;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.model.RowMemo;
import org.jovn.northd.pipeline.MulticastGroup;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the {@code Port_Binding} and {@code Multicast_Group} changes a plan
 * implies. A port keeps its tunnel key while it stays on its datapath; a new port, or one that
 * moved, takes the smallest free key of its datapath. Columns ovn-controller owns are never
 * written, except {@code up}, which starts as false: ovn-controller sets it to true only where
 * it is already set.
 */
final class PortSync {
  /** Port keys within a datapath: 1 to 32767 (32768 and up are multicast groups). */
  static final int MAX_PORT_KEY = 32767;

  private PortSync() {}

  /** What is kept between transactions, so that a pass after a small change stays small. */
  static final class Memo {
    final WantedBindings wanted = new WantedBindings();
    final BindingIndex bindings = new BindingIndex();
    /** The datapath rows the last pass saw (a change means every binding is checked). */
    Map<UUID, org.jovn.ovsdb.data.Row> datapaths;
    final RowMemo<org.jovn.ovn.sb.MulticastGroup> groupRows = new RowMemo<>();
    /** Per group: the wanted group and the row last found to agree (compared by identity). */
    final Map<Object, Object[]> groupsAgreed = new HashMap<>();

    /** Forgets what the Southbound held: the next pass checks every binding. */
    void reset() {
      wanted.reset();
      bindings.reset();
      datapaths = null;
    }
  }

  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb, DatapathSync dps,
      Memo memo) {
    Optional<Set<String>> changedSpecs = memo.wanted.update(plan.nb(), plan.inputs());
    Map<String, PortSpec> wanted = memo.wanted.byName();
    Map<String, UUID> haGroups = GatewaySync.apply(t, memo.wanted.withHaGroup(), sb);
    MacBindingSync.apply(t, sb, MacBindingSync.keptDatapaths(plan, dps), wanted.keySet());
    BindingIndex index = memo.bindings;
    Optional<Set<String>> changedBindings = index.catchUp(sb);
    var datapaths = sb.rows(org.jovn.ovn.sb.DatapathBinding.TABLE);
    boolean all = changedSpecs.isEmpty() || changedBindings.isEmpty()
        || datapaths != memo.datapaths;
    memo.datapaths = datapaths;
    Collection<String> check = wanted.keySet();
    if (!all) {
      Set<String> names = new HashSet<>(changedSpecs.get());
      names.addAll(changedBindings.get());
      check = names;
    }
    Map<UUID, KeyAllocator> keys = new HashMap<>();
    Map<String, UUID> inserted = new HashMap<>();
    for (String name : check) {
      PortSpec spec = wanted.get(name);
      PortBinding have = index.named(name);
      if (spec == null) {
        if (have != null) {
          t.delete(PortBinding.TABLE, have.uuid().uuid());
        }
        continue;
      }
      UUID dp = dps.rowOf(spec.datapath());
      if (dp == null) {
        continue;
      }
      if (have == null) {
        Transaction.Insert ins = t.insert(PortBinding.TABLE)
            .set(PortBinding.LOGICAL_PORT, spec.logicalPort())
            .set(PortBinding.DATAPATH, dp)
            .set(PortBinding.TUNNEL_KEY, (long) allocator(keys, dp, index, wanted, dps).allocate())
            .set(PortBinding.UP, false);
        columns(spec, haGroups, ins::set);
        inserted.put(spec.logicalPort(), ins.uuid());
        continue;
      }
      Transaction.Update upd = null;
      if (!have.datapath().uuid().equals(dp)) {
        upd = t.update(PortBinding.TABLE, have.uuid().uuid()).set(PortBinding.DATAPATH, dp)
            .set(PortBinding.TUNNEL_KEY, (long) allocator(keys, dp, index, wanted, dps).allocate());
      }
      if (!matches(have, spec, haGroups) || have.up().isEmpty()) {
        Transaction.Update u = upd != null ? upd : t.update(PortBinding.TABLE, have.uuid().uuid());
        columns(spec, haGroups, u::set);
        if (have.up().isEmpty()) {
          // ovn-controller reports a port up only where northd has set the column.
          u.set(PortBinding.UP, false);
        }
      }
    }
    if (all) {
      // Bindings no longer wanted, or duplicates of a name, found by a look at every binding.
      for (PortBinding pb : index.rows().values()) {
        if (!wanted.containsKey(pb.logicalPort()) || index.named(pb.logicalPort()) != pb) {
          t.delete(PortBinding.TABLE, pb.uuid().uuid());
        }
      }
    }
    groups(t, plan, sb, dps, name -> {
      UUID row = inserted.get(name);
      if (row != null) {
        return row;
      }
      PortSpec spec = wanted.get(name);
      PortBinding pb = index.named(name);
      return spec == null || pb == null || dps.rowOf(spec.datapath()) == null ? null
          : pb.uuid().uuid();
    }, memo);
  }

  /**
   * The key allocator of a datapath row, made on first use from the keys of the bindings that
   * stay on it (those wanted there), so that keys of bindings leaving it are free again.
   */
  private static KeyAllocator allocator(Map<UUID, KeyAllocator> keys, UUID dp,
      BindingIndex index, Map<String, PortSpec> wanted, DatapathSync dps) {
    return keys.computeIfAbsent(dp, d -> {
      KeyAllocator a = new KeyAllocator(1, MAX_PORT_KEY);
      for (PortBinding pb : index.onDatapath(d)) {
        PortSpec spec = wanted.get(pb.logicalPort());
        if (spec != null && index.named(pb.logicalPort()) == pb
            && d.equals(dps.rowOf(spec.datapath()))) {
          a.reserve(pb.tunnelKey());
        }
      }
      return a;
    });
  }

  private interface Setter {
    Object set(String column, Object value);
  }

  private static void columns(PortSpec spec, Map<String, UUID> haGroups, Setter s) {
    s.set(PortBinding.TYPE, spec.type());
    s.set(PortBinding.OPTIONS, spec.options());
    s.set(PortBinding.MAC, spec.mac());
    s.set(PortBinding.PORT_SECURITY, spec.portSecurity());
    s.set(PortBinding.PARENT_PORT, spec.parentPort());
    s.set(PortBinding.TAG, spec.tag());
    s.set(PortBinding.NAT_ADDRESSES, spec.natAddresses());
    s.set(PortBinding.HA_CHASSIS_GROUP, haGroup(spec, haGroups));
    s.set(PortBinding.GATEWAY_CHASSIS, Set.of());
  }

  /** The row of the binding's HA chassis group, if it has one. */
  private static java.util.Optional<UUID> haGroup(PortSpec spec, Map<String, UUID> haGroups) {
    return spec.haChassisGroup().map(g -> haGroups.get(g.name()));
  }

  private static boolean matches(PortBinding have, PortSpec spec, Map<String, UUID> haGroups) {
    return have.type().equals(spec.type()) && have.options().equals(spec.options())
        && have.mac().equals(spec.mac()) && have.portSecurity().equals(spec.portSecurity())
        && have.parentPort().equals(spec.parentPort()) && have.tag().equals(spec.tag())
        && have.natAddresses().equals(spec.natAddresses())
        && have.haChassisGroup().map(r -> r.uuid()).equals(haGroup(spec, haGroups))
        && have.gatewayChassis().isEmpty();
  }

  private static void groups(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb,
      DatapathSync dps, java.util.function.Function<String, UUID> portRows, Memo memo) {
    record Key(UUID datapathRow, String name) {}
    Map<Key, org.jovn.ovn.sb.MulticastGroup> existing = new HashMap<>();
    Set<Key> wantedKeys = new HashSet<>();
    Map<Key, MulticastGroup> wanted = new HashMap<>();
    plan.groups().forEach((nb, list) -> {
      UUID dp = dps.rowOf(nb);
      if (dp != null) {
        list.forEach(g -> wanted.put(new Key(dp, g.name()), g));
      }
    });
    wantedKeys.addAll(wanted.keySet());
    Map<UUID, org.jovn.ovsdb.data.Row> mcRows = sb.rows(org.jovn.ovn.sb.MulticastGroup.TABLE);
    memo.groupRows.retain(mcRows);
    mcRows.values().stream()
        .map(r -> memo.groupRows.get(r, org.jovn.ovn.sb.MulticastGroup::from)).forEach(mc -> {
      Key k = new Key(mc.datapath().uuid(), mc.name());
      if (!wantedKeys.contains(k) || existing.putIfAbsent(k, mc) != null) {
        t.delete(org.jovn.ovn.sb.MulticastGroup.TABLE, mc.uuid().uuid());
      }
    });
    wanted.forEach((k, g) -> {
      Object[] ok = memo.groupsAgreed.get(k);
      org.jovn.ovn.sb.MulticastGroup agreedRow = existing.get(k);
      if (ok != null && ok[0] == g && ok[1] == agreedRow && agreedRow != null) {
        return;
      }
      Set<UUID> ports = new HashSet<>();
      for (String p : g.ports()) {
        UUID row = portRows.apply(p);
        if (row != null) {
          ports.add(row);
        }
      }
      org.jovn.ovn.sb.MulticastGroup have = existing.get(k);
      if (have == null) {
        t.insert(org.jovn.ovn.sb.MulticastGroup.TABLE)
            .set(org.jovn.ovn.sb.MulticastGroup.DATAPATH, k.datapathRow())
            .set(org.jovn.ovn.sb.MulticastGroup.NAME, g.name())
            .set(org.jovn.ovn.sb.MulticastGroup.TUNNEL_KEY, g.tunnelKey())
            .set(org.jovn.ovn.sb.MulticastGroup.PORTS, ports);
      } else if (have.tunnelKey() != g.tunnelKey() || !Objects.equals(refs(have), ports)) {
        t.update(org.jovn.ovn.sb.MulticastGroup.TABLE, have.uuid().uuid())
            .set(org.jovn.ovn.sb.MulticastGroup.TUNNEL_KEY, g.tunnelKey())
            .set(org.jovn.ovn.sb.MulticastGroup.PORTS, ports);
      } else if (ports.stream().allMatch(u -> sb.rows(PortBinding.TABLE).containsKey(u))) {
        memo.groupsAgreed.put(k, new Object[] {g, have});
      }
    });
    if (memo.groupsAgreed.size() > 2 * wanted.size() + 16) {
      memo.groupsAgreed.keySet().retainAll(wanted.keySet());
    }
  }

  private static Set<UUID> refs(org.jovn.ovn.sb.MulticastGroup mc) {
    Set<UUID> out = new HashSet<>();
    mc.ports().forEach(r -> out.add(r.uuid()));
    return out;
  }

}
