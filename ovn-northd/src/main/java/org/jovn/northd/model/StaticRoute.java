package org.jovn.northd.model;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@code Logical_Router_Static_Route} of a router.
 *
 * @param uuid the row
 * @param ipPrefix {@code ip_prefix}: a network ({@code 10.2.0.0/16}) or an address
 * @param nexthop {@code nexthop}: an IP address, or "discard"
 * @param outputPort {@code output_port}, if set
 * @param policy {@code policy}: "dst-ip" (the default) or "src-ip"
 * @param routeTable {@code route_table}: "" for the main table
 * @param options {@code options} (ecmp_symmetric_reply, origin, ...)
 */
public record StaticRoute(UUID uuid, String ipPrefix, String nexthop, Optional<String> outputPort,
    String policy, String routeTable, Map<String, String> options) {
  public StaticRoute {
    options = Map.copyOf(options);
  }
}
