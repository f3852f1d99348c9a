package org.jovn.northd.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.MacAddress;
import org.jovn.northd.net.PortAddresses;

/**
 * What a router port tells the switch it is attached to about its router's NAT rules, gateway
 * ports and load balancers: the switch forwards ARP requests and neighbor solicitations for the
 * NAT external addresses and the VIPs on the port's networks to the router port, floods those
 * the router sends from a NAT external MAC, and on a switch with a localnet port delivers frames
 * for a distributed gateway port's MAC (or a distributed floating IP's MAC) only on the chassis
 * where it is resident. A value.
 *
 * @param residentPort the port whose residence gates delivery of the router port's MAC on a
 *     switch with a localnet port: the port's own {@code cr-PORT} if it is a distributed gateway
 *     port, the router's only gateway port's if it has {@code reside-on-redirect-chassis}
 * @param gatewayPort whether the router port is a distributed gateway port
 * @param addresses the external addresses of the router's {@code dnat} and
 *     {@code dnat_and_snat} rules, as written, in rule order
 * @param externalMacs the {@code external_mac}s of those rules that have one, as written
 * @param distributed for a distributed gateway port, the router's distributed floating IPs:
 *     their external MAC and the logical port they live with
 * @param lbVips the addresses of the router's load balancer VIPs on one of the port's networks
 * @param routables for a distributed gateway port, the IPv4 addresses the other routers on its
 *     switch route to it ({@code add_route} of NAT rules and load balancers), with the MAC
 *     they resolve to
 */
public record RouterPortNat(Optional<String> residentPort, boolean gatewayPort,
    List<NatAddress> addresses, List<String> externalMacs, List<DistributedNat> distributed,
    List<NatAddress> lbVips, List<Routable> routables) {
  /** A port of a router without NAT rules, gateway ports or load balancers. */
  public static final RouterPortNat NONE = new RouterPortNat(Optional.empty(), false, List.of(),
      List.of(), List.of(), List.of(), List.of());

  public RouterPortNat {
    Objects.requireNonNull(residentPort, "residentPort");
    addresses = List.copyOf(addresses);
    externalMacs = List.copyOf(externalMacs);
    distributed = List.copyOf(distributed);
    lbVips = List.copyOf(lbVips);
    routables = List.copyOf(routables);
  }

  /** A NAT external address as the switch matches it. */
  public record NatAddress(String ip, boolean v6) {}

  /** A distributed floating IP's MAC and the logical port whose chassis answers for it. */
  public record DistributedNat(MacAddress mac, String logicalPort) {}

  /**
   * Addresses a distributed gateway port asks other routers to route to it, as OVN groups
   * them: one group per distributed floating IP (its external MAC), one for the rest (the
   * port's MAC).
   *
   * @param mac the MAC they resolve to
   * @param natIps the NAT external addresses, in rule order
   * @param vips the load balancer VIPs, in the order the load balancers list them
   */
  public record Routable(MacAddress mac, List<String> natIps, List<String> vips) {
    public Routable {
      Objects.requireNonNull(mac, "mac");
      natIps = List.copyOf(natIps);
      vips = List.copyOf(vips);
    }
  }

  /**
   * The view of port {@code name} (with {@code options} and {@code networks}, null if they do
   * not parse) of a router with load balancer VIPs {@code lbs}.
   */
  static RouterPortNat of(String name, Map<String, String> options, PortAddresses networks,
      List<String> gatewayPorts, List<RouterNat.Rule> rules, RouterLbAddresses lbs) {
    boolean gateway = gatewayPorts.contains(name);
    Optional<String> resident = Optional.empty();
    if (gateway) {
      resident = Optional.of(RouterNat.redirectPort(name));
    } else if (gatewayPorts.size() == 1
        && "true".equalsIgnoreCase(options.get("reside-on-redirect-chassis"))) {
      resident = Optional.of(RouterNat.redirectPort(gatewayPorts.get(0)));
    }
    List<NatAddress> addresses = new ArrayList<>();
    List<String> macs = new ArrayList<>();
    List<DistributedNat> distributed = new ArrayList<>();
    for (RouterNat.Rule r : rules) {
      // A DNAT address that is also a VIP is the VIP's.
      if (r.externalAddress().isPresent() && !r.isSnat() && !lbs.contains(r.externalIp())) {
        addresses.add(new NatAddress(r.externalIp(), r.externalV6()));
        r.externalMac().ifPresent(macs::add);
      }
      if (gateway && r.distributedCandidate()) {
        MacAddress.tryParse(r.externalMac().get())
            .ifPresent(m -> distributed.add(new DistributedNat(m, r.logicalPort().get())));
      }
    }
    List<NatAddress> vips = new ArrayList<>();
    if (networks != null) {
      lbs.ipv4().stream().filter(ip -> RouterLbAddresses.reachable(networks, ip))
          .forEach(ip -> vips.add(new NatAddress(ip, false)));
      lbs.ipv6().stream().filter(ip -> RouterLbAddresses.reachable(networks, ip))
          .forEach(ip -> vips.add(new NatAddress(ip, true)));
    }
    List<Routable> routables = gateway && networks != null
        ? routables(name, networks, gatewayPorts, rules, lbs) : List.of();
    return new RouterPortNat(resident, gateway, addresses, macs, distributed, vips, routables);
  }

  /**
   * The IPv4 addresses a distributed gateway port asks the other routers on its switch to route
   * to it: the external addresses of its {@code dnat} and {@code dnat_and_snat} rules with
   * {@code add_route} (a centralized one only if it is not the port's own), and the VIPs of
   * load balancers with {@code add_route}.
   */
  private static List<Routable> routables(String name, PortAddresses networks,
      List<String> gatewayPorts, List<RouterNat.Rule> rules, RouterLbAddresses lbs) {
    List<Routable> out = new ArrayList<>();
    List<String> central = new ArrayList<>();
    for (RouterNat.Rule r : rules) {
      Optional<Ipv4Prefix> ip = Ipv4Prefix.tryParse(r.externalIp()).filter(p -> p.length() == 32);
      if (r.isSnat() || !r.addRoute() || ip.isEmpty()
          || !onGatewayPort(name, networks, gatewayPorts, r, ip.get())) {
        continue;
      }
      String addr = ip.get().address().toString();
      if (r.distributedCandidate()) {
        MacAddress.tryParse(r.externalMac().get())
            .ifPresent(m -> out.add(new Routable(m, List.of(addr), List.of())));
      } else if (networks.ipv4().stream().noneMatch(n -> n.address().toString()
          .equals(r.externalIp()))) {
        central.add(addr);
      }
    }
    // IPv6 VIPs are not routed, but they alone make OVN announce the group.
    if (!central.isEmpty() || !lbs.routableIpv4().isEmpty() || lbs.routableIpv6()) {
      out.add(new Routable(networks.mac(), central, lbs.routableIpv4()));
    }
    return out;
  }

  /** OVN's {@code is_nat_gateway_port}: with several gateway ports, the rule's own. */
  private static boolean onGatewayPort(String name, PortAddresses networks,
      List<String> gatewayPorts, RouterNat.Rule r, Ipv4Prefix ip) {
    if (gatewayPorts.size() <= 1) {
      return true;
    }
    if (r.gatewayPort().isPresent()) {
      return r.gatewayPort().get().equals(name);
    }
    return networks.ipv4().stream().anyMatch(n -> n.contains(ip.address()));
  }
}
