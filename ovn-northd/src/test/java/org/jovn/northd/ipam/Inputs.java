package org.jovn.northd.ipam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.MacAddress;

/**
 * Builds address-management inputs without a database: switches and ports numbered in the order
 * they are added (so UUID order is insertion order), then runs passes over them.
 */
final class Inputs {
  static final MacAddress PREFIX = MacAddress.parse("0a:00:00:00:00:00");

  private final List<IpamInput.Switch> switches = new ArrayList<>();
  private final List<MacAddress> routerMacs = new ArrayList<>();
  private final Map<String, UUID> portIds = new LinkedHashMap<>();

  /** A switch with {@code other_config} given as key, value, key, value... */
  Inputs sw(List<IpamInput.Port> ports, String... config) {
    return sw(ports, List.of(), config);
  }

  /** A switch with router ports attached whose IPv4 addresses are {@code routerIps}. */
  Inputs sw(List<IpamInput.Port> ports, List<String> routerIps, String... config) {
    Map<String, String> oc = new LinkedHashMap<>();
    for (int i = 0; i < config.length; i += 2) {
      oc.put(config[i], config[i + 1]);
    }
    switches.add(new IpamInput.Switch(new UUID(1, switches.size() + 1), oc, ports,
        routerIps.stream().map(Ipv4Address::parse).toList()));
    return this;
  }

  Inputs routerMac(String mac) {
    routerMacs.add(MacAddress.parse(mac));
    return this;
  }

  /** A port with no {@code dynamic_addresses}. */
  IpamInput.Port port(String name, String... addresses) {
    return port(name, Optional.empty(), false, addresses);
  }

  /** A port holding {@code dynamic_addresses}. */
  IpamInput.Port held(String name, String dynamic, String... addresses) {
    return port(name, Optional.of(dynamic), false, addresses);
  }

  /** A {@code router} port attached to a router port. */
  IpamInput.Port attached(String name, Optional<String> dynamic, String... addresses) {
    return port(name, dynamic, true, addresses);
  }

  private IpamInput.Port port(String name, Optional<String> dynamic, boolean attached,
      String... addresses) {
    UUID id = new UUID(0, portIds.size() + 1);
    portIds.put(name, id);
    return new IpamInput.Port(id, Arrays.stream(addresses).sorted().toList(), dynamic, attached);
  }

  IpamInput input() {
    return new IpamInput(switches, routerMacs);
  }

  /** One pass under prefix 0a:00:00; the changes by port name. */
  Map<String, Optional<String>> run() {
    return byName(Allocator.run(input(), PREFIX));
  }

  /** The {@code dynamic_addresses} of every port after one pass, absent ones left out. */
  Map<String, String> settled() {
    Map<UUID, Optional<String>> changes = Allocator.run(input(), PREFIX);
    Map<String, String> out = new LinkedHashMap<>();
    for (IpamInput.Switch sw : switches) {
      for (IpamInput.Port p : sw.ports()) {
        Optional<String> v = changes.containsKey(p.uuid()) ? changes.get(p.uuid())
            : p.dynamicAddresses();
        v.ifPresent(s -> out.put(name(p.uuid()), s));
      }
    }
    return out;
  }

  private Map<String, Optional<String>> byName(Map<UUID, Optional<String>> changes) {
    Map<String, Optional<String>> out = new LinkedHashMap<>();
    changes.forEach((id, v) -> out.put(name(id), v));
    return out;
  }

  private String name(UUID id) {
    return portIds.entrySet().stream().filter(e -> e.getValue().equals(id)).findFirst()
        .orElseThrow().getKey();
  }
}
