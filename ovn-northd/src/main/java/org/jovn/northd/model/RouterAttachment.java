package org.jovn.northd.model;

import java.util.List;
import java.util.Optional;
import org.jovn.northd.net.PortAddresses;

/**
 * A router port and what is on the other side of it.
 *
 * @param port the router port
 * @param switchPort the name of the {@code router}-type switch port attached to it
 *     ({@code options:router-port}), if any
 * @param neighbors the addresses of the enabled, non-router ports of the attached switch (its
 *     VIFs), for static ARP/ND resolution
 * @param routerNeighbors the addresses (MAC and networks) of other routers' ports attached to
 *     the same switch
 * @param peerPort the router port this one is patched to directly, if any
 * @param neighborRoutables the IPv4 addresses the distributed gateway ports of other routers
 *     on the same switch ask to be routed to them ({@code add_route}), by MAC they resolve to
 */
public record RouterAttachment(RouterPortInput port, Optional<String> switchPort,
    List<PortAddresses> neighbors, List<PortAddresses> routerNeighbors,
    Optional<RouterPortInput> peerPort, List<RouterPortNat.Routable> neighborRoutables) {
  public RouterAttachment {
    neighbors = List.copyOf(neighbors);
    routerNeighbors = List.copyOf(routerNeighbors);
    neighborRoutables = List.copyOf(neighborRoutables);
  }

  /** A port whose neighbors ask for no routes. */
  public RouterAttachment(RouterPortInput port, Optional<String> switchPort,
      List<PortAddresses> neighbors, List<PortAddresses> routerNeighbors,
      Optional<RouterPortInput> peerPort) {
    this(port, switchPort, neighbors, routerNeighbors, peerPort, List.of());
  }
}
