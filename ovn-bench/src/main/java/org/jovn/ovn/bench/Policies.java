package org.jovn.ovn.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policy rows of a generated topology ({@link PolicyGenerator}), as plain values keyed by
 * the switch or router they belong to; {@link NbLoader} writes them with their switch or
 * router. Immutable.
 *
 * @param switches per VIF switch name, its port group, address set and load balancer
 * @param routers per router name, its NAT rules
 */
public record Policies(Map<String, SwitchPolicy> switches, Map<String, List<NatRule>> routers) {
  /** No policy. */
  public static final Policies NONE = new Policies(Map.of(), Map.of());

  public Policies {
    switches = Map.copyOf(switches);
    routers = Map.copyOf(routers);
  }

  /** The number of Northbound rows the policies make. */
  public int rowCount() {
    int rows = routers.values().stream().mapToInt(List::size).sum();
    for (SwitchPolicy p : switches.values()) {
      rows += 2 + p.acls().size() + (p.vips().isEmpty() ? 0 : 1);
    }
    return rows;
  }

  /** The number of ACLs. */
  public int aclCount() {
    return switches.values().stream().mapToInt(p -> p.acls().size()).sum();
  }

  /** The number of load balancer VIPs. */
  public int vipCount() {
    return switches.values().stream().mapToInt(p -> p.vips().size()).sum();
  }

  /** The number of NAT rules. */
  public int natCount() {
    return routers.values().stream().mapToInt(List::size).sum();
  }

  /**
   * A switch's policy: a port group holding all its VIF ports with ACLs on it, an address set
   * with some of its ports' addresses, and a load balancer (only when {@code vips} is not
   * empty, protocol tcp).
   */
  public record SwitchPolicy(String portGroup, List<AclRule> acls, String addressSet,
      List<String> addresses, String loadBalancer, Map<String, String> vips) {
    public SwitchPolicy {
      Objects.requireNonNull(portGroup, "portGroup");
      acls = List.copyOf(acls);
      Objects.requireNonNull(addressSet, "addressSet");
      addresses = List.copyOf(addresses);
      Objects.requireNonNull(loadBalancer, "loadBalancer");
      vips = Map.copyOf(vips);
    }
  }

  /** An ACL: {@code direction} is {@code from-lport} or {@code to-lport}. */
  public record AclRule(String direction, int priority, String match, String action) {
    public AclRule {
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(match, "match");
      Objects.requireNonNull(action, "action");
    }
  }

  /** A NAT rule: {@code type} is {@code snat} or {@code dnat_and_snat}. */
  public record NatRule(String type, String externalIp, String logicalIp) {
    public NatRule {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(externalIp, "externalIp");
      Objects.requireNonNull(logicalIp, "logicalIp");
    }
  }
}
