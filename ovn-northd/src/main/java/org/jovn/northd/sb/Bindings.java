package org.jovn.northd.sb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.RowMemo;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.pipeline.RouterAdvertConfig;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * The {@code Port_Binding}s northd wants, one per logical switch port and logical router port,
 * as ovn-northd 23.03 fills them: a {@code router} switch port and its router port become a
 * pair of {@code patch} ports naming each other in {@code options:peer}; other switch ports keep
 * their type and options; {@code mac} repeats the Northbound addresses with "dynamic" replaced
 * by the assignment.
 */
final class Bindings {
  private Bindings() {}

  /** The wanted bindings by logical port name (a name taken twice keeps its first binding). */
  static Map<String, PortSpec> ports(ReplicaSnapshot nb, NorthboundInputs in) {
    Map<String, PortSpec> out = new LinkedHashMap<>();
    Map<String, RouterInput> owners = GatewayBindings.owners(in);
    RowMemo<PortSpec> memo = new RowMemo<>();
    for (SwitchInput sw : in.switches().values()) {
      switchPorts(nb, sw, owners, memo).forEach(spec -> out.putIfAbsent(spec.logicalPort(), spec));
    }
    for (RouterInput lr : in.routers().values()) {
      routerPorts(nb, lr).forEach(spec -> out.putIfAbsent(spec.logicalPort(), spec));
    }
    return out;
  }

  /**
   * The bindings of one switch's ports, reusing from {@code memo} the specs of unchanged rows.
   *
   * @param owners the router of each router port, by router port name
   */
  static List<PortSpec> switchPorts(ReplicaSnapshot nb, SwitchInput sw,
      Map<String, RouterInput> owners, RowMemo<PortSpec> memo) {
    Map<java.util.UUID, org.jovn.ovsdb.data.Row> lspRows = nb.rows(LogicalSwitchPort.TABLE);
    List<PortSpec> out = new ArrayList<>(sw.ports().size());
    for (var p : sw.ports()) {
      org.jovn.ovsdb.data.Row row = lspRows.get(p.uuid());
      if (row == null) {
        continue;
      }
      PortSpec spec = memo.peek(row);
      if (spec == null || !spec.datapath().equals(sw.uuid())) {
        spec = switchPort(sw, LogicalSwitchPort.from(row));
        memo.put(row, spec);
      }
      spec = GatewayBindings.externalPort(spec, nb, p);
      out.add(GatewayBindings.switchPort(spec, sw, p, owners));
    }
    return out;
  }

  /** The bindings of one router's ports and of its chassisredirect ports. */
  static List<PortSpec> routerPorts(ReplicaSnapshot nb, RouterInput lr) {
    Map<String, PortSpec> out = new LinkedHashMap<>();
    for (RouterAttachment a : lr.ports()) {
      if (out.containsKey(a.port().name())) {
        continue;
      }
      Map<String, String> options = new HashMap<>();
      a.switchPort().or(() -> a.peerPort().map(pp -> pp.name()))
          .ifPresent(peer -> options.put("peer", peer));
      RouterAdvertConfig.of(a).ifPresent(ra -> options.putAll(ra.periodicOptions()));
      StringBuilder mac = new StringBuilder(a.port().addresses().mac().toString());
      a.port().addresses().ipv4().forEach(n -> mac.append(' ').append(n));
      a.port().addresses().ipv6().forEach(n -> mac.append(' ').append(n));
      out.put(a.port().name(), GatewayBindings.routerPort(new PortSpec(a.port().name(),
          lr.uuid(), "patch", options, Set.of(mac.toString()), Set.of(), Optional.empty(),
          Optional.empty()), lr, a));
    }
    for (PortSpec cr : GatewayBindings.redirectPorts(nb, lr, out)) {
      out.putIfAbsent(cr.logicalPort(), cr);
    }
    return List.copyOf(out.values());
  }

  private static PortSpec switchPort(SwitchInput sw, LogicalSwitchPort lsp) {
    String type = lsp.type();
    Map<String, String> options = lsp.options();
    if (type.equals("router")) {
      type = "patch";
      String rp = lsp.options().get("router-port");
      options = rp == null ? Map.of() : Map.of("peer", rp);
    }
    Set<String> mac = new LinkedHashSet<>();
    for (String a : lsp.addresses()) {
      if (a.contains("dynamic")) {
        lsp.dynamicAddresses().ifPresent(mac::add);
      } else {
        mac.add(a);
      }
    }
    // A non-zero tag_request is what northd copies to tag (a localnet port's VLAN too).
    Optional<Long> tag = lsp.tagRequest().filter(t -> t != 0).or(lsp::tag).filter(t -> t > 0);
    return new PortSpec(lsp.name(), sw.uuid(), type, options, mac, lsp.portSecurity(),
        lsp.parentName(), tag);
  }
}
