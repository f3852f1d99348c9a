package org.jovn.northd.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.SwitchAcls;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.MacAddress;
import org.jovn.northd.net.PortAddresses;

/**
 * What the flows of one logical switch depend on beyond its input, worked out once: which ports
 * lead to routers, which are localnet ports, whether any port takes unknown destinations. An
 * immutable value over an immutable input, so safe to share between threads.
 */
final class SwitchView {
  private final SwitchInput input;
  private final List<SwitchPortInput> routerPorts;
  private final List<SwitchPortInput> localnetPorts;
  private final boolean hasUnknown;

  SwitchView(SwitchInput input) {
    this.input = input;
    this.routerPorts = input.ports().stream()
        .filter(p -> p.isRouter() && p.routerPeer().isPresent()).toList();
    this.localnetPorts = input.ports().stream().filter(SwitchView::isLocalnet).toList();
    this.hasUnknown = input.ports().stream()
        .anyMatch(p -> p.enabled() && p.unknown() && !isExternal(p));
  }

  /** The switch's ports, ordered by name. */
  List<SwitchPortInput> ports() {
    return input.ports();
  }

  /** The {@code router} ports whose {@code options:router-port} names an existing router port. */
  List<SwitchPortInput> routerPorts() {
    return routerPorts;
  }

  /** The {@code localnet} ports. */
  List<SwitchPortInput> localnetPorts() {
    return localnetPorts;
  }

  /** Whether an enabled port has "unknown" among its addresses. */
  boolean hasUnknown() {
    return hasUnknown;
  }

  /** Whether a load balancer of the switch has a VIP (traffic then goes through conntrack). */
  boolean hasLbVip() {
    return input.hasLbVip();
  }

  /** The ACLs that apply to the switch. */
  SwitchAcls acls() {
    return input.acls();
  }

  /** Whether {@code other_config:vlan-passthru} lets VLAN-tagged packets through. */
  boolean vlanPassthru() {
    return option(input.otherConfig(), "vlan-passthru", false);
  }

  /** Whether every port of the switch is a port to a router (nothing to flood ARP to). */
  boolean onlyRouterPorts() {
    return routerPorts.size() == input.ports().size();
  }

  static boolean isLocalnet(SwitchPortInput p) {
    return p.type().equals("localnet");
  }

  static boolean isExternal(SwitchPortInput p) {
    return p.type().equals("external");
  }

  /**
   * The port's addresses as the responder and lookup stages use them. A {@code router} port's
   * entry that is its peer's MAC and networks also gets the peer's IPv6 link-local address,
   * which a router port always has.
   */
  static List<PortAddresses> addresses(SwitchPortInput p) {
    Optional<RouterPortInput> peer = p.isRouter() ? p.routerPeer() : Optional.empty();
    if (peer.isEmpty()) {
      return p.addresses();
    }
    List<PortAddresses> out = new ArrayList<>(p.addresses().size());
    for (PortAddresses a : p.addresses()) {
      out.add(a.equals(peer.get().addresses()) ? routerNetworks(peer.get()) : a);
    }
    return out;
  }

  /** A router port's MAC and networks, followed by its IPv6 link-local address (fe80::/64). */
  static PortAddresses routerNetworks(RouterPortInput rp) {
    PortAddresses a = rp.addresses();
    MacAddress mac = a.mac();
    Ipv6Prefix lla = new Ipv6Prefix(mac.linkLocal(), 64);
    if (!a.ipv6().isEmpty() && a.ipv6().get(a.ipv6().size() - 1).equals(lla)) {
      return a;
    }
    List<Ipv6Prefix> v6 = new ArrayList<>(a.ipv6());
    v6.add(lla);
    return new PortAddresses(mac, a.ipv4(), v6);
  }

  /** A port name as flows quote it: a JSON string ({@code "vm1"}). */
  static String key(String name) {
    return org.jovn.northd.flow.FlowText.quote(name);
  }

  /**
   * A boolean option as OVN reads one: with default false only "true" (any case) is true, with
   * default true only "false" (any case) is false.
   */
  static boolean option(Map<String, String> options, String key, boolean def) {
    String v = options.getOrDefault(key, "");
    return def ? !v.equalsIgnoreCase("false") : v.equalsIgnoreCase("true");
  }
}
