package org.jovn.northd.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.PortAddresses;
import org.jovn.ovn.nb.AddressSet;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.Nat;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * One logical router's NAT rules and gateway configuration, as its flows see them: whether it is
 * a gateway router (bound to one chassis by {@code options:chassis}), which of its ports are
 * distributed gateway ports (a {@code gateway_chassis} or {@code ha_chassis_group} set; each
 * has a {@code cr-PORT} chassis-redirect instance on the active gateway chassis), its
 * {@code NAT} rows, and which of its ports lead to a switch with a localnet port. A value: equal
 * inputs give equal flows.
 *
 * @param chassis {@code options:chassis}: the chassis a gateway router lives on; empty for a
 *     distributed router
 * @param rules the {@code nat} rows, in the order of the router's column (by row UUID)
 * @param gatewayPorts the names of the distributed gateway ports, in the order of the router's
 *     {@code ports} column (by row UUID); a port qualifies only if it has a valid MAC and at
 *     least one network, and a gateway router has none
 * @param localnetPorts the names of the ports whose attached switch has a localnet port
 */
public record RouterNat(Optional<String> chassis, List<Rule> rules, List<String> gatewayPorts,
    Set<String> localnetPorts) {
  /** No NAT and no gateway. */
  public static final RouterNat NONE = new RouterNat(Optional.empty(), List.of(), List.of(),
      Set.of());

  /** Orders rows as OVSDB orders a set of UUIDs: by the 128 bits, unsigned. */
  static final Comparator<UUID> UUID_ORDER = (a, b) -> {
    int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
    return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(),
        b.getLeastSignificantBits());
  };

  public RouterNat {
    Objects.requireNonNull(chassis, "chassis");
    rules = List.copyOf(rules);
    gatewayPorts = List.copyOf(gatewayPorts);
    localnetPorts = Set.copyOf(localnetPorts);
  }

  /** Whether the router is a gateway router ({@code options:chassis}). */
  public boolean gatewayRouter() {
    return chassis.isPresent();
  }

  /** The name of the chassis-redirect port of a distributed gateway port. */
  public static String redirectPort(String gatewayPort) {
    return "cr-" + gatewayPort;
  }

  /**
   * One {@code NAT} row.
   *
   * @param uuid the row
   * @param type {@code type}: {@code snat}, {@code dnat} or {@code dnat_and_snat}
   * @param externalIp {@code external_ip}, as written
   * @param logicalIp {@code logical_ip}, as written
   * @param logicalPort {@code logical_port}: the VIF a distributed floating IP lives with
   * @param externalMac {@code external_mac}, as written
   * @param externalPortRange {@code external_port_range}, "" if none
   * @param gatewayPort the name of the {@code gateway_port}, if set
   * @param allowedExtIps the name of the {@code allowed_ext_ips} address set, if set
   * @param exemptedExtIps the name of the {@code exempted_ext_ips} address set, if set
   * @param stateless {@code options:stateless} of a {@code dnat_and_snat} rule
   * @param virtualLogicalPort whether {@code logical_port} names a {@code virtual} switch port
   * @param addRoute {@code options:add_route}
   */
  public record Rule(UUID uuid, String type, String externalIp, String logicalIp,
      Optional<String> logicalPort, Optional<String> externalMac, String externalPortRange,
      Optional<String> gatewayPort, Optional<String> allowedExtIps,
      Optional<String> exemptedExtIps, boolean stateless, boolean virtualLogicalPort,
      boolean addRoute) {
    public Rule {
      Objects.requireNonNull(uuid, "uuid");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(externalIp, "externalIp");
      Objects.requireNonNull(logicalIp, "logicalIp");
      Objects.requireNonNull(logicalPort, "logicalPort");
      Objects.requireNonNull(externalMac, "externalMac");
      Objects.requireNonNull(externalPortRange, "externalPortRange");
      Objects.requireNonNull(gatewayPort, "gatewayPort");
      Objects.requireNonNull(allowedExtIps, "allowedExtIps");
      Objects.requireNonNull(exemptedExtIps, "exemptedExtIps");
    }

    /** A {@code snat} rule. */
    public boolean isSnat() {
      return type.equals("snat");
    }

    /** A {@code dnat_and_snat} rule. */
    public boolean isDnatAndSnat() {
      return type.equals("dnat_and_snat");
    }

    /** A {@code dnat} or {@code dnat_and_snat} rule: it translates destinations. */
    public boolean translatesDestination() {
      return type.equals("dnat") || isDnatAndSnat();
    }

    /** A {@code snat} or {@code dnat_and_snat} rule: it translates sources. */
    public boolean translatesSource() {
      return isSnat() || isDnatAndSnat();
    }

    /**
     * The external address if {@code external_ip} is exactly one IPv4 or IPv6 address (a prefix
     * length is allowed and dropped), printed as OVN normalizes it; empty otherwise. Rules
     * without one are left out of ARP/ND answers and switch forwarding.
     */
    public Optional<String> externalAddress() {
      String[] words = externalIp.trim().split("\\s+");
      if (words.length != 1 || words[0].isEmpty()) {
        return Optional.empty();
      }
      Optional<Ipv4Prefix> v4 = Ipv4Prefix.tryParse(words[0]);
      if (v4.isPresent()) {
        return Optional.of(v4.get().address().toString());
      }
      return Ipv6Prefix.tryParse(words[0]).map(p -> p.address().toString());
    }

    /** Whether the external address is an IPv6 one (meaningful with an external address). */
    public boolean externalV6() {
      return externalAddress().map(a -> a.indexOf(':') >= 0).orElse(false);
    }

    /** A distributed floating IP: {@code dnat_and_snat} with logical port and external MAC. */
    public boolean distributedCandidate() {
      return isDnatAndSnat() && logicalPort.isPresent() && externalMac.isPresent();
    }
  }

  /**
   * Reads the NAT rules and gateway configuration of a router.
   *
   * @param onLocalnetSwitch tells, for a router port's name, whether the switch it is attached
   *     to has a localnet port
   */
  static RouterNat read(ReplicaSnapshot nb, LogicalRouter lr, Predicate<String> onLocalnetSwitch) {
    Optional<String> chassis = Optional.ofNullable(lr.options().get("chassis"));
    List<String> gateways = gatewayPorts(nb, lr, chassis.isPresent());
    List<Rule> rules = rules(nb, lr);
    Set<String> localnet = new TreeSet<>();
    for (var ref : lr.ports()) {
      LogicalRouterPort.get(nb, ref).map(LogicalRouterPort::name).filter(onLocalnetSwitch)
          .ifPresent(localnet::add);
    }
    if (chassis.isEmpty() && gateways.isEmpty() && rules.isEmpty() && localnet.isEmpty()) {
      return NONE;
    }
    return new RouterNat(chassis, rules, gateways, localnet);
  }

  /** The router's NAT rows as rules, in the order of its {@code nat} column. */
  private static List<Rule> rules(ReplicaSnapshot nb, LogicalRouter lr) {
    List<Rule> rules = new ArrayList<>();
    lr.nat().stream().sorted(Comparator.comparing(r -> r.uuid(), UUID_ORDER))
        .forEach(ref -> Nat.get(nb, ref).ifPresent(nat -> rules.add(rule(nb, nat))));
    return rules;
  }

  private static Rule rule(ReplicaSnapshot nb, Nat nat) {
    Optional<String> gatewayPort = nat.gatewayPort()
        .flatMap(r -> LogicalRouterPort.get(nb, r)).map(LogicalRouterPort::name);
    Optional<String> allowed = nat.allowedExtIps().flatMap(r -> AddressSet.get(nb, r))
        .map(AddressSet::name);
    Optional<String> exempted = nat.exemptedExtIps().flatMap(r -> AddressSet.get(nb, r))
        .map(AddressSet::name);
    boolean virtual = nat.logicalPort().flatMap(p -> LogicalSwitchPort.byName(nb, p))
        .map(p -> p.type().equals("virtual")).orElse(false);
    boolean stateless = nat.type().equals("dnat_and_snat")
        && "true".equalsIgnoreCase(nat.options().get("stateless"));
    return new Rule(nat.uuid().uuid(), nat.type(), nat.externalIp(), nat.logicalIp(),
        nat.logicalPort(), nat.externalMac(), nat.externalPortRange(), gatewayPort, allowed,
        exempted, stateless, virtual, "true".equalsIgnoreCase(nat.options().get("add_route")));
  }

  /**
   * The distributed gateway ports of a router, in the order of its {@code ports} column: ports
   * with a gateway chassis or HA chassis group and usable networks. A gateway router has none
   * (OVN rejects the combination).
   */
  private static List<String> gatewayPorts(ReplicaSnapshot nb, LogicalRouter lr,
      boolean gatewayRouter) {
    if (gatewayRouter) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    lr.ports().stream().sorted(Comparator.comparing(r -> r.uuid(), UUID_ORDER))
        .forEach(ref -> LogicalRouterPort.get(nb, ref).ifPresent(lrp -> {
          if ((!lrp.gatewayChassis().isEmpty() || lrp.haChassisGroup().isPresent())
              && usable(lrp)) {
            out.add(lrp.name());
          }
        }));
    return out;
  }

  /** Whether OVN gives a router port a datapath port: a valid MAC and some network. */
  private static boolean usable(LogicalRouterPort lrp) {
    try {
      return !PortAddresses.ofRouterPort(lrp.mac(), lrp.networks()).hasNoIp();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * What each router port tells the switch it is attached to about its router's NAT, gateways
   * and load balancers, by router port name.
   *
   * @param loadBalancers the load balancers of a router
   */
  static Map<String, RouterPortNat> portViews(ReplicaSnapshot nb,
      Function<LogicalRouter, List<LoadBalancerInput>> loadBalancers) {
    Map<String, RouterPortNat> out = new HashMap<>();
    LogicalRouter.all(nb).forEach(lr -> {
      boolean gatewayRouter = lr.options().containsKey("chassis");
      List<String> gateways = gatewayPorts(nb, lr, gatewayRouter);
      List<Rule> rules = lr.nat().isEmpty() ? List.of() : rules(nb, lr);
      List<LoadBalancerInput> lbs = loadBalancers.apply(lr);
      if (gateways.isEmpty() && rules.isEmpty() && lbs.isEmpty()) {
        return;
      }
      List<LogicalRouterPort> lrps = new ArrayList<>();
      List<PortAddresses> networks = new ArrayList<>();
      for (var ref : lr.ports()) {
        LogicalRouterPort.get(nb, ref).ifPresent(lrp -> {
          lrps.add(lrp);
          networks.add(networks(lrp));
        });
      }
      networks.removeIf(Objects::isNull);
      RouterLbAddresses vips = RouterLbAddresses.of(lbs, networks);
      for (LogicalRouterPort lrp : lrps) {
        RouterPortNat view = RouterPortNat.of(lrp.name(), lrp.options(), networks(lrp),
            gateways, rules, vips);
        if (!view.equals(RouterPortNat.NONE)) {
          out.put(lrp.name(), view);
        }
      }
    });
    return out;
  }

  /** A router port's MAC and networks, or null if they do not parse. */
  private static PortAddresses networks(LogicalRouterPort lrp) {
    try {
      return PortAddresses.ofRouterPort(lrp.mac(), lrp.networks());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
