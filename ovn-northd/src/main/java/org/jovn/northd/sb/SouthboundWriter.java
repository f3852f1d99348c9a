package org.jovn.northd.sb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.flow.TunnelKeyRef;
import org.jovn.ovn.sb.SbGlobal;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.client.TransactionResult;

/**
 * Turns a {@link SouthboundPlan} into Southbound transactions that change only what differs:
 * datapaths, port bindings, multicast groups and address sets are compared with the current
 * Southbound snapshot; logical flows with the {@link FlowTable} of what northd last wrote,
 * and only for the datapaths whose wanted flows changed since. A transaction holds at most about
 * {@code maxOps} operations (more only when the non-flow changes alone exceed it); call
 * {@link #next} again until it returns empty.
 *
 * <p>Every transaction asserts the lock northd holds. {@code SB_Global.nb_cfg} is written by the
 * transaction that completes a plan, so a reader that sees it also sees the flows.
 *
 * <p>Confined to northd's thread. After a transaction fails, call {@link #reset()}: the next
 * transaction is computed against the Southbound contents afresh.
 */
public final class SouthboundWriter {
  private final String lock;
  private final int maxOps;
  private FlowTable table;
  private final Map<UUID, Set<LogicalFlow>> synced = new HashMap<>();
  private final PortSync.Memo portMemo = new PortSync.Memo();
  private final PortGroupSync.Memo portGroupMemo = new PortGroupSync.Memo();
  private final AddressSetSync.Memo addressSetMemo = new AddressSetSync.Memo();

  /**
   * @param lock the lock every transaction asserts, or null for none
   * @param maxOps operations per transaction, about
   */
  public SouthboundWriter(String lock, int maxOps) {
    this.lock = lock;
    this.maxOps = maxOps;
  }

  /**
   * A transaction to send, and what to do once it committed.
   *
   * @param completesPlan whether the Southbound matches the plan once it committed
   * @param changesMonitored whether it changes a table northd monitors (anything but
   *     Logical_Flow and Logical_DP_Group), so that its commit shows in the replica
   */
  public record Step(Transaction transaction, Consumer<TransactionResult> onCommit,
      boolean completesPlan, boolean changesMonitored) {}

  /** Forgets what northd believes the Southbound holds; the next step re-reads it. */
  public void reset() {
    table = null;
    synced.clear();
    portMemo.reset();
  }

  /**
   * Whether the next step needs the Southbound's Logical_Flow rows first: send
   * {@link #flowTableQuery} and give its rows to {@link #loadFlowTable}.
   */
  public boolean needsFlowTable() {
    return table == null;
  }

  /**
   * A select of every Logical_Flow and Logical_DP_Group row, as {@link #loadFlowTable} reads
   * them.
   */
  public Transaction flowTableQuery(ReplicaSnapshot sb) {
    Transaction t = new Transaction(sb.schema());
    t.select(org.jovn.ovn.sb.LogicalFlow.TABLE, List.of(), FlowTable.COLUMNS);
    t.select(org.jovn.ovn.sb.LogicalDpGroup.TABLE, List.of(), FlowTable.GROUP_COLUMNS);
    return t;
  }

  /** Takes the result of {@link #flowTableQuery} as what the Southbound holds. */
  public void loadFlowTable(TransactionResult result, ReplicaSnapshot sb) {
    table = FlowTable.read(result.rows(0), result.rows(1), sb);
    synced.clear();
  }

  /** The number of logical flows northd believes the Southbound holds. */
  public int flowCount() {
    return table == null ? 0 : table.size();
  }

  /**
   * The next transaction towards the plan, or empty if the Southbound already matches it.
   *
   * @param sb a snapshot of the Southbound database that includes every earlier step's commit
   */
  public Optional<Step> next(SouthboundPlan plan, ReplicaSnapshot sb) {
    if (table == null) {
      throw new IllegalStateException("the Logical_Flow rows are not loaded (loadFlowTable)");
    }
    Transaction t = new Transaction(sb.schema());
    if (lock != null) {
      t.assertLock(lock);
    }
    int base = t.size();
    DatapathSync dps = DatapathSync.apply(t, plan, sb);
    PortSync.apply(t, plan, sb, dps, portMemo);
    AddressSetSync.apply(t, plan, sb, dps, addressSetMemo);
    DhcpOptionsSync.apply(t, sb);
    DnsSync.apply(t, plan, sb, dps);
    LoadBalancerSync.apply(t, plan, sb, dps);
    ServiceMonitorSync.apply(t, plan, sb);
    PortGroupSync.apply(t, plan, sb, dps, portGroupMemo);
    MeterSync.apply(t, plan, sb);
    int beforeFlows = t.size();
    FlowSync flows = new FlowSync(t, table, dps);
    List<UUID> done = new ArrayList<>();
    boolean complete = syncFlows(flows, plan, dps, done, beforeFlows);
    flows.write();
    int flowOps = t.size() - beforeFlows;
    if (complete) {
      syncGlobal(t, plan, sb);
    }
    boolean changesMonitored = t.size() - base - flowOps > 0;
    if (t.size() == base) {
      done.forEach(dp -> synced.put(dp, plan.flows().get(dp)));
      return Optional.empty();
    }
    Consumer<TransactionResult> onCommit = r -> {
      flows.commit(r);
      for (UUID dp : done) {
        Set<LogicalFlow> wanted = plan.flows().get(dp);
        if (wanted == null) {
          synced.remove(dp);
        } else {
          synced.put(dp, wanted);
        }
      }
    };
    return Optional.of(new Step(t, onCommit, complete, changesMonitored));
  }

  /**
   * Hands the flows of changed datapaths to {@code flows}: first those of datapaths that are
   * gone (their rows must go in the transaction that deletes the datapath), then those whose
   * wanted flows changed, until about {@code maxOps} operations. Returns false if some were
   * left for the next transaction; {@code done} receives the datapaths handled.
   */
  private boolean syncFlows(FlowSync flows, SouthboundPlan plan, DatapathSync dps,
      List<UUID> done, int otherOps) {
    for (UUID dp : Set.copyOf(table.datapaths())) {
      if (!plan.flows().containsKey(dp)) {
        flows.datapath(dp, Set.of());
        done.add(dp);
      }
    }
    for (var e : plan.flows().entrySet()) {
      UUID dp = e.getKey();
      if (synced.get(dp) == e.getValue() || dps.rowOf(dp) == null) {
        continue;
      }
      if (otherOps + flows.ops() >= maxOps) {
        return false;
      }
      Long key = dps.tunnelKeyOf(dp);
      flows.datapath(dp, key == null ? e.getValue() : TunnelKeyRef.resolve(e.getValue(), key));
      done.add(dp);
    }
    return true;
  }

  private static void syncGlobal(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb) {
    Optional<SbGlobal> global = SbGlobal.all(sb).findFirst();
    if (global.isEmpty()) {
      t.insert(SbGlobal.TABLE).set(SbGlobal.OPTIONS, plan.globalOptions())
          .set(SbGlobal.NB_CFG, plan.nbCfg());
      return;
    }
    SbGlobal g = global.get();
    if (!g.options().equals(plan.globalOptions()) || g.nbCfg() != plan.nbCfg()) {
      t.update(SbGlobal.TABLE, g.uuid().uuid()).set(SbGlobal.OPTIONS, plan.globalOptions())
          .set(SbGlobal.NB_CFG, plan.nbCfg());
    }
  }
}
