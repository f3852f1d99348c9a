package org.jovn.northd.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jovn.northd.model.LoadBalancerInput.NeighborResponder;
import org.jovn.northd.model.LoadBalancerInput.Vip;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.PortAddresses;

/**
 * The VIP addresses of one logical router's load balancers, as ovn-northd 23.03 gathers them
 * ({@code od->lb_ips}): every usable VIP's address, and those the router answers ARP and
 * neighbor solicitations for ({@code neighbor_responder}: by default the VIPs on one of the
 * router's networks). The answered ones go into the Southbound address sets
 * {@code _rtr_lb_KEY_ip4} and {@code _rtr_lb_KEY_ip6}, KEY being the router's datapath tunnel
 * key. A value.
 *
 * @param ipv4 the IPv4 VIP addresses, each once, in the order the load balancers list them
 * @param ipv6 the IPv6 VIP addresses, likewise
 * @param reachableIpv4 the IPv4 VIP addresses the router answers ARP for, sorted
 * @param reachableIpv6 the IPv6 VIP addresses the router answers neighbor solicitations for
 * @param hasVips whether some load balancer of the router has a {@code vips} entry (usable or
 *     not): this alone adds the router's conntrack flows for load balanced traffic
 * @param routableIpv4 the IPv4 VIP addresses of load balancers with {@code add_route}, each
 *     once
 * @param routableIpv6 whether a load balancer with {@code add_route} has an IPv6 VIP
 */
public record RouterLbAddresses(List<String> ipv4, List<String> ipv6, Set<String> reachableIpv4,
    Set<String> reachableIpv6, boolean hasVips, List<String> routableIpv4,
    boolean routableIpv6) {
  /** A router without load balancers. */
  public static final RouterLbAddresses NONE = new RouterLbAddresses(List.of(), List.of(),
      Set.of(), Set.of(), false, List.of(), false);

  public RouterLbAddresses {
    ipv4 = List.copyOf(ipv4);
    routableIpv4 = List.copyOf(routableIpv4);
    ipv6 = List.copyOf(ipv6);
    reachableIpv4 = java.util.Collections.unmodifiableSet(new TreeSet<>(reachableIpv4));
    reachableIpv6 = java.util.Collections.unmodifiableSet(new TreeSet<>(reachableIpv6));
  }

  /** The VIP addresses of router {@code lr}. */
  public static RouterLbAddresses of(RouterInput lr) {
    if (lr.loadBalancers().isEmpty()) {
      return NONE;
    }
    List<PortAddresses> networks = new ArrayList<>();
    lr.ports().forEach(a -> networks.add(a.port().addresses()));
    return of(lr.loadBalancers(), networks);
  }

  /**
   * The VIP addresses of load balancers {@code lbs} on a router whose ports have
   * {@code networks}.
   */
  static RouterLbAddresses of(List<LoadBalancerInput> lbs, List<PortAddresses> networks) {
    Set<String> v4 = new LinkedHashSet<>();
    Set<String> v6 = new LinkedHashSet<>();
    Set<String> reach4 = new TreeSet<>();
    Set<String> reach6 = new TreeSet<>();
    Set<String> routable = new LinkedHashSet<>();
    boolean routable6 = false;
    boolean hasVips = false;
    for (LoadBalancerInput lb : lbs) {
      hasVips |= lb.hasVips();
      for (Vip vip : lb.vips()) {
        (vip.ipv6() ? v6 : v4).add(vip.address());
        if (lb.addRoute() && !vip.ipv6()) {
          routable.add(vip.address());
        }
        routable6 |= lb.addRoute() && vip.ipv6();
        if (lb.neighborResponder() == NeighborResponder.ALL
            || lb.neighborResponder() == NeighborResponder.REACHABLE
            && networks.stream().anyMatch(n -> reachable(n, vip.address()))) {
          (vip.ipv6() ? reach6 : reach4).add(vip.address());
        }
      }
    }
    return new RouterLbAddresses(new ArrayList<>(v4), new ArrayList<>(v6), reach4, reach6,
        hasVips, new ArrayList<>(routable), routable6);
  }

  /** Whether {@code ip} (as OVN prints it) is a VIP address of the router. */
  public boolean contains(String ip) {
    return ipv4.contains(ip) || ipv6.contains(ip);
  }

  /**
   * Whether one of the networks of a router port with {@code addresses} holds {@code ip}
   * (OVN's {@code lrouter_port_ipv4_reachable} and {@code lrouter_port_ipv6_reachable}); the
   * port's link-local network counts.
   */
  public static boolean reachable(PortAddresses addresses, String ip) {
    if (ip.indexOf(':') < 0) {
      return Ipv4Address.tryParse(ip)
          .map(a -> addresses.ipv4().stream().anyMatch(p -> p.contains(a))).orElse(false);
    }
    return Ipv6Address.tryParse(ip)
        .map(a -> addresses.ipv6().stream().anyMatch(p -> p.contains(a))
            || new Ipv6Prefix(addresses.mac().linkLocal(), 64).contains(a))
        .orElse(false);
  }

  /**
   * The name of the Southbound address set of a router's answered VIPs of one family.
   *
   * @param tunnelKey the router's datapath tunnel key, in decimal (or a stand-in for it)
   */
  public static String addressSetName(String tunnelKey, boolean v6) {
    return "_rtr_lb_" + tunnelKey + (v6 ? "_ip6" : "_ip4");
  }
}
