package org.jovn.northd.ipam;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.MacAddress;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * What address management reads from the Northbound database, in the order it is processed.
 *
 * @param switches every logical switch, by UUID
 * @param routerMacs the {@code mac} of every logical router port whose {@code mac} parses
 */
record IpamInput(List<Switch> switches, List<MacAddress> routerMacs) {
  IpamInput {
    switches = List.copyOf(switches);
    routerMacs = List.copyOf(routerMacs);
  }

  /**
   * A logical switch.
   *
   * @param uuid the {@code Logical_Switch} row
   * @param otherConfig its {@code other_config}
   * @param ports its ports, by UUID; a port listed by an earlier switch, or named like an
   *     earlier port, is left out
   * @param routerIps the IPv4 networks' addresses of the router ports attached to this switch
   *     by its {@code router} ports
   */
  record Switch(UUID uuid, Map<String, String> otherConfig, List<Port> ports,
      List<Ipv4Address> routerIps) {
    Switch {
      otherConfig = Map.copyOf(otherConfig);
      ports = List.copyOf(ports);
      routerIps = List.copyOf(routerIps);
    }
  }

  /**
   * A logical switch port.
   *
   * @param uuid the {@code Logical_Switch_Port} row
   * @param addresses its {@code addresses}, sorted
   * @param dynamicAddresses its {@code dynamic_addresses}
   * @param attached whether it is a {@code router} port whose {@code options:router-port} names
   *     a router port with a valid {@code mac}
   */
  record Port(UUID uuid, List<String> addresses, Optional<String> dynamicAddresses,
      boolean attached) {
    Port {
      addresses = List.copyOf(addresses);
    }
  }

  /** By UUID as OVSDB orders UUIDs: as unsigned 128-bit numbers, i.e. by their text. */
  static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::toString);

  /**
   * Reads tables {@code Logical_Switch}, {@code Logical_Switch_Port} and
   * {@code Logical_Router_Port} of a snapshot.
   */
  static IpamInput read(ReplicaSnapshot nb) {
    Map<String, List<Ipv4Address>> routerPorts = new HashMap<>();
    List<MacAddress> routerMacs = new ArrayList<>();
    LogicalRouterPort.all(nb).sorted(Comparator.comparing(lrp -> lrp.uuid().uuid(), UUID_ORDER))
        .forEach(lrp -> MacAddress.tryParse(lrp.mac()).ifPresent(mac -> {
          routerMacs.add(mac);
          routerPorts.putIfAbsent(lrp.name(), routerIpv4(lrp.networks()));
        }));
    Set<UUID> seenPorts = new HashSet<>();
    Set<String> seenNames = new HashSet<>();
    List<Switch> switches = new ArrayList<>();
    for (LogicalSwitch ls : LogicalSwitch.all(nb)
        .sorted(Comparator.comparing(ls -> ls.uuid().uuid(), UUID_ORDER)).toList()) {
      List<Port> ports = new ArrayList<>();
      List<Ipv4Address> routerIps = new ArrayList<>();
      ls.ports().stream().map(r -> r.uuid()).sorted(UUID_ORDER)
          .filter(seenPorts::add)
          .flatMap(u -> LogicalSwitchPort.get(nb, Ref.<LogicalSwitchPort>of(u)).stream())
          .filter(lsp -> seenNames.add(lsp.name()))
          .forEach(lsp -> {
            List<Ipv4Address> peer = lsp.type().equals("router")
                ? routerPorts.get(lsp.options().getOrDefault("router-port", "")) : null;
            if (peer != null) {
              routerIps.addAll(peer);
            }
            ports.add(new Port(lsp.uuid().uuid(), lsp.addresses().stream().sorted().toList(),
                lsp.dynamicAddresses(), peer != null));
          });
      switches.add(new Switch(ls.uuid().uuid(), ls.otherConfig(), ports, routerIps));
    }
    return new IpamInput(switches, routerMacs);
  }

  /** The same contents with the {@code dynamic_addresses} of some ports replaced. */
  IpamInput with(Map<UUID, Optional<String>> dynamicAddresses) {
    List<Switch> out = new ArrayList<>(switches.size());
    for (Switch sw : switches) {
      List<Port> ports = new ArrayList<>(sw.ports().size());
      for (Port p : sw.ports()) {
        Optional<String> d = dynamicAddresses.get(p.uuid());
        ports.add(d == null ? p : new Port(p.uuid(), p.addresses(), d, p.attached()));
      }
      out.add(new Switch(sw.uuid(), sw.otherConfig(), ports, sw.routerIps()));
    }
    return new IpamInput(out, routerMacs);
  }

  /** The addresses of a router port's IPv4 networks, 0.0.0.0 left out. */
  private static List<Ipv4Address> routerIpv4(Set<String> networks) {
    List<Ipv4Address> out = new ArrayList<>();
    for (String n : networks.stream().sorted().toList()) {
      Ipv4Prefix.tryParse(n).map(Ipv4Prefix::address).filter(a -> a.value() != 0)
          .ifPresent(out::add);
    }
    return out;
  }
}
