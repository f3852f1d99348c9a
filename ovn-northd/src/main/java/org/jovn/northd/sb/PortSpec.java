package org.jovn.northd.sb;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code Port_Binding} northd wants for one logical port: the columns northd owns. The
 * columns ovn-controller writes ({@code chassis}, {@code up}, {@code encap}, ...) are not here.
 *
 * @param logicalPort {@code logical_port}
 * @param datapath the Northbound switch or router the port belongs to
 * @param type {@code type}: "" for a VIF, {@code patch} for either end of a switch-router
 *     link, {@code localnet}, ...
 * @param options {@code options}, e.g. {@code peer} for a patch port
 * @param mac {@code mac}: the port's addresses as the Northbound gives them
 * @param portSecurity {@code port_security}
 * @param parentPort {@code parent_port}
 * @param tag {@code tag}
 * @param natAddresses {@code nat_addresses}: the MAC and addresses ovn-controller announces
 *     with gratuitous ARPs for a router
 * @param haChassisGroup the {@code HA_Chassis_Group} the port is bound by, if any
 */
record PortSpec(String logicalPort, UUID datapath, String type, Map<String, String> options,
    Set<String> mac, Set<String> portSecurity, Optional<String> parentPort, Optional<Long> tag,
    Set<String> natAddresses, Optional<HaGroup> haChassisGroup) {
  PortSpec {
    options = Map.copyOf(options);
    mac = Set.copyOf(mac);
    portSecurity = Set.copyOf(portSecurity);
    natAddresses = Set.copyOf(natAddresses);
    java.util.Objects.requireNonNull(haChassisGroup, "haChassisGroup");
  }

  /** A binding without NAT addresses or HA chassis group. */
  PortSpec(String logicalPort, UUID datapath, String type, Map<String, String> options,
      Set<String> mac, Set<String> portSecurity, Optional<String> parentPort,
      Optional<Long> tag) {
    this(logicalPort, datapath, type, options, mac, portSecurity, parentPort, tag, Set.of(),
        Optional.empty());
  }

  /** This binding with other type, options and NAT addresses. */
  PortSpec withGateway(String type, Map<String, String> options, Set<String> natAddresses) {
    return new PortSpec(logicalPort, datapath, type, options, mac, portSecurity, parentPort, tag,
        natAddresses, haChassisGroup);
  }

  /**
   * An HA chassis group as the Southbound should hold it.
   *
   * @param name its {@code name}
   * @param members its chassis by name, with their priorities
   */
  record HaGroup(String name, Map<String, Long> members) {
    HaGroup {
      members = Map.copyOf(members);
    }
  }
}
