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
    Map<String, Set<String>> flowsByDatapath, Set<String> serviceMonitors) {

  static SouthboundContent of(ReplicaSnapshot sb) {
    Map<UUID, String> dpNames = new HashMap<>();
    Set<String> datapaths = new TreeSet<>();
    DatapathBinding.all(sb).forEach(dp -> {
      String kind = dp.externalIds().containsKey("logical-switch") ? "ls" : "lr";
      String name = kind + ":" + dp.externalIds().get("name");
      dpNames.put(dp.uuid().uuid(), name);
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
    return new SouthboundContent(datapaths, ports, groups, flows, monitors);
  }
}
