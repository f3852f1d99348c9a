package org.jovn.ovn.bench;

/**
 * How big a generated topology is: logical switches, VIF ports in all (spread evenly over the
 * switches) and logical routers (each connecting an equal share of the switches). Immutable.
 *
 * @param switches the number of logical switches holding VIF ports, at least 1
 * @param ports the number of VIF ports in all, at least 0
 * @param routers the number of logical routers, from 0 to {@code switches}
 */
public record TopologySize(int switches, int ports, int routers) {
  /** The benchmark's base size: 100 switches, 5,000 ports, 10 routers. */
  public static final TopologySize DEFAULT = new TopologySize(100, 5_000, 10);

  /** @throws IllegalArgumentException when a count is out of range */
  public TopologySize {
    if (switches < 1) {
      throw new IllegalArgumentException("switches: " + switches + " is not at least 1");
    }
    if (ports < 0) {
      throw new IllegalArgumentException("ports: " + ports + " is negative");
    }
    if (routers < 0 || routers > switches) {
      throw new IllegalArgumentException(
          "routers: " + routers + " is out of range [0, " + switches + "] (switches)");
    }
  }

  /**
   * Every count multiplied by {@code factor}.
   *
   * @throws IllegalArgumentException when {@code factor} is below 1 or a count overflows
   */
  public TopologySize scaled(int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("scale: " + factor + " is not at least 1");
    }
    return new TopologySize(Math.multiplyExact(switches, factor),
        Math.multiplyExact(ports, factor), Math.multiplyExact(routers, factor));
  }

  @Override
  public String toString() {
    return String.format("%,d switches, %,d ports, %,d routers", switches, ports, routers);
  }
}
