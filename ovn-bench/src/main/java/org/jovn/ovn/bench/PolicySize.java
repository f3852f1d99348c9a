package org.jovn.ovn.bench;

/**
 * How much policy a generated topology carries besides its switches and routers: ACLs on port
 * groups, load balancer VIPs on switches, NAT on routers. All zero (the default) gives none.
 * Immutable.
 *
 * @param acls ACLs in all, spread evenly over the switches' port groups, at least 0
 * @param vips load balancer VIPs in all, spread evenly over the switches, at least 0
 * @param nat whether every router gets NAT: one snat per switch subnet it connects and
 *     {@link #DNAT_PER_ROUTER} dnat_and_snat rules
 */
public record PolicySize(int acls, int vips, boolean nat) {
  /** No policy at all. */
  public static final PolicySize NONE = new PolicySize(0, 0, false);
  /** The dnat_and_snat rules of each router when {@link #nat} is on. */
  public static final int DNAT_PER_ROUTER = 2;

  /** @throws IllegalArgumentException when a count is negative */
  public PolicySize {
    if (acls < 0) {
      throw new IllegalArgumentException("acls: " + acls + " is negative");
    }
    if (vips < 0) {
      throw new IllegalArgumentException("vips: " + vips + " is negative");
    }
  }

  /**
   * The counts multiplied by {@code factor} (NAT scales with the routers).
   *
   * @throws ArithmeticException when a count overflows
   */
  public PolicySize scaled(int factor) {
    return new PolicySize(Math.multiplyExact(acls, factor), Math.multiplyExact(vips, factor),
        nat);
  }

  /** True when there is any policy. */
  public boolean any() {
    return acls > 0 || vips > 0 || nat;
  }
}
