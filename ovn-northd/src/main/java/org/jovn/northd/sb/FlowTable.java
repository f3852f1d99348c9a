package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.flow.Pipeline;
import org.jovn.northd.flow.Stage;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * What the Southbound {@code Logical_Flow} table holds, per logical datapath (keyed by the
 * Northbound switch or router UUID): each flow with the UUID of its row. Rebuilt from a snapshot
 * when northd (re)starts writing, then kept up to date from its own commits. Rows northd cannot
 * attribute to one datapath of its own (another writer's, or a datapath group's) are listed in
 * {@link #strays()} so the next transaction deletes them.
 *
 * <p>Confined to northd's thread.
 */
final class FlowTable {
  private final Map<UUID, Map<LogicalFlow, UUID>> byDatapath = new HashMap<>();
  private final Set<UUID> strays = new java.util.HashSet<>();

  /** Reads every Logical_Flow row of the snapshot. */
  static FlowTable read(ReplicaSnapshot sb) {
    FlowTable t = new FlowTable();
    Map<UUID, DatapathKey> datapaths = new HashMap<>();
    DatapathBinding.all(sb).forEach(dp -> DatapathKey.of(dp)
        .ifPresent(k -> datapaths.put(dp.uuid().uuid(), k)));
    org.jovn.ovn.sb.LogicalFlow.all(sb).forEach(row -> {
      DatapathKey dp = row.logicalDatapath().map(r -> datapaths.get(r.uuid())).orElse(null);
      Optional<LogicalFlow> flow = dp == null ? Optional.empty() : decode(row, dp.isSwitch());
      if (flow.isEmpty()
          || t.byDatapath.computeIfAbsent(dp.nbUuid(), k -> new HashMap<>())
              .putIfAbsent(flow.get(), row.uuid().uuid()) != null) {
        t.strays.add(row.uuid().uuid());
      }
    });
    return t;
  }

  private static Optional<LogicalFlow> decode(org.jovn.ovn.sb.LogicalFlow row, boolean isSwitch) {
    Pipeline pipeline = row.pipeline().equals("egress") ? Pipeline.EGRESS : Pipeline.INGRESS;
    return Stage.of(isSwitch, pipeline, (int) row.tableId())
        .filter(s -> row.priority() >= 0 && row.priority() <= 65535)
        .map(s -> new LogicalFlow(s, (int) row.priority(), row.match(), row.actions(),
            row.tags().get("in_out_port")));
  }

  /** The flows of a datapath with their rows; empty if none. */
  Map<LogicalFlow, UUID> flows(UUID nbDatapath) {
    return byDatapath.getOrDefault(nbDatapath, Map.of());
  }

  /** The datapaths that have flows. */
  Set<UUID> datapaths() {
    return byDatapath.keySet();
  }

  /** Rows to delete that belong to no datapath of ours. */
  Set<UUID> strays() {
    return strays;
  }

  void put(UUID nbDatapath, LogicalFlow flow, UUID row) {
    byDatapath.computeIfAbsent(nbDatapath, k -> new HashMap<>()).put(flow, row);
  }

  void remove(UUID nbDatapath, LogicalFlow flow) {
    Map<LogicalFlow, UUID> m = byDatapath.get(nbDatapath);
    if (m != null) {
      m.remove(flow);
      if (m.isEmpty()) {
        byDatapath.remove(nbDatapath);
      }
    }
  }

  /** The number of flows held. */
  int size() {
    return byDatapath.values().stream().mapToInt(Map::size).sum();
  }
}
