package org.jovn.northd.pipeline;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.RouterLbAddresses;

/**
 * One router's input with each port's networks worked out once, shared by the stage builders.
 * Immutable.
 */
final class RouterContext {
  /** Orders rows as OVSDB orders a set of UUIDs: by the 128 bits, unsigned. */
  static final Comparator<UUID> UUID_ORDER = (a, b) -> {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(),
        b.getLeastSignificantBits());
  };

  private final RouterInput input;
  private final Map<String, RouterPort> ports = new LinkedHashMap<>();
  private final List<RouterAttachment> byUuid;
  private final List<RouterPort> gatewayPorts;
  private final NatRules nat;
  private final RouterLbAddresses lbAddresses;

  RouterContext(RouterInput input) {
    this.input = input;
    for (RouterAttachment a : input.ports()) {
      ports.put(a.port().name(), RouterPort.of(a));
    }
    byUuid = input.ports().stream()
        .sorted(Comparator.comparing((RouterAttachment a) -> a.port().uuid(), UUID_ORDER))
        .toList();
    gatewayPorts = input.nat().gatewayPorts().stream().map(ports::get)
        .filter(java.util.Objects::nonNull).toList();
    nat = new NatRules(this);
    lbAddresses = RouterLbAddresses.of(input);
  }

  RouterInput input() {
    return input;
  }

  /** The attachments in the input's order (by port name). */
  List<RouterAttachment> attachments() {
    return input.ports();
  }

  /** The attachments in the order of the router's {@code ports} column (by row UUID). */
  List<RouterAttachment> attachmentsByUuid() {
    return byUuid;
  }

  /** The networks of one of this router's ports. */
  RouterPort port(RouterAttachment a) {
    return ports.get(a.port().name());
  }

  /** This router's port of that name, if any. */
  Optional<RouterPort> port(String name) {
    return Optional.ofNullable(ports.get(name));
  }

  /**
   * A boolean router option as OVN reads one: when the default is true, only "false" (in any
   * case) is false; when it is false, only "true" is true.
   */
  boolean option(String key, boolean dflt) {
    String v = input.options().get(key);
    if (v == null) {
      return dflt;
    }
    return dflt ? !v.equalsIgnoreCase("false") : v.equalsIgnoreCase("true");
  }

  /** Whether this is a gateway router: bound to one chassis by {@code options:chassis}. */
  boolean gatewayRouter() {
    return input.nat().gatewayRouter();
  }

  /** The distributed gateway ports, in the order of the router's {@code ports} column. */
  List<RouterPort> gatewayPorts() {
    return gatewayPorts;
  }

  /** Whether the router has a distributed gateway port. */
  boolean hasGatewayPorts() {
    return !gatewayPorts.isEmpty();
  }

  /** Whether the router does NAT: a gateway router or one with a distributed gateway port. */
  boolean natCapable() {
    return gatewayRouter() || hasGatewayPorts();
  }

  /** Whether {@code p} is a distributed gateway port. */
  boolean isGatewayPort(RouterPort p) {
    return gatewayPorts.contains(p);
  }

  /** The chassis-redirect port of a distributed gateway port as flows quote it. */
  static String redirectKey(RouterPort p) {
    return RouterPort.jsonString(org.jovn.northd.model.RouterNat.redirectPort(p.name()));
  }

  /** Whether the switch {@code p} is attached to has a localnet port. */
  boolean onLocalnetSwitch(RouterPort p) {
    return input.nat().localnetPorts().contains(p.name());
  }

  /** The router's NAT rules, worked out. */
  NatRules nat() {
    return nat;
  }

  /** The VIP addresses of the router's load balancers. */
  RouterLbAddresses lbAddresses() {
    return lbAddresses;
  }
}
