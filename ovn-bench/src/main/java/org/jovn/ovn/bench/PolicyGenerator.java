package org.jovn.ovn.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jovn.ovn.bench.Policies.AclRule;
import org.jovn.ovn.bench.Policies.NatRule;
import org.jovn.ovn.bench.Policies.SwitchPolicy;

/**
 * Makes the policy of a generated topology for a {@link PolicySize}, deterministically:
 *
 * <ul>
 *   <li>on every VIF switch {@code swI}, port group {@code pg_swI} holding its VIF ports and
 *       address set {@code as_swI} with the addresses of up to {@link #SET_SIZE} of them;
 *   <li>ACL {@code k} on {@code pg_sw(k mod switches)}, alternately {@code to-lport}
 *       ({@code outport == @pg_swI && ip4.src == $as_swI && tcp.dst == P}) and
 *       {@code from-lport} ({@code inport == @pg_swI && ip4.dst == $as_swI ...}), actions
 *       {@code allow-related, allow-related, drop} in turn, every match distinct;
 *   <li>VIP {@code k} on load balancer {@code lb_sw(k mod switches)} of that switch: a tcp VIP
 *       in 172.16.0.0/14 (outside every switch subnet) to two of the switch's addresses;
 *   <li>with NAT, on each router an snat of each connected switch subnet to the router's
 *       external address, and {@link PolicySize#DNAT_PER_ROUTER} dnat_and_snat rules for
 *       addresses of its first switch, external addresses in 172.24.0.0/14.
 * </ul>
 *
 * <p>Also gives the ACLs and VIPs to add one at a time after loading. Thread safety: immutable.
 */
public final class PolicyGenerator {
  /** At most this many addresses in each address set. */
  static final int SET_SIZE = 10;
  private static final long VIP_BASE = (172L << 24) | (16L << 16);
  private static final long CHURN_VIP_BASE = (172L << 24) | (20L << 16);
  private static final long NAT_BASE = (172L << 24) | (24L << 16);
  private static final int RANGE = 1 << 18;
  private static final int CHURN_PRIORITY = 2000;

  private final TopologySize size;
  private final PolicySize policy;
  private final Addressing addressing;

  /** @throws IllegalArgumentException when the VIPs do not fit their range */
  public PolicyGenerator(TopologySize size, PolicySize policy) {
    this.size = Objects.requireNonNull(size, "size");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.addressing = new Addressing(size);
    if (policy.vips() >= RANGE) {
      throw new IllegalArgumentException(
          "vips: " + policy.vips() + " is out of range [0, " + RANGE + ")");
    }
  }

  /** What it generates. */
  public PolicySize policySize() {
    return policy;
  }

  /** The policies: none at all for {@link PolicySize#NONE}. */
  public Policies generate() {
    if (!policy.any()) {
      return Policies.NONE;
    }
    Map<String, SwitchPolicy> switches = new HashMap<>();
    for (int i = 0; i < size.switches(); i++) {
      switches.put("sw" + i, switchPolicy(i));
    }
    Map<String, List<NatRule>> routers = new HashMap<>();
    if (policy.nat()) {
      List<List<Integer>> blocks = TopologyGenerator.routerBlocks(size);
      for (int r = 0; r < blocks.size(); r++) {
        routers.put("lr" + r, nat(r, blocks.get(r)));
      }
    }
    return new Policies(switches, routers);
  }

  private SwitchPolicy switchPolicy(int i) {
    List<AclRule> acls = new ArrayList<>();
    for (int k = i; k < policy.acls(); k += size.switches()) {
      acls.add(acl(i, k / size.switches(), k));
    }
    int vifs = vifs(i);
    List<String> addresses = new ArrayList<>();
    for (int j = 0; j < Math.min(SET_SIZE, vifs); j++) {
      addresses.add(addressing.vifIp(i, j));
    }
    Map<String, String> vips = new LinkedHashMap<>();
    for (int k = i; k < policy.vips(); k += size.switches()) {
      vips.put(Addressing.ip(VIP_BASE + k + 1) + ":80", backends(i));
    }
    return new SwitchPolicy("pg_sw" + i, acls, "as_sw" + i, addresses, "lb_sw" + i, vips);
  }

  /** ACL number {@code n} of switch {@code i}: its priority and port differ from the others. */
  private static AclRule acl(int i, int n, int k) {
    boolean to = k % 2 == 0;
    String match = (to ? "outport == @pg_sw" + i + " && ip4.src == $as_sw" + i
        : "inport == @pg_sw" + i + " && ip4.dst == $as_sw" + i) + " && tcp.dst == " + (1000 + n);
    return new AclRule(to ? "to-lport" : "from-lport", 1000 + n % 1000, match,
        k % 3 == 2 ? "drop" : "allow-related");
  }

  private String backends(int i) {
    return addressing.vifIp(i, 0) + ":8080," + addressing.vifIp(i, 1) + ":8080";
  }

  private List<NatRule> nat(int r, List<Integer> block) {
    List<NatRule> rules = new ArrayList<>();
    long base = NAT_BASE + (long) r * (1 + PolicySize.DNAT_PER_ROUTER);
    for (int i : block) {
      rules.add(new NatRule("snat", Addressing.ip(base + 1), addressing.subnet(i)));
    }
    for (int d = 0; d < PolicySize.DNAT_PER_ROUTER && !block.isEmpty(); d++) {
      rules.add(new NatRule("dnat_and_snat", Addressing.ip(base + 2 + d),
          addressing.vifIp(block.get(0), d)));
    }
    return rules;
  }

  private int vifs(int i) {
    return size.ports() / size.switches() + (i < size.ports() % size.switches() ? 1 : 0);
  }

  /** The port group the {@code k}-th added ACL goes on. */
  String churnAclPortGroup(int k) {
    return "pg_sw" + (k % size.switches());
  }

  /** The {@code k}-th ACL to add after loading: its match differs from every generated one. */
  AclRule churnAcl(int k) {
    int i = k % size.switches();
    return new AclRule("to-lport", CHURN_PRIORITY,
        "outport == @pg_sw" + i + " && ip4.src == $as_sw" + i + " && tcp.dst == " + (20000 + k),
        "allow-related");
  }

  /**
   * The load balancer the {@code k}-th added VIP goes on: one of the generated ones.
   *
   * @throws IllegalStateException when there are no VIPs
   */
  String churnVipLoadBalancer(int k) {
    int withVips = Math.min(policy.vips(), size.switches());
    if (withVips == 0) {
      throw new IllegalStateException("no load balancers to add VIPs to");
    }
    return "lb_sw" + (k % withVips);
  }

  /** The {@code k}-th VIP to add after loading, as a {@code vips} key and value. */
  Map.Entry<String, String> churnVip(int k) {
    int i = k % Math.max(1, Math.min(policy.vips(), size.switches()));
    return Map.entry(Addressing.ip(CHURN_VIP_BASE + k + 1) + ":80", backends(i));
  }
}
