package org.jovn.northd.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.northd.net.PortAddresses;

/**
 * One logical switch port as its switch's flows see it.
 *
 * @param uuid the {@code Logical_Switch_Port} row
 * @param name its name ({@code inport == "name"} in flows)
 * @param type its type: "" for a VIF, {@code router}, {@code localnet}, ...
 * @param options its {@code options}
 * @param addresses the effective addresses: static ones, the {@code dynamic_addresses}
 *     assigned for "dynamic", and for "router" the peer router port's MAC and networks
 * @param unknown whether {@code addresses} has "unknown" (the port receives unknown
 *     destinations)
 * @param portSecurity its {@code port_security}
 * @param enabled false only if {@code enabled} is set to false
 * @param routerPeer for a {@code router} port whose {@code options:router-port} names an
 *     existing router port: that port
 */
public record SwitchPortInput(UUID uuid, String name, String type, Map<String, String> options,
    List<PortAddresses> addresses, boolean unknown, List<String> portSecurity, boolean enabled,
    Optional<RouterPortInput> routerPeer) {
  public SwitchPortInput {
    options = Map.copyOf(options);
    addresses = List.copyOf(addresses);
    portSecurity = List.copyOf(portSecurity);
  }

  /** Whether this is a port to a logical router. */
  public boolean isRouter() {
    return type.equals("router");
  }

  /** Whether this is a VIF (a port with an empty type). */
  public boolean isVif() {
    return type.isEmpty();
  }
}
