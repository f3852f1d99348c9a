package org.jovn.northd.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * One {@code Multicast_Group} row of a datapath, as northd computes it: a named set of the
 * datapath's logical ports that flows reach with {@code outport = "NAME"; output;}.
 *
 * @param name the group name, e.g. {@code _MC_flood}
 * @param tunnelKey the group's {@code tunnel_key}, 32768 to 65535
 * @param ports the names of the member logical ports, never empty
 */
public record MulticastGroup(String name, long tunnelKey, List<String> ports) {
  /** {@code _MC_flood}: every enabled port of a switch. */
  public static final String FLOOD = "_MC_flood";
  /** {@code _MC_unknown}: the enabled ports that take unknown destinations. */
  public static final String UNKNOWN = "_MC_unknown";
  /** {@code _MC_mrouter_flood}: ports that always get multicast reports. */
  public static final String MROUTER_FLOOD = "_MC_mrouter_flood";
  /** {@code _MC_static}: ports that always get IP multicast traffic. */
  public static final String STATIC = "_MC_static";
  /** {@code _MC_flood_l2}: every enabled port of a switch except those to routers. */
  public static final String FLOOD_L2 = "_MC_flood_l2";

  public MulticastGroup {
    Objects.requireNonNull(name, "name");
    ports = List.copyOf(ports);
    if (tunnelKey < 32768 || tunnelKey > 65535) {
      throw new IllegalArgumentException(
          "tunnel key " + tunnelKey + " is out of range [32768, 65535]");
    }
    if (ports.isEmpty()) {
      throw new IllegalArgumentException("multicast group \"" + name + "\" has no ports");
    }
  }
}
