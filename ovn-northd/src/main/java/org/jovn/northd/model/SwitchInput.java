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
 */
public record SwitchInput(UUID uuid, String name, Map<String, String> otherConfig,
    List<SwitchPortInput> ports) {
  public SwitchInput {
    otherConfig = Map.copyOf(otherConfig);
    ports = List.copyOf(ports);
  }
}
