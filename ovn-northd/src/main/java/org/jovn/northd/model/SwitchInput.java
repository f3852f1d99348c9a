package org.jovn.northd.model;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the logical flows of one logical switch depend on, read from the Northbound
 * database. A value: two inputs that are equal yield the same flows, which is what lets northd
 * recompute only the datapaths whose input changed.
 *
 * @param uuid the {@code Logical_Switch} row
 * @param name its name
 * @param otherConfig its {@code other_config}
 * @param ports its ports, ordered by name
 * @param acls the ACLs that apply to it
 * @param dhcpDns its ports' DHCP options and its DNS records
 * @param loadBalancers its load balancers, its own and those of its load balancer groups,
 *     ordered by UUID without duplicates, health checks resolved
 * @param monitorSources the health check source IPs of the load balancer backends on its
 *     ports, which it answers ARP or ND for ({@link ServiceMonitors}), sorted
 */
public record SwitchInput(UUID uuid, String name, Map<String, String> otherConfig,
    List<SwitchPortInput> ports, SwitchAcls acls, SwitchDhcpDns dhcpDns,
    List<LoadBalancerInput> loadBalancers, List<ServiceMonitors.Source> monitorSources) {
  public SwitchInput {
    otherConfig = Map.copyOf(otherConfig);
    ports = List.copyOf(ports);
    java.util.Objects.requireNonNull(acls, "acls");
    java.util.Objects.requireNonNull(dhcpDns, "dhcpDns");
    loadBalancers = List.copyOf(loadBalancers);
    monitorSources = List.copyOf(monitorSources);
  }

  /** A switch without health check sources. */
  public SwitchInput(UUID uuid, String name, Map<String, String> otherConfig,
      List<SwitchPortInput> ports, SwitchAcls acls, SwitchDhcpDns dhcpDns,
      List<LoadBalancerInput> loadBalancers) {
    this(uuid, name, otherConfig, ports, acls, dhcpDns, loadBalancers, List.of());
  }

  /** A switch without load balancers. */
  public SwitchInput(UUID uuid, String name, Map<String, String> otherConfig,
      List<SwitchPortInput> ports, SwitchAcls acls, SwitchDhcpDns dhcpDns) {
    this(uuid, name, otherConfig, ports, acls, dhcpDns, List.of());
  }

  /** Whether a load balancer of the switch has a VIP: the switch then balances traffic. */
  public boolean hasLbVip() {
    return loadBalancers.stream().anyMatch(LoadBalancerInput::hasVips);
  }

  /** A switch with no ACLs, DHCP or DNS. */
  public SwitchInput(UUID uuid, String name, Map<String, String> otherConfig,
      List<SwitchPortInput> ports) {
    this(uuid, name, otherConfig, ports, SwitchAcls.NONE, SwitchDhcpDns.NONE);
  }
}
