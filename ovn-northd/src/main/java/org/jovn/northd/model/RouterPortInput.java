package org.jovn.northd.model;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.northd.net.PortAddresses;

/**
 * One logical router port as flows see it (from the router's side, or from the switch it is
 * attached to).
 *
 * @param uuid the {@code Logical_Router_Port} row
 * @param name its name
 * @param addresses its {@code mac} and {@code networks}
 * @param enabled false only if {@code enabled} is set to false
 * @param peer the {@code peer} column: another router port this one is patched to directly
 * @param options its {@code options} ({@code route_table}, ...)
 * @param ipv6RaConfigs its {@code ipv6_ra_configs}: how it sends IPv6 router advertisements
 * @param nat what the port tells its switch about its router's NAT rules and gateway ports
 */
public record RouterPortInput(UUID uuid, String name, PortAddresses addresses, boolean enabled,
    Optional<String> peer, Map<String, String> options, Map<String, String> ipv6RaConfigs,
    RouterPortNat nat) {
  public RouterPortInput {
    options = Map.copyOf(options);
    ipv6RaConfigs = Map.copyOf(ipv6RaConfigs);
    java.util.Objects.requireNonNull(nat, "nat");
  }

  /** A port of a router without NAT rules or gateway ports. */
  public RouterPortInput(UUID uuid, String name, PortAddresses addresses, boolean enabled,
      Optional<String> peer, Map<String, String> options, Map<String, String> ipv6RaConfigs) {
    this(uuid, name, addresses, enabled, peer, options, ipv6RaConfigs, RouterPortNat.NONE);
  }

  /** This port with {@code nat} as its router's NAT view: itself if that is the same. */
  public RouterPortInput withNat(RouterPortNat nat) {
    return nat.equals(this.nat) ? this
        : new RouterPortInput(uuid, name, addresses, enabled, peer, options, ipv6RaConfigs, nat);
  }

  /** A port that sends no router advertisements. */
  public RouterPortInput(UUID uuid, String name, PortAddresses addresses, boolean enabled,
      Optional<String> peer, Map<String, String> options) {
    this(uuid, name, addresses, enabled, peer, options, Map.of());
  }

  /** A port without options. */
  public RouterPortInput(UUID uuid, String name, PortAddresses addresses, boolean enabled,
      Optional<String> peer) {
    this(uuid, name, addresses, enabled, peer, Map.of());
  }
}
