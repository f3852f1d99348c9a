package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jovn.ovn.sb.AddressSet;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the {@code Address_Set} changes a plan implies: the Northbound's
 * address sets mirrored by name, plus {@code svc_monitor_mac} holding the service monitor MAC
 * ({@code SB_Global options:svc_monitor_mac}), which the switch pipeline's
 * {@code $svc_monitor_mac} matches refer to (ovn-controller rejects a flow naming a set that
 * does not exist). Sets no longer wanted are deleted.
 */
final class AddressSetSync {
  static final String SVC_MONITOR_MAC = "svc_monitor_mac";

  private AddressSetSync() {}

  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb) {
    Map<String, Set<String>> wanted = new HashMap<>();
    org.jovn.ovn.nb.AddressSet.all(plan.nb())
        .forEach(as -> wanted.put(as.name(), as.addresses()));
    String mac = plan.globalOptions().get(SVC_MONITOR_MAC);
    if (mac != null) {
      wanted.put(SVC_MONITOR_MAC, Set.of(mac));
    }
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
}
