package org.jovn.northd.sb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jovn.northd.model.LoadBalancerInput;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.RouterLbAddresses;
import org.jovn.northd.model.RouterNat;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.MacAddress;
import org.jovn.northd.net.PortAddresses;
import org.jovn.northd.pipeline.HashOrder;
import org.jovn.ovn.nb.GatewayChassis;
import org.jovn.ovn.nb.HaChassis;
import org.jovn.ovn.nb.HaChassisGroup;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * The gateway parts of the {@code Port_Binding}s, as ovn-northd 23.03 writes them:
 * <ul>
 *   <li>both ends of a link to a gateway router are {@code l3gateway} ports with
 *       {@code options:l3gateway-chassis};
 *   <li>a distributed gateway port names its chassis-redirect port in
 *       {@code options:chassis-redirect-port}, and that port, {@code cr-PORT}, is a
 *       {@code chassisredirect} binding with {@code options:distributed-port}, bound by an
 *       {@code HA_Chassis_Group} (the port's own, or one named after the port holding its
 *       {@code gateway_chassis}), with {@code always-redirect} unless the router has
 *       distributed floating IPs;
 *   <li>a switch port to a router lists in {@code nat_addresses} what ovn-controller announces
 *       with gratuitous ARPs: the router port's addresses and NAT external addresses.
 * </ul>
 * Stateless.
 */
final class GatewayBindings {
  private GatewayBindings() {}

  /** The router that owns each router port, by port name. */
  static Map<String, RouterInput> owners(NorthboundInputs in) {
    Map<String, RouterInput> out = new HashMap<>();
    for (RouterInput lr : in.routers().values()) {
      for (RouterAttachment a : lr.ports()) {
        out.putIfAbsent(a.port().name(), lr);
      }
    }
    return out;
  }

  /** A switch port's binding with what its peer router's gateway configuration adds. */
  static PortSpec switchPort(PortSpec spec, SwitchInput sw, SwitchPortInput p,
      Map<String, RouterInput> owners) {
    if (!p.isRouter()) {
      return spec;
    }
    Optional<RouterPortInput> peer = p.routerPeer();
    RouterInput lr = peer.map(rp -> owners.get(rp.name())).orElse(null);
    if (lr == null) {
      return spec;
    }
    RouterNat nat = lr.nat();
    Optional<String> chassis = nat.chassis();
    Map<String, String> options = new HashMap<>(spec.options());
    chassis.ifPresent(c -> options.put("l3gateway-chassis", c));
    List<String> addresses = new ArrayList<>();
    RouterPortInput rp = peer.get();
    boolean gateways = !nat.gatewayPorts().isEmpty();
    String natOption = p.options().get("nat-addresses");
    if ("router".equals(natOption)) {
      if (chassis.isPresent() || gateways) {
        addresses.addAll(natAddresses(lr, rp,
            !"true".equalsIgnoreCase(p.options().get("exclude-lb-vips-from-garp"))));
      }
    } else if (natOption != null && (chassis.isPresent() || gateways)) {
      if (PortAddresses.parse(natOption).isPresent()) {
        addresses.add(natOption + (gateways ? " " + resident(redirectOf(nat, rp)) : ""));
      }
    }
    boolean localnet = sw.ports().stream().anyMatch(q -> q.type().equals("localnet"));
    garp(nat, rp, chassis.isPresent() && localnet).ifPresent(addresses::add);
    return spec.withGateway(chassis.isPresent() ? "l3gateway" : spec.type(), options,
        Set.copyOf(addresses));
  }

  /**
   * The router port's own addresses for gratuitous ARPs: announced from the gateway chassis
   * of a distributed gateway port (or of a port that resides on it), or by a gateway router on
   * a switch with a localnet port.
   */
  private static Optional<String> garp(RouterNat nat, RouterPortInput rp,
      boolean gatewayRouterOnLocalnet) {
    boolean add;
    if (!nat.gatewayPorts().isEmpty()) {
      add = nat.gatewayPorts().contains(rp.name())
          || ("true".equalsIgnoreCase(rp.options().get("reside-on-redirect-chassis"))
              && nat.gatewayPorts().size() == 1);
    } else {
      add = gatewayRouterOnLocalnet;
    }
    if (!add) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder(rp.addresses().mac().toString());
    rp.addresses().ipv4().forEach(n -> b.append(' ').append(n.address()));
    if (!nat.gatewayPorts().isEmpty()) {
      b.append(' ').append(resident(redirectOf(nat, rp)));
    }
    return Optional.of(b.toString());
  }

  /** The chassis-redirect port that stands for {@code rp}'s router on the gateway chassis. */
  private static String redirectOf(RouterNat nat, RouterPortInput rp) {
    return RouterNat.redirectPort(nat.gatewayPorts().contains(rp.name()) ? rp.name()
        : nat.gatewayPorts().get(0));
  }

  private static String resident(String port) {
    return "is_chassis_resident(" + org.jovn.northd.flow.FlowText.quote(port) + ")";
  }

  /**
   * The NAT external IPv4 addresses of router port {@code rp}: one entry per distributed
   * floating IP (its MAC, address and logical port), and one with the port's MAC and every
   * centralized address that is not one of the port's own, followed by the router's load
   * balancer VIPs (in the order of OVN's string set) if {@code withVips}.
   */
  private static List<String> natAddresses(RouterInput lr, RouterPortInput rp,
      boolean withVips) {
    RouterNat nat = lr.nat();
    RouterLbAddresses vips = RouterLbAddresses.of(lr);
    List<String> out = new ArrayList<>();
    if (nat.rules().isEmpty() && !vips.hasVips()) {
      return out;
    }
    StringBuilder central = new StringBuilder(rp.addresses().mac().toString());
    boolean any = false;
    for (RouterNat.Rule r : nat.rules()) {
      Optional<Ipv4Prefix> ip = Ipv4Prefix.tryParse(r.externalIp());
      if (ip.isEmpty() || ip.get().length() != 32 || !onGatewayPort(nat, r, rp)) {
        continue;
      }
      if (!nat.gatewayPorts().isEmpty() && r.distributedCandidate()) {
        MacAddress.tryParse(r.externalMac().get()).ifPresent(mac -> out.add(mac + " "
            + r.externalIp() + " " + resident(r.logicalPort().get())));
      } else if (rp.addresses().ipv4().stream()
          .noneMatch(n -> n.address().toString().equals(r.externalIp()))
          && rp.addresses().ipv6().stream()
          .noneMatch(n -> n.address().toString().equals(r.externalIp()))) {
        central.append(' ').append(r.externalIp());
        any = true;
      }
    }
    if (withVips) {
      List<String> ips = new ArrayList<>(vipSetOrder(lr, false));
      ips.addAll(vipSetOrder(lr, true));
      ips.forEach(ip -> central.append(' ').append(ip));
      any |= !ips.isEmpty();
    }
    if (any) {
      if (nat.gatewayPorts().contains(rp.name())) {
        central.append(' ').append(resident(RouterNat.redirectPort(rp.name())));
      }
      out.add(central.toString());
    }
    return out;
  }

  /**
   * The router's VIP addresses of one family in the order OVN's string set of them iterates:
   * each load balancer's VIPs are added in the order of its own set of them, which was filled
   * in the order of its {@code vips} map.
   */
  private static List<String> vipSetOrder(RouterInput lr, boolean v6) {
    List<String> added = new ArrayList<>();
    for (LoadBalancerInput lb : lr.loadBalancers()) {
      Map<String, LoadBalancerInput.Vip> byKey = new HashMap<>();
      lb.vips().forEach(v -> byKey.put(v.key(), v));
      List<String> own = new ArrayList<>();
      HashOrder.ofStringSet(lb.vips().stream().map(LoadBalancerInput.Vip::key).toList())
          .stream().map(byKey::get).filter(v -> v.ipv6() == v6)
          .forEach(v -> own.add(v.address()));
      added.addAll(HashOrder.ofStringSet(own));
    }
    return HashOrder.ofStringSet(added);
  }

  /** OVN's {@code is_nat_gateway_port}: with several gateway ports, the rule's own. */
  private static boolean onGatewayPort(RouterNat nat, RouterNat.Rule r, RouterPortInput rp) {
    if (nat.gatewayPorts().size() <= 1) {
      return true;
    }
    if (r.gatewayPort().isPresent()) {
      return r.gatewayPort().get().equals(rp.name());
    }
    Optional<org.jovn.northd.net.Ipv4Address> a =
        org.jovn.northd.net.Ipv4Address.tryParse(r.externalIp());
    return a.isPresent() && rp.addresses().ipv4().stream().anyMatch(n -> n.contains(a.get()));
  }

  /** A router port's binding with its router's gateway configuration. */
  static PortSpec routerPort(PortSpec spec, RouterInput lr, RouterAttachment a) {
    RouterNat nat = lr.nat();
    Map<String, String> options = new HashMap<>(spec.options());
    String name = a.port().name();
    if (options.containsKey("peer") && nat.gatewayPorts().contains(name)) {
      options.put("chassis-redirect-port", RouterNat.redirectPort(name));
    }
    nat.chassis().ifPresent(c -> options.put("l3gateway-chassis", c));
    return spec.withGateway(nat.chassis().isPresent() ? "l3gateway" : spec.type(), options,
        Set.of());
  }

  /** The chassis-redirect bindings of a router's distributed gateway ports. */
  static List<PortSpec> redirectPorts(ReplicaSnapshot nb, RouterInput lr,
      Map<String, PortSpec> routerPorts) {
    RouterNat nat = lr.nat();
    List<PortSpec> out = new ArrayList<>();
    boolean distributedNat = nat.rules().stream()
        .anyMatch(r -> r.externalAddress().isPresent() && r.distributedCandidate());
    for (String name : nat.gatewayPorts()) {
      PortSpec port = routerPorts.get(name);
      LogicalRouterPort lrp = LogicalRouterPort.byName(nb, name).orElse(null);
      if (port == null || lrp == null) {
        continue;
      }
      Map<String, String> options = new LinkedHashMap<>();
      options.put("distributed-port", name);
      String redirectType = lrp.options().get("redirect-type");
      if (redirectType != null) {
        options.put("redirect-type", redirectType);
      }
      if (!distributedNat && !"bridged".equals(redirectType)) {
        options.put("always-redirect", "true");
      }
      out.add(new PortSpec(RouterNat.redirectPort(name), lr.uuid(), "chassisredirect",
          options, port.mac(), Set.of(), Optional.empty(), Optional.empty(), Set.of(),
          haGroup(nb, lrp)));
    }
    return out;
  }

  /**
   * The HA chassis group of a gateway port: its {@code ha_chassis_group}, or else one named
   * after the port with its {@code gateway_chassis}.
   */
  private static Optional<PortSpec.HaGroup> haGroup(ReplicaSnapshot nb, LogicalRouterPort lrp) {
    if (lrp.haChassisGroup().isPresent()) {
      return lrp.haChassisGroup().flatMap(r -> HaChassisGroup.get(nb, r))
          .map(g -> group(nb, g));
    }
    Map<String, Long> members = new HashMap<>();
    for (var ref : lrp.gatewayChassis()) {
      GatewayChassis.get(nb, ref).filter(gc -> !gc.chassisName().isEmpty())
          .ifPresent(gc -> members.put(gc.chassisName(), gc.priority()));
    }
    return Optional.of(new PortSpec.HaGroup(lrp.name(), members));
  }

  private static PortSpec.HaGroup group(ReplicaSnapshot nb, HaChassisGroup g) {
    Map<String, Long> members = new HashMap<>();
    for (var ref : g.haChassis()) {
      HaChassis.get(nb, ref).ifPresent(h -> members.put(h.chassisName(), h.priority()));
    }
    return new PortSpec.HaGroup(g.name(), members);
  }

  /** An {@code external} switch port's binding with its HA chassis group, if it has one. */
  static PortSpec externalPort(PortSpec spec, ReplicaSnapshot nb, SwitchPortInput p) {
    if (!p.type().equals("external")) {
      return spec;
    }
    Optional<PortSpec.HaGroup> group = LogicalSwitchPort.byName(nb, p.name())
        .flatMap(LogicalSwitchPort::haChassisGroup).flatMap(r -> HaChassisGroup.get(nb, r))
        .map(g -> group(nb, g));
    return group.equals(spec.haChassisGroup()) ? spec
        : new PortSpec(spec.logicalPort(), spec.datapath(), spec.type(), spec.options(),
            spec.mac(), spec.portSecurity(), spec.parentPort(), spec.tag(), spec.natAddresses(),
            group);
  }
}
