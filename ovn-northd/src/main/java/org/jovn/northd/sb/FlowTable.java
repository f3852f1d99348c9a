package org.jovn.northd.sb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.flow.Pipeline;
import org.jovn.northd.flow.Stage;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.LogicalDpGroup;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.ColumnType;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * What the Southbound {@code Logical_Flow} table holds: each distinct flow once, with the
 * datapaths (Northbound switch or router UUIDs) it applies to and its row. As with ovn-northd,
 * a flow of one datapath names it in {@code logical_datapath}; a flow shared by several names a
 * {@code Logical_DP_Group} of them, one group per distinct set of datapaths. Read with a select
 * when northd (re)starts writing, then kept up to date from its own commits. Rows northd cannot
 * attribute to datapaths of its own are listed in {@link #strays()} for deletion.
 *
 * <p>Confined to northd's thread.
 */
final class FlowTable {
  /** One flow row. */
  static final class Entry {
    UUID row;
    final Set<UUID> datapaths = new HashSet<>();
    UUID group;
  }

  private final Map<LogicalFlow, Entry> byFlow = new HashMap<>();
  private final Map<UUID, Set<LogicalFlow>> byDatapath = new HashMap<>();
  private final Map<Set<UUID>, UUID> groups = new HashMap<>();
  private final Map<UUID, Integer> groupUses = new HashMap<>();
  private final Set<UUID> strays = new HashSet<>();

  /** The Logical_Flow columns {@link #read} needs. */
  static final String[] COLUMNS = {"_uuid", org.jovn.ovn.sb.LogicalFlow.LOGICAL_DATAPATH,
      org.jovn.ovn.sb.LogicalFlow.LOGICAL_DP_GROUP, org.jovn.ovn.sb.LogicalFlow.PIPELINE,
      org.jovn.ovn.sb.LogicalFlow.TABLE_ID, org.jovn.ovn.sb.LogicalFlow.PRIORITY,
      org.jovn.ovn.sb.LogicalFlow.MATCH, org.jovn.ovn.sb.LogicalFlow.ACTIONS,
      org.jovn.ovn.sb.LogicalFlow.TAGS};
  /** The Logical_DP_Group columns {@link #read} needs. */
  static final String[] GROUP_COLUMNS = {"_uuid", LogicalDpGroup.DATAPATHS};

  /**
   * Reads the rows of a select of every Logical_Flow ({@link #COLUMNS}) and Logical_DP_Group
   * ({@link #GROUP_COLUMNS}); datapaths are resolved through the snapshot's Datapath_Binding
   * rows. Northd does not monitor Logical_Flow: it reads the table when it starts writing and
   * then knows what it wrote, which spares the server from echoing every flow back.
   *
   * @throws org.jovn.ovsdb.OvsdbException on a malformed row
   */
  static FlowTable read(List<JsonNode> flowRows, List<JsonNode> groupRows, ReplicaSnapshot sb) {
    FlowTable t = new FlowTable();
    Map<UUID, DatapathKey> datapaths = new HashMap<>();
    DatapathBinding.all(sb).forEach(dp -> DatapathKey.of(dp)
        .ifPresent(k -> datapaths.put(dp.uuid().uuid(), k)));
    TableSchema gs = sb.schema().table(LogicalDpGroup.TABLE);
    Map<UUID, List<DatapathKey>> groupMembers = new HashMap<>();
    for (JsonNode g : groupRows) {
      List<DatapathKey> members = new java.util.ArrayList<>();
      for (Object dp : column(gs, g, LogicalDpGroup.DATAPATHS).keys()) {
        members.add(datapaths.get((UUID) dp));
      }
      groupMembers.put((UUID) column(gs, g, "_uuid").first(), members);
    }
    TableSchema ts = sb.schema().table(org.jovn.ovn.sb.LogicalFlow.TABLE);
    for (JsonNode row : flowRows) {
      UUID uuid = (UUID) column(ts, row, "_uuid").first();
      Datum dpRef = column(ts, row, org.jovn.ovn.sb.LogicalFlow.LOGICAL_DATAPATH);
      Datum groupRef = column(ts, row, org.jovn.ovn.sb.LogicalFlow.LOGICAL_DP_GROUP);
      UUID group = groupRef.isEmpty() ? null : (UUID) groupRef.first();
      List<DatapathKey> members = !dpRef.isEmpty()
          ? java.util.Collections.singletonList(datapaths.get((UUID) dpRef.first()))
          : group != null ? groupMembers.getOrDefault(group, List.of()) : List.of();
      Optional<LogicalFlow> flow = members.isEmpty() || members.contains(null)
          || members.stream().map(DatapathKey::isSwitch).distinct().count() != 1
          ? Optional.empty() : decode(ts, row, members.get(0).isSwitch());
      if (flow.isEmpty() || t.byFlow.containsKey(flow.get())) {
        t.strays.add(uuid);
        continue;
      }
      Set<UUID> nbDps = new HashSet<>();
      members.forEach(m -> nbDps.add(m.nbUuid()));
      t.set(flow.get(), uuid, nbDps, dpRef.isEmpty() ? group : null);
    }
    return t;
  }

  private static final ColumnType UUID_TYPE = new ColumnType(
      org.jovn.ovsdb.schema.BaseType.of(org.jovn.ovsdb.schema.AtomicType.UUID), null, 1, 1);

  private static Datum column(TableSchema ts, JsonNode row, String name) {
    ColumnSchema c = ts.column(name);
    return Datum.fromJson(c == null ? UUID_TYPE : c.type(), row.get(name), n -> {
      throw new IllegalArgumentException("named-uuid in a select result: " + n);
    });
  }

  private static Optional<LogicalFlow> decode(TableSchema ts, JsonNode row, boolean isSwitch) {
    String pipelineName = (String) column(ts, row, org.jovn.ovn.sb.LogicalFlow.PIPELINE).first();
    Pipeline pipeline = pipelineName.equals("egress") ? Pipeline.EGRESS : Pipeline.INGRESS;
    long table = (Long) column(ts, row, org.jovn.ovn.sb.LogicalFlow.TABLE_ID).first();
    long priority = (Long) column(ts, row, org.jovn.ovn.sb.LogicalFlow.PRIORITY).first();
    Datum tags = column(ts, row, org.jovn.ovn.sb.LogicalFlow.TAGS);
    return Stage.of(isSwitch, pipeline, (int) table)
        .filter(s -> priority >= 0 && priority <= 65535)
        .map(s -> new LogicalFlow(s, (int) priority,
            (String) column(ts, row, org.jovn.ovn.sb.LogicalFlow.MATCH).first(),
            (String) column(ts, row, org.jovn.ovn.sb.LogicalFlow.ACTIONS).first(),
            (String) tags.get("in_out_port")));
  }

  /** The flows of a datapath; empty if none. Unmodifiable view. */
  Set<LogicalFlow> flows(UUID nbDatapath) {
    return java.util.Collections.unmodifiableSet(
        byDatapath.getOrDefault(nbDatapath, Set.of()));
  }

  /** The row of a flow, or null. */
  Entry entry(LogicalFlow flow) {
    return byFlow.get(flow);
  }

  /** The group row for exactly these datapaths, or null. */
  UUID group(Set<UUID> nbDatapaths) {
    return groups.get(nbDatapaths);
  }

  /** The datapaths that have flows. */
  Set<UUID> datapaths() {
    return byDatapath.keySet();
  }

  /** Rows to delete that belong to no datapath of ours. */
  Set<UUID> strays() {
    return strays;
  }

  /**
   * Records a flow's row, datapaths and group (null when it names its one datapath directly),
   * replacing what was known of it; an empty set of datapaths forgets the flow.
   */
  void set(LogicalFlow flow, UUID row, Set<UUID> nbDatapaths, UUID group) {
    Entry old = byFlow.remove(flow);
    if (old != null) {
      old.datapaths.forEach(d -> removeFrom(d, flow));
      release(old.group);
    }
    if (nbDatapaths.isEmpty()) {
      return;
    }
    Entry e = new Entry();
    e.row = row;
    e.datapaths.addAll(nbDatapaths);
    e.group = group;
    byFlow.put(flow, e);
    nbDatapaths.forEach(d -> byDatapath.computeIfAbsent(d, k -> new HashSet<>()).add(flow));
    if (group != null) {
      groupUses.merge(group, 1, Integer::sum);
      groups.putIfAbsent(Set.copyOf(nbDatapaths), group);
    }
  }

  private void removeFrom(UUID dp, LogicalFlow flow) {
    Set<LogicalFlow> s = byDatapath.get(dp);
    if (s != null) {
      s.remove(flow);
      if (s.isEmpty()) {
        byDatapath.remove(dp);
      }
    }
  }

  /** A group no flow uses any more is gone: the server collects unreferenced groups. */
  private void release(UUID group) {
    if (group != null && groupUses.merge(group, -1, Integer::sum) <= 0) {
      groupUses.remove(group);
      groups.values().remove(group);
    }
  }

  /** The number of flow rows held. */
  int size() {
    return byFlow.size();
  }
}
