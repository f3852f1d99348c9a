package org.jovn.northd.sb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.RouterLbAddresses;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.MacAddress;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.PortGroup;
import org.jovn.ovn.sb.AddressSet;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the {@code Address_Set} changes a plan implies, the sets ovn-northd
 * 23.03 writes:
 * <ul>
 *   <li>{@code svc_monitor_mac}, holding the service monitor MAC
 *       ({@code SB_Global options:svc_monitor_mac}), which the switch pipeline's
 *       {@code $svc_monitor_mac} matches refer to (ovn-controller rejects a flow naming a set
 *       that does not exist);</li>
 *   <li>for each Northbound port group {@code PG}, {@code PG_ip4} and {@code PG_ip6}: the IPv4
 *       and IPv6 addresses of its ports (static and dynamically assigned; MACs left out), for
 *       {@code $PG_ip4} and {@code $PG_ip6} in ACL matches;</li>
 *   <li>for each router whose load balancers have VIPs it answers ARP or neighbor
 *       solicitations for, {@code _rtr_lb_KEY_ip4} and {@code _rtr_lb_KEY_ip6} (KEY: the
 *       router's datapath tunnel key), for the router's {@code $_rtr_lb_KEY_ip4} matches;</li>
 *   <li>the Northbound's address sets, by name; one named like a port group's set wins.</li>
 * </ul>
 * Sets no longer wanted are deleted.
 */
final class AddressSetSync {
  static final String SVC_MONITOR_MAC = "svc_monitor_mac";

  private AddressSetSync() {}

  /**
   * What {@link #apply(Transaction, SouthboundPlan, ReplicaSnapshot, DatapathSync, Memo)} keeps
   * between transactions: each port's addresses by row, and the last wanted sets with the
   * table versions they came from. Confined to northd's thread.
   */
  static final class Memo {
    private final org.jovn.northd.model.RowMemo<List<Set<String>>> portIps =
        new org.jovn.northd.model.RowMemo<>();
    /** Per port group: its derived sets and the rows (group, members) they came from. */
    private final Map<java.util.UUID, Derived> derived = new HashMap<>();
    private List<Object> key = List.of();
    private Map<String, Set<String>> wanted;
    private Object cleanSb;
  }

  /**
   * Adds the changes to {@code t}. With the Northbound tables the sets come from, the router
   * VIP sets and the Southbound Address_Set table unchanged since a pass that found nothing to
   * do, does nothing.
   *
   * @param dps the datapaths, for the tunnel keys router VIP sets are named after
   */
  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb, DatapathSync dps,
      Memo memo) {
    Map<String, Set<String>> routerSets = routerSets(plan, dps);
    List<Object> key = java.util.Arrays.asList(plan.nb().rows(PortGroup.TABLE),
        plan.nb().rows(LogicalSwitchPort.TABLE),
        plan.nb().rows(org.jovn.ovn.nb.AddressSet.TABLE),
        plan.globalOptions().get(SVC_MONITOR_MAC), routerSets);
    boolean sameInputs = key.size() == memo.key.size()
        && java.util.stream.IntStream.range(0, key.size()).allMatch(i ->
            key.get(i) == memo.key.get(i) || java.util.Objects.equals(key.get(i), memo.key.get(i))
                && (key.get(i) instanceof String || key.get(i) == routerSets));
    if (sameInputs && sb.rows(AddressSet.TABLE) == memo.cleanSb) {
      return;
    }
    if (!sameInputs) {
      memo.wanted = wanted(plan, memo, routerSets);
      memo.key = key;
    }
    int before = t.size();
    applyWanted(t, memo.wanted, sb);
    memo.cleanSb = t.size() == before ? sb.rows(AddressSet.TABLE) : null;
  }

  /** The addresses of a port group's member ports (rows; null for a port that is gone). */
  private static Derived derive(org.jovn.ovsdb.data.Row group,
      List<org.jovn.ovsdb.data.Row> members,
      org.jovn.northd.model.RowMemo<List<Set<String>>> portIps) {
    Set<String> v4 = new TreeSet<>();
    Set<String> v6 = new TreeSet<>();
    for (org.jovn.ovsdb.data.Row row : members) {
      if (row != null) {
        List<Set<String>> ips = portIps.get(row, r -> {
          Set<String> a = new TreeSet<>();
          Set<String> b = new TreeSet<>();
          portIps(LogicalSwitchPort.from(r), a, b);
          return List.of(a, b);
        });
        v4.addAll(ips.get(0));
        v6.addAll(ips.get(1));
      }
    }
    return new Derived(group, members, v4, v6);
  }

  /**
   * For each router with load balancer VIPs it answers ARP or neighbor solicitations for, and
   * a tunnel key: {@code _rtr_lb_KEY_ip4} and {@code _rtr_lb_KEY_ip6} (if not empty).
   */
  private static Map<String, Set<String>> routerSets(SouthboundPlan plan, DatapathSync dps) {
    Map<String, Set<String>> out = new HashMap<>();
    for (RouterInput lr : plan.inputs().routers().values()) {
      Long tunnelKey = dps.tunnelKeyOf(lr.uuid());
      if (tunnelKey == null || lr.loadBalancers().isEmpty()) {
        continue;
      }
      RouterLbAddresses lbs = RouterLbAddresses.of(lr);
      if (!lbs.reachableIpv4().isEmpty()) {
        out.put(RouterLbAddresses.addressSetName(tunnelKey.toString(), false), lbs.reachableIpv4());
      }
      if (!lbs.reachableIpv6().isEmpty()) {
        out.put(RouterLbAddresses.addressSetName(tunnelKey.toString(), true), lbs.reachableIpv6());
      }
    }
    return out;
  }

  private static void applyWanted(Transaction t, Map<String, Set<String>> wanted,
      ReplicaSnapshot sb) {
    Set<String> seen = new HashSet<>();
    AddressSet.all(sb).forEach(as -> {
      Set<String> want = wanted.get(as.name());
      if (want == null || !seen.add(as.name())) {
        t.delete(AddressSet.TABLE, as.uuid().uuid());
      } else if (!want.equals(as.addresses())) {
        t.update(AddressSet.TABLE, as.uuid().uuid()).set(AddressSet.ADDRESSES, want);
      }
    });
    wanted.forEach((name, addresses) -> {
      if (!seen.contains(name)) {
        t.insert(AddressSet.TABLE).set(AddressSet.NAME, name).set(AddressSet.ADDRESSES,
            addresses);
      }
    });
  }

  /** A port group's {@code _ip4} and {@code _ip6} sets, and the rows they were made from. */
  private record Derived(org.jovn.ovsdb.data.Row group, List<org.jovn.ovsdb.data.Row> members,
      Set<String> ipv4, Set<String> ipv6) {}

  private static Map<String, Set<String>> wanted(SouthboundPlan plan, Memo memo,
      Map<String, Set<String>> routerSets) {
    Map<java.util.UUID, org.jovn.ovsdb.data.Row> lsps = plan.nb().rows(LogicalSwitchPort.TABLE);
    Map<java.util.UUID, org.jovn.ovsdb.data.Row> groups = plan.nb().rows(PortGroup.TABLE);
    memo.portIps.retain(lsps);
    memo.derived.keySet().retainAll(groups.keySet());
    Map<String, Set<String>> wanted = new HashMap<>();
    String mac = plan.globalOptions().get(SVC_MONITOR_MAC);
    if (mac != null) {
      wanted.put(SVC_MONITOR_MAC, Set.of(mac));
    }
    for (org.jovn.ovsdb.data.Row row : groups.values()) {
      PortGroup pg = PortGroup.from(row);
      Derived d = memo.derived.get(row.uuid());
      List<org.jovn.ovsdb.data.Row> members = new ArrayList<>(pg.ports().size());
      pg.ports().forEach(ref -> members.add(lsps.get(ref.uuid())));
      if (d == null || d.group() != row
          || !org.jovn.northd.model.Identity.sameObjects(d.members(), members)) {
        d = derive(row, members, memo.portIps);
        memo.derived.put(row.uuid(), d);
      }
      wanted.put(pg.name() + "_ip4", d.ipv4());
      wanted.put(pg.name() + "_ip6", d.ipv6());
    }
    wanted.putAll(routerSets);
    org.jovn.ovn.nb.AddressSet.all(plan.nb())
        .forEach(as -> wanted.put(as.name(), as.addresses()));
    return wanted;
  }

  /** The IP addresses of a port: of its static addresses and of its dynamic assignment. */
  private static void portIps(LogicalSwitchPort lsp, Set<String> v4, Set<String> v6) {
    for (String entry : lsp.addresses()) {
      ips(entry, v4, v6);
    }
    lsp.dynamicAddresses().ifPresent(entry -> ips(entry, v4, v6));
  }

  /**
   * The IPs of an address entry {@code "MAC IP[/LEN]..."}, up to the first word that is not an
   * IP address, as OVN reads entries; nothing unless the entry starts with a MAC (so nothing for
   * "unknown", "router" or "dynamic").
   */
  private static void ips(String entry, Set<String> v4, Set<String> v6) {
    String[] words = entry.trim().split("\\s+");
    if (MacAddress.tryParse(words[0]).isEmpty()) {
      return;
    }
    for (int i = 1; i < words.length; i++) {
      Optional<Ipv4Prefix> a = words[i].indexOf(':') >= 0 ? Optional.empty()
          : Ipv4Prefix.tryParse(words[i]);
      Optional<Ipv6Prefix> b = a.isPresent() ? Optional.empty() : Ipv6Prefix.tryParse(words[i]);
      if (a.isPresent()) {
        v4.add(a.get().address().toString());
      } else if (b.isPresent()) {
        v6.add(b.get().address().toString());
      } else {
        return;
      }
    }
  }
}
