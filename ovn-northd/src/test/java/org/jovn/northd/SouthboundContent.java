package org.jovn.northd;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jovn.ovn.sb.DatapathBinding;
import java.util.List;
import org.jovn.ovn.sb.LogicalDpGroup;
import org.jovn.ovn.sb.LogicalFlow;
import org.jovn.ovn.sb.MulticastGroup;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovn.sb.ServiceMonitor;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * What northd wrote to a Southbound database, with row UUIDs and tunnel keys replaced by the
 * names they stand for, so that two Southbound databases built by different histories can be
 * compared. Multicast group keys are kept: they are fixed per group name.
 */
record SouthboundContent(Set<String> datapaths, Set<String> ports, Set<String> groups,
    Map<String, Set<String>> flowsByDatapath, Set<String> serviceMonitors,
    Set<String> portGroups, Set<String> addressSets) {

  static SouthboundContent of(ReplicaSnapshot sb) {
    Map<UUID, String> dpNames = new HashMap<>();
    Map<String, String> dpByKey = new HashMap<>();
    Set<String> datapaths = new TreeSet<>();
    DatapathBinding.all(sb).forEach(dp -> {
      String kind = dp.externalIds().containsKey("logical-switch") ? "ls" : "lr";
      String name = kind + ":" + dp.externalIds().get("name");
      dpNames.put(dp.uuid().uuid(), name);
      dpByKey.put(String.valueOf(dp.tunnelKey()), name);
      datapaths.add(name + " " + new TreeMap<>(dp.externalIds()));
    });
    Map<UUID, String> portNames = new HashMap<>();
    Set<String> ports = new TreeSet<>();
    PortBinding.all(sb).forEach(pb -> {
      portNames.put(pb.uuid().uuid(), pb.logicalPort());
      ports.add(pb.logicalPort() + " dp=" + dpNames.get(pb.datapath().uuid()) + " type="
          + pb.type() + " options=" + new TreeMap<>(pb.options()) + " mac="
          + new TreeSet<>(pb.mac()) + " ps=" + new TreeSet<>(pb.portSecurity()));
    });
    Set<String> groups = new TreeSet<>();
    MulticastGroup.all(sb).forEach(mc -> {
      Set<String> members = new TreeSet<>();
      mc.ports().forEach(p -> members.add(portNames.get(p.uuid())));
      groups.add(dpNames.get(mc.datapath().uuid()) + " " + mc.name() + " " + mc.tunnelKey()
          + " " + members);
    });
    Map<String, Set<String>> flows = new TreeMap<>();
    LogicalFlow.all(sb).forEach(f -> {
      // A flow shared by several datapaths names their group: count it once for each.
      List<String> members = f.logicalDatapath().map(r -> List.of(dpNames.get(r.uuid())))
          .orElseGet(() -> f.logicalDpGroup().flatMap(g -> LogicalDpGroup.get(sb, g))
              .map(g -> g.datapaths().stream().map(d -> dpNames.get(d.uuid())).toList())
              .orElse(List.of("?")));
      for (String dp : members) {
        flows.computeIfAbsent(dp, k -> new TreeSet<>())
            .add(f.pipeline() + " " + f.tableId() + " " + f.priority() + " (" + f.match()
                + ") (" + f.actions() + ") " + new TreeMap<>(f.tags()) + " "
                + new TreeMap<>(f.externalIds()));
      }
    });
    Set<String> monitors = new TreeSet<>();
    ServiceMonitor.all(sb).forEach(m -> monitors.add(m.logicalPort() + " " + m.ip() + ":"
        + m.port() + "/" + m.protocol().orElse("") + " src=" + m.srcIp() + " " + m.srcMac()
        + " " + m.status().orElse("") + " " + new TreeMap<>(m.options())));
    // Port groups are named KEY_NAME and router VIP sets _rtr_lb_KEY_ipN, KEY a datapath's
    // tunnel key: name the datapath instead.
    Set<String> portGroups = new TreeSet<>();
    org.jovn.ovn.sb.PortGroup.all(sb).forEach(pg -> {
      int sep = pg.name().indexOf('_');
      portGroups.add(dpByKey.get(pg.name().substring(0, Math.max(sep, 0))) + " "
          + pg.name().substring(sep + 1) + " " + new TreeSet<>(pg.ports()));
    });
    Set<String> addressSets = new TreeSet<>();
    org.jovn.ovn.sb.AddressSet.all(sb).forEach(as -> {
      String name = as.name();
      if (name.startsWith("_rtr_lb_")) {
        String key = name.substring(8, name.lastIndexOf('_'));
        name = "_rtr_lb_" + dpByKey.get(key) + name.substring(name.lastIndexOf('_'));
      }
      addressSets.add(name + " " + new TreeSet<>(as.addresses()));
    });
    return new SouthboundContent(datapaths, ports, groups, flows, monitors, portGroups,
        addressSets);
  }
}
