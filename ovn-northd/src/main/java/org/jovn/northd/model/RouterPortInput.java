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
 */
public record RouterPortInput(UUID uuid, String name, PortAddresses addresses, boolean enabled,
    Optional<String> peer, Map<String, String> options) {
  public RouterPortInput {
    options = Map.copyOf(options);
  }

  /** A port without options. */
  public RouterPortInput(UUID uuid, String name, PortAddresses addresses, boolean enabled,
      Optional<String> peer) {
    this(uuid, name, addresses, enabled, peer, Map.of());
  }
}
