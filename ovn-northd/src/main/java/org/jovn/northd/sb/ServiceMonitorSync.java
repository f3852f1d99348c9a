package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jovn.northd.model.ServiceMonitors;
import org.jovn.northd.model.ServiceMonitors.Key;
import org.jovn.northd.model.ServiceMonitors.Monitor;
import org.jovn.northd.net.MacAddress;
import org.jovn.ovn.sb.ServiceMonitor;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the Southbound {@code Service_Monitor} changes a plan implies, as
 * ovn-northd 23.03 writes them: one row per monitored load balancer backend
 * ({@link ServiceMonitors}), found by logical port, IP, port and protocol, with the health
 * check's options, the source IP of its {@code ip_port_mappings} entry and the service monitor
 * MAC as {@code src_mac} (rewritten only if it is a different address). Rows no backend needs
 * are deleted.
 *
 * <p>{@code status} belongs to ovn-controller: northd inserts rows without it and leaves it
 * alone, except that, like ovn-northd, it turns {@code online} into {@code offline} while the
 * logical port's binding is not up.
 */
final class ServiceMonitorSync {
  private ServiceMonitorSync() {}

  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb) {
    ServiceMonitors wanted = plan.inputs().serviceMonitors();
    Map<Key, Monitor> byKey = new HashMap<>();
    wanted.monitors().forEach(m -> byKey.put(m.key(), m));
    Map<Key, ServiceMonitor> existing = new HashMap<>();
    ServiceMonitor.all(sb).forEach(row -> {
      Key key = Key.of(row);
      if (!byKey.containsKey(key) || existing.putIfAbsent(key, row) != null) {
        t.delete(ServiceMonitor.TABLE, row.uuid().uuid());
      }
    });
    for (Monitor m : wanted.monitors()) {
      ServiceMonitor have = existing.get(m.key());
      if (have == null) {
        insert(t, m, wanted.mac());
      } else {
        update(t, have, m, wanted.mac(), sb);
      }
    }
  }

  private static void insert(Transaction t, Monitor m, String mac) {
    t.insert(ServiceMonitor.TABLE).set(ServiceMonitor.IP, m.key().ip())
        .set(ServiceMonitor.PORT, (long) m.key().port())
        .set(ServiceMonitor.LOGICAL_PORT, m.key().logicalPort())
        .set(ServiceMonitor.PROTOCOL, Optional.of(m.key().protocol()))
        .set(ServiceMonitor.OPTIONS, m.options()).set(ServiceMonitor.SRC_MAC, mac)
        .set(ServiceMonitor.SRC_IP, m.srcIp());
  }

  private static void update(Transaction t, ServiceMonitor have, Monitor m, String mac,
      ReplicaSnapshot sb) {
    boolean options = !have.options().equals(m.options());
    boolean srcMac = !MacAddress.tryParse(have.srcMac()).map(Object::toString)
        .filter(mac::equals).isPresent();
    boolean srcIp = !have.srcIp().equals(m.srcIp());
    boolean offline = have.status().filter("online"::equals).isPresent()
        && !ServiceMonitors.portUp(sb, m.key().logicalPort());
    if (!options && !srcMac && !srcIp && !offline) {
      return;
    }
    var u = t.update(ServiceMonitor.TABLE, have.uuid().uuid());
    if (options) {
      u.set(ServiceMonitor.OPTIONS, m.options());
    }
    if (srcMac) {
      u.set(ServiceMonitor.SRC_MAC, mac);
    }
    if (srcIp) {
      u.set(ServiceMonitor.SRC_IP, m.srcIp());
    }
    if (offline) {
      u.set(ServiceMonitor.STATUS, Optional.of("offline"));
    }
  }
}
