package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.model.LoadBalancerInput;
import org.jovn.northd.model.SwitchInput;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.LoadBalancer;
import org.jovn.ovn.sb.LogicalDpGroup;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the Southbound {@code Load_Balancer} changes a plan implies, as
 * ovn-northd 23.03 writes them: one row per Northbound load balancer that applies to at least
 * one logical switch (directly or through a load balancer group; routers do not count, so a
 * load balancer only on routers has no row), naming it in
 * {@code external_ids:lb_id}, with its name, VIPs and protocol as in the Northbound, its
 * options plus {@code hairpin_orig_tuple=true}, and its switches' datapaths in a
 * {@code Logical_DP_Group} ({@code datapaths} is left empty). A row keeps its group while the
 * group holds the right datapaths; otherwise it takes the group of another load balancer row
 * that does, or a new one. Rows naming no such load balancer, and duplicates, are deleted.
 * {@code Datapath_Binding.load_balancers} of switches, no longer used, is emptied.
 */
final class LoadBalancerSync {
  static final String LB_ID = "lb_id";

  private LoadBalancerSync() {}

  private record Wanted(org.jovn.ovn.nb.LoadBalancer nb, Map<String, String> options,
      Set<UUID> datapaths) {}

  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb, DatapathSync dps) {
    Map<UUID, Wanted> wanted = wanted(plan, dps);
    Map<UUID, LoadBalancer> existing = new HashMap<>();
    Map<Set<UUID>, UUID> groups = new HashMap<>();
    LoadBalancer.all(sb).forEach(row -> {
      UUID id = lbId(row);
      if (id == null || !wanted.containsKey(id) || existing.putIfAbsent(id, row) != null) {
        t.delete(LoadBalancer.TABLE, row.uuid().uuid());
        return;
      }
      row.datapathGroup().flatMap(g -> LogicalDpGroup.get(sb, g)).ifPresent(
          g -> groups.putIfAbsent(refs(g.datapaths()), g.uuid().uuid()));
    });
    wanted.forEach((id, w) -> {
      LoadBalancer have = existing.get(id);
      UUID group = groups.get(w.datapaths());
      if (group == null) {
        group = t.insert(LogicalDpGroup.TABLE).set(LogicalDpGroup.DATAPATHS, w.datapaths())
            .uuid();
        groups.put(w.datapaths(), group);
      }
      Optional<String> protocol = w.nb().protocol();
      if (have == null) {
        t.insert(LoadBalancer.TABLE).set(LoadBalancer.NAME, w.nb().name())
            .set(LoadBalancer.VIPS, w.nb().vips()).set(LoadBalancer.PROTOCOL, protocol)
            .set(LoadBalancer.DATAPATH_GROUP, Optional.of(group))
            .set(LoadBalancer.OPTIONS, w.options())
            .set(LoadBalancer.EXTERNAL_IDS, Map.of(LB_ID, id.toString()));
      } else if (!have.name().equals(w.nb().name()) || !have.vips().equals(w.nb().vips())
          || !have.protocol().equals(protocol) || !have.options().equals(w.options())
          || !have.datapaths().isEmpty()
          || !have.datapathGroup().map(Ref::uuid).equals(Optional.of(group))) {
        t.update(LoadBalancer.TABLE, have.uuid().uuid()).set(LoadBalancer.NAME, w.nb().name())
            .set(LoadBalancer.VIPS, w.nb().vips()).set(LoadBalancer.PROTOCOL, protocol)
            .set(LoadBalancer.DATAPATH_GROUP, Optional.of(group))
            .set(LoadBalancer.OPTIONS, w.options())
            .set(LoadBalancer.DATAPATHS, Set.<UUID>of());
      }
    });
    DatapathBinding.all(sb).filter(dp -> !dp.loadBalancers().isEmpty())
        .filter(dp -> DatapathKey.of(dp).filter(DatapathKey::isSwitch)
            .filter(k -> !dps.deleted().contains(k.nbUuid())).isPresent())
        .forEach(dp -> t.update(DatapathBinding.TABLE, dp.uuid().uuid())
            .set(DatapathBinding.LOAD_BALANCERS, Set.<UUID>of()));
  }

  /** For each load balancer on some switch: its row, SB options and switch datapaths. */
  private static Map<UUID, Wanted> wanted(SouthboundPlan plan, DatapathSync dps) {
    Map<UUID, Wanted> out = new LinkedHashMap<>();
    for (SwitchInput sw : plan.inputs().switches().values()) {
      UUID datapath = dps.rowOf(sw.uuid());
      if (datapath == null) {
        continue;
      }
      for (LoadBalancerInput lb : sw.loadBalancers()) {
        Wanted w = out.get(lb.uuid());
        if (w == null) {
          Optional<org.jovn.ovn.nb.LoadBalancer> nb = org.jovn.ovn.nb.LoadBalancer.get(
              plan.nb(), Ref.<org.jovn.ovn.nb.LoadBalancer>of(lb.uuid()));
          if (nb.isEmpty()) {
            continue;
          }
          Map<String, String> options = new HashMap<>(nb.get().options());
          options.put("hairpin_orig_tuple", "true");
          w = new Wanted(nb.get(), options, new HashSet<>());
          out.put(lb.uuid(), w);
        }
        w.datapaths().add(datapath);
      }
    }
    return out;
  }

  private static UUID lbId(LoadBalancer row) {
    return ExternalIds.uuid(row.externalIds(), LB_ID);
  }


  private static Set<UUID> refs(Set<Ref<DatapathBinding>> set) {
    Set<UUID> out = new HashSet<>();
    set.forEach(r -> out.add(r.uuid()));
    return out;
  }
}
