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
 */
record PortSpec(String logicalPort, UUID datapath, String type, Map<String, String> options,
    Set<String> mac, Set<String> portSecurity, Optional<String> parentPort, Optional<Long> tag) {
  PortSpec {
    options = Map.copyOf(options);
    mac = Set.copyOf(mac);
    portSecurity = Set.copyOf(portSecurity);
  }
}
