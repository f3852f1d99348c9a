package org.jovn.northd.sb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.ovn.sb.LogicalDpGroup;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.client.TransactionResult;

/**
 * Adds to a transaction the Logical_Flow changes of the datapaths whose wanted flows changed:
 * for each flow whose set of datapaths changes, its row is inserted, deleted, or pointed at its
 * one datapath or at the group of its datapaths (a new Logical_DP_Group when no row holds
 * exactly that set yet). One instance per transaction; {@link #commit} applies the outcome to
 * the {@link FlowTable}.
 */
final class FlowSync {
  private static final String FLOW = org.jovn.ovn.sb.LogicalFlow.TABLE;

  private final Transaction t;
  private final FlowTable table;
  private final DatapathSync dps;
  /** Each changed flow: its datapaths after this transaction. */
  private final Map<LogicalFlow, Set<UUID>> changed = new LinkedHashMap<>();
  private final Map<LogicalFlow, UUID> insertedRows = new HashMap<>();
  private final Map<LogicalFlow, Object> groupOf = new HashMap<>();
  private final Map<Set<UUID>, UUID> newGroups = new HashMap<>();
  private final Set<UUID> deletedStrays;
  private int ops;

  FlowSync(Transaction t, FlowTable table, DatapathSync dps) {
    this.t = t;
    this.table = table;
    this.dps = dps;
    this.deletedStrays = Set.copyOf(table.strays());
    deletedStrays.forEach(row -> t.delete(FLOW, row));
    ops = deletedStrays.size();
  }

  /** The operations added so far. */
  int ops() {
    return ops;
  }

  /** Moves a datapath's flows from what the table holds to {@code wanted} (empty: none). */
  void datapath(UUID dp, Set<LogicalFlow> wanted) {
    Set<LogicalFlow> have = table.flows(dp);
    for (LogicalFlow f : have) {
      if (!wanted.contains(f)) {
        datapaths(f).remove(dp);
        ops++;
      }
    }
    for (LogicalFlow f : wanted) {
      if (!have.contains(f)) {
        datapaths(f).add(dp);
        ops++;
      }
    }
  }

  private Set<UUID> datapaths(LogicalFlow f) {
    return changed.computeIfAbsent(f, k -> {
      FlowTable.Entry e = table.entry(k);
      return e == null ? new HashSet<>() : new HashSet<>(e.datapaths);
    });
  }

  /** Writes the rows of every flow whose datapaths changed. */
  void write() {
    for (var c : changed.entrySet()) {
      LogicalFlow f = c.getKey();
      Set<UUID> dpSet = c.getValue();
      FlowTable.Entry e = table.entry(f);
      if (e != null && e.datapaths.equals(dpSet)) {
        continue;
      }
      if (dpSet.isEmpty()) {
        if (e != null) {
          t.delete(FLOW, e.row);
        }
        continue;
      }
      UUID dpRow = dpSet.size() == 1 ? dps.rowOf(dpSet.iterator().next()) : null;
      UUID group = dpSet.size() == 1 ? null : group(dpSet);
      groupOf.put(f, group);
      if (e == null) {
        insertedRows.put(f, insert(f, dpRow, group));
      } else {
        t.update(FLOW, e.row)
            .set(org.jovn.ovn.sb.LogicalFlow.LOGICAL_DATAPATH, Optional.ofNullable(dpRow))
            .set(org.jovn.ovn.sb.LogicalFlow.LOGICAL_DP_GROUP, Optional.ofNullable(group));
      }
    }
  }

  private UUID group(Set<UUID> nbDatapaths) {
    UUID have = table.group(nbDatapaths);
    if (have != null) {
      return have;
    }
    return newGroups.computeIfAbsent(Set.copyOf(nbDatapaths), s -> {
      List<UUID> rows = new ArrayList<>(s.size());
      s.forEach(d -> rows.add(dps.rowOf(d)));
      ops++;
      return t.insert(LogicalDpGroup.TABLE).set(LogicalDpGroup.DATAPATHS, rows).uuid();
    });
  }

  private UUID insert(LogicalFlow f, UUID datapathRow, UUID group) {
    Map<String, String> tags = f.inOutPort() == null ? Map.of()
        : Map.of("in_out_port", f.inOutPort());
    return t.insert(FLOW)
        .set(org.jovn.ovn.sb.LogicalFlow.LOGICAL_DATAPATH, Optional.ofNullable(datapathRow))
        .set(org.jovn.ovn.sb.LogicalFlow.LOGICAL_DP_GROUP, Optional.ofNullable(group))
        .set(org.jovn.ovn.sb.LogicalFlow.PIPELINE, f.stage().pipeline().sbName())
        .set(org.jovn.ovn.sb.LogicalFlow.TABLE_ID, (long) f.stage().table())
        .set(org.jovn.ovn.sb.LogicalFlow.PRIORITY, (long) f.priority())
        .set(org.jovn.ovn.sb.LogicalFlow.MATCH, f.match())
        .set(org.jovn.ovn.sb.LogicalFlow.ACTIONS, f.actions())
        .set(org.jovn.ovn.sb.LogicalFlow.TAGS, tags)
        .set(org.jovn.ovn.sb.LogicalFlow.EXTERNAL_IDS,
            Map.of("stage-name", f.stage().stageName()))
        .uuid();
  }

  /** Applies the committed transaction to the table. */
  void commit(TransactionResult r) {
    table.strays().removeAll(deletedStrays);
    for (var c : changed.entrySet()) {
      LogicalFlow f = c.getKey();
      FlowTable.Entry e = table.entry(f);
      if (e != null && e.datapaths.equals(c.getValue())) {
        continue;
      }
      UUID row = insertedRows.containsKey(f) ? r.uuid(insertedRows.get(f)) : e != null ? e.row
          : null;
      Object group = groupOf.get(f);
      table.set(f, row, c.getValue(), group == null ? null : r.uuid((UUID) group));
    }
  }
}
