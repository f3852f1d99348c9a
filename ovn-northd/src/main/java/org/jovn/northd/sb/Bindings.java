package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.SwitchInput;
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

  /** The wanted bindings by logical port name. */
  static Map<String, PortSpec> ports(ReplicaSnapshot nb, NorthboundInputs in) {
    Map<String, PortSpec> out = new LinkedHashMap<>();
    for (SwitchInput sw : in.switches().values()) {
      for (var p : sw.ports()) {
        LogicalSwitchPort lsp = LogicalSwitchPort.get(nb,
            org.jovn.ovsdb.client.Ref.<LogicalSwitchPort>of(p.uuid())).orElse(null);
        if (lsp == null || out.containsKey(p.name())) {
          continue;
        }
        out.put(p.name(), switchPort(sw, lsp));
      }
    }
    for (RouterInput lr : in.routers().values()) {
      for (RouterAttachment a : lr.ports()) {
        if (out.containsKey(a.port().name())) {
          continue;
        }
        Map<String, String> options = new HashMap<>();
        a.switchPort().or(() -> a.peerPort().map(pp -> pp.name()))
            .ifPresent(peer -> options.put("peer", peer));
        StringBuilder mac = new StringBuilder(a.port().addresses().mac().toString());
        a.port().addresses().ipv4().forEach(n -> mac.append(' ').append(n));
        a.port().addresses().ipv6().forEach(n -> mac.append(' ').append(n));
        out.put(a.port().name(), new PortSpec(a.port().name(), lr.uuid(), "patch", options,
            Set.of(mac.toString()), Set.of(), Optional.empty(), Optional.empty()));
      }
    }
    return out;
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
    Optional<Long> tag = lsp.tag().or(lsp::tagRequest).filter(t -> t > 0);
    return new PortSpec(lsp.name(), sw.uuid(), type, options, mac, lsp.portSecurity(),
        lsp.parentName(), lsp.parentName().isPresent() ? tag : Optional.empty());
  }
}
