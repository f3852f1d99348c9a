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
 */
public record RouterInput(UUID uuid, String name, Map<String, String> options,
    List<RouterAttachment> ports, List<StaticRoute> routes) {
  public RouterInput {
    options = Map.copyOf(options);
    ports = List.copyOf(ports);
    routes = List.copyOf(routes);
  }
}
