package org.jovn.northd;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.pipeline.MulticastGroup;
import org.jovn.northd.pipeline.RouterPipeline;
import org.jovn.northd.pipeline.SwitchPipeline;

/**
 * The logical flows and multicast groups of every datapath, recomputed only for the switches
 * and routers whose {@linkplain SwitchInput input} changed since the previous call: a datapath
 * whose input is equal to last time keeps the very same flow set object, which is how the
 * Southbound writer knows it has nothing to compare there.
 *
 * <p>{@link #compute(NorthboundInputs)} after any sequence of calls gives the same flows as on
 * a fresh instance (the property {@code IncrementalFlowsProperties} checks). Confined to one
 * thread.
 */
final class IncrementalFlows {
  private final Map<UUID, SwitchInput> switchInputs = new HashMap<>();
  private final Map<UUID, RouterInput> routerInputs = new HashMap<>();
  private final Map<UUID, Set<LogicalFlow>> flows = new HashMap<>();
  private final Map<UUID, List<MulticastGroup>> groups = new HashMap<>();
  private int recomputed;

  /** The result of one computation. */
  record Result(Map<UUID, Set<LogicalFlow>> flows, Map<UUID, List<MulticastGroup>> groups,
      int recomputed) {}

  /** Flows and groups for these inputs, by Northbound switch or router UUID. */
  Result compute(NorthboundInputs in) {
    recomputed = 0;
    Map<UUID, Set<LogicalFlow>> outFlows = new LinkedHashMap<>();
    Map<UUID, List<MulticastGroup>> outGroups = new LinkedHashMap<>();
    for (SwitchInput sw : in.switches().values()) {
      if (!same(sw, switchInputs.get(sw.uuid()))) {
        switchInputs.put(sw.uuid(), sw);
        flows.put(sw.uuid(), new LinkedHashSet<>(SwitchPipeline.flows(sw)));
        groups.put(sw.uuid(), List.copyOf(SwitchPipeline.multicastGroups(sw)));
        recomputed++;
      }
      outFlows.put(sw.uuid(), flows.get(sw.uuid()));
      outGroups.put(sw.uuid(), groups.get(sw.uuid()));
    }
    for (RouterInput lr : in.routers().values()) {
      if (!same(lr, routerInputs.get(lr.uuid()))) {
        routerInputs.put(lr.uuid(), lr);
        flows.put(lr.uuid(), new LinkedHashSet<>(RouterPipeline.flows(lr)));
        recomputed++;
      }
      outFlows.put(lr.uuid(), flows.get(lr.uuid()));
    }
    switchInputs.keySet().retainAll(in.switches().keySet());
    routerInputs.keySet().retainAll(in.routers().keySet());
    flows.keySet().retainAll(outFlows.keySet());
    groups.keySet().retainAll(outGroups.keySet());
    return new Result(outFlows, outGroups, recomputed);
  }

  /** Equal inputs; the very same object (an input reused as unchanged) is, at no cost. */
  private static boolean same(Object now, Object before) {
    return now == before || now.equals(before);
  }
}
