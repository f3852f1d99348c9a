package org.jovn.northd.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the logical flows of one logical router depend on, read from the Northbound
 * database. A value, like {@link SwitchInput}.
 *
 * @param uuid the {@code Logical_Router} row
 * @param name its name
 * @param options its {@code options}
 * @param ports its ports with what they connect to, ordered by name
 * @param routes its static routes, in a stable order (by prefix, then nexthop)
 * @param nat its NAT rules and gateway configuration
 * @param loadBalancers the load balancers it lists directly and through its load balancer
 *     groups, each once, in the order ovn-northd adds their VIPs to the router's VIP set
 *     (those of its groups first)
 */
public record RouterInput(UUID uuid, String name, Map<String, String> options,
    List<RouterAttachment> ports, List<StaticRoute> routes, RouterNat nat,
    List<LoadBalancerInput> loadBalancers) {
  public RouterInput {
    options = Map.copyOf(options);
    ports = List.copyOf(ports);
    routes = List.copyOf(routes);
    java.util.Objects.requireNonNull(nat, "nat");
    loadBalancers = List.copyOf(loadBalancers);
  }

  /** A router without load balancers. */
  public RouterInput(UUID uuid, String name, Map<String, String> options,
      List<RouterAttachment> ports, List<StaticRoute> routes, RouterNat nat) {
    this(uuid, name, options, ports, routes, nat, List.of());
  }

  /** A router without NAT or gateway. */
  public RouterInput(UUID uuid, String name, Map<String, String> options,
      List<RouterAttachment> ports, List<StaticRoute> routes) {
    this(uuid, name, options, ports, routes, RouterNat.NONE);
  }
}
