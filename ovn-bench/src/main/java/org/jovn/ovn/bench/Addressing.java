package org.jovn.ovn.bench;

/**
 * The address plan of a generated topology. Switch {@code i} gets subnet number {@code i} of
 * 10.0.0.0/8, at least a /24 and large enough for its VIF ports plus {@link #SPARE_PER_SWITCH}
 * addresses for ports added later. In each subnet: {@code .1} for the router port, then the VIF
 * ports, then the spares. The join switch is 100.64.0.0/16, router {@code r} at
 * 100.64.0.{@code r+1}. MAC addresses are locally administered, {@code 0a:KIND:} followed by a
 * 32-bit index, with one KIND each for VIF ports, router ports and ports added later. Immutable.
 */
final class Addressing {
  /** Addresses per switch kept free for ports added after loading. */
  static final int SPARE_PER_SWITCH = 64;
  static final String JOIN_SUBNET = "100.64.0.0/16";
  static final int VIF_MAC = 0;
  static final int ROUTER_MAC = 1;
  static final int CHURN_MAC = 2;
  private static final long TEN = 10L << 24;
  private static final long JOIN = (100L << 24) | (64L << 16);
  private static final int MAX_JOIN_ROUTERS = 65_533;

  private final int hostBits;
  private final int vifsPerSwitch;

  /**
   * @throws IllegalArgumentException when the switches' subnets do not fit in 10.0.0.0/8 or the
   *     routers in the join subnet
   */
  Addressing(TopologySize size) {
    this.vifsPerSwitch = Math.ceilDiv(size.ports(), size.switches());
    int needed = vifsPerSwitch + SPARE_PER_SWITCH + 3;
    this.hostBits = Math.max(8, 32 - Integer.numberOfLeadingZeros(needed - 1));
    if (((long) size.switches() << hostBits) > (1L << 24)) {
      throw new IllegalArgumentException("switches: " + size.switches() + " subnets of /"
          + (32 - hostBits) + " do not fit in 10.0.0.0/8");
    }
    if (size.routers() > MAX_JOIN_ROUTERS) {
      throw new IllegalArgumentException("routers: " + size.routers()
          + " do not fit in the join subnet " + JOIN_SUBNET + " (at most " + MAX_JOIN_ROUTERS
          + ")");
    }
  }

  /** The most VIF ports any switch has. */
  int vifsPerSwitch() {
    return vifsPerSwitch;
  }

  /** Switch {@code i}'s subnet, e.g. {@code 10.0.3.0/24}. */
  String subnet(int i) {
    return ip(base(i)) + "/" + prefixLength();
  }

  /** The router port's address on switch {@code i}, with the prefix length. */
  String gatewayNetwork(int i) {
    return ip(base(i) + 1) + "/" + prefixLength();
  }

  /** The address of VIF port {@code j} of switch {@code i}. */
  String vifIp(int i, int j) {
    return ip(base(i) + 2 + j);
  }

  /**
   * Spare address {@code s} of switch {@code i}.
   *
   * @throws IllegalArgumentException when {@code s} is not below {@link #SPARE_PER_SWITCH}
   */
  String spareIp(int i, int s) {
    if (s < 0 || s >= SPARE_PER_SWITCH) {
      throw new IllegalArgumentException(
          "spare address " + s + " is out of range [0, " + SPARE_PER_SWITCH + ")");
    }
    return ip(base(i) + 2 + vifsPerSwitch + s);
  }

  /** Router {@code r}'s address on the join switch. */
  static String joinIp(int r) {
    return ip(JOIN + r + 1);
  }

  /** Router {@code r}'s network on the join switch, with the prefix length. */
  static String joinNetwork(int r) {
    return joinIp(r) + "/16";
  }

  /** The MAC address number {@code index} of a kind ({@link #VIF_MAC} and so on). */
  static String mac(int kind, long index) {
    return String.format("0a:%02x:%02x:%02x:%02x:%02x", kind, (index >>> 24) & 0xff,
        (index >>> 16) & 0xff, (index >>> 8) & 0xff, index & 0xff);
  }

  private int prefixLength() {
    return 32 - hostBits;
  }

  private long base(int i) {
    return TEN + ((long) i << hostBits);
  }

  static String ip(long address) {
    return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "."
        + ((address >>> 8) & 0xff) + "." + (address & 0xff);
  }
}
