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
import org.jovn.ovn.sb.SbGlobal;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.client.TransactionResult;

/**
 * Turns a {@link SouthboundPlan} into Southbound transactions that change only what differs:
 * datapaths, port bindings, multicast groups and address sets are compared with the current
 * Southbound snapshot; logical flows with the {@link FlowTable} of what northd last wrote,
 * and only for the datapaths whose wanted flows changed since. A transaction holds at most about
 * {@code maxOps} flow operations; call {@link #next} again until it returns empty.
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

  /**
   * @param lock the lock every transaction asserts, or null for none
   * @param maxOps flow operations per transaction, about
   */
  public SouthboundWriter(String lock, int maxOps) {
    this.lock = lock;
    this.maxOps = maxOps;
  }

  /** A transaction to send, and what to do once it committed. */
  public record Step(Transaction transaction, Consumer<TransactionResult> onCommit,
      boolean completesPlan) {}

  /** Forgets what northd believes the Southbound holds; the next step re-reads it. */
  public void reset() {
    table = null;
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
      table = FlowTable.read(sb);
    }
    Transaction t = new Transaction(sb.schema());
    if (lock != null) {
      t.assertLock(lock);
    }
    int base = t.size();
    DatapathSync dps = DatapathSync.apply(t, plan, sb);
    PortSync.apply(t, plan, sb, dps);
    AddressSetSync.apply(t, plan, sb);
    List<Runnable> afterCommit = new ArrayList<>();
    List<PendingFlow> inserted = new ArrayList<>();
    boolean complete = syncFlows(t, plan, dps, inserted, afterCommit);
    for (UUID gone : dps.deleted()) {
      Map<LogicalFlow, UUID> flows = new HashMap<>(table.flows(gone));
      flows.forEach((f, row) -> t.delete(org.jovn.ovn.sb.LogicalFlow.TABLE, row));
      afterCommit.add(() -> flows.keySet().forEach(f -> table.remove(gone, f)));
    }
    if (complete) {
      syncGlobal(t, plan, sb);
    }
    if (t.size() == base) {
      return Optional.empty();
    }
    Consumer<TransactionResult> onCommit = r -> {
      afterCommit.forEach(Runnable::run);
      for (PendingFlow p : inserted) {
        table.put(p.datapath(), p.flow(), r.uuid(p.placeholder()));
      }
    };
    return Optional.of(new Step(t, onCommit, complete));
  }

  private record PendingFlow(UUID datapath, LogicalFlow flow, UUID placeholder) {}

  private boolean syncFlows(Transaction t, SouthboundPlan plan, DatapathSync dps,
      List<PendingFlow> inserted, List<Runnable> afterCommit) {
    int ops = 0;
    Set<UUID> strays = Set.copyOf(table.strays());
    for (UUID row : strays) {
      t.delete(org.jovn.ovn.sb.LogicalFlow.TABLE, row);
      ops++;
    }
    afterCommit.add(() -> table.strays().removeAll(strays));
    for (var e : plan.flows().entrySet()) {
      UUID dp = e.getKey();
      Set<LogicalFlow> wanted = e.getValue();
      if (synced.get(dp) == wanted) {
        continue;
      }
      if (ops >= maxOps) {
        return false;
      }
      UUID dbRow = dps.rowOf(dp);
      if (dbRow == null) {
        continue;
      }
      Map<LogicalFlow, UUID> have = new HashMap<>(table.flows(dp));
      for (var h : have.entrySet()) {
        if (!wanted.contains(h.getKey())) {
          t.delete(org.jovn.ovn.sb.LogicalFlow.TABLE, h.getValue());
          ops++;
          afterCommit.add(() -> table.remove(dp, h.getKey()));
        }
      }
      for (LogicalFlow f : wanted) {
        if (!have.containsKey(f)) {
          inserted.add(new PendingFlow(dp, f, insertFlow(t, dbRow, f)));
          ops++;
        }
      }
      afterCommit.add(() -> synced.put(dp, wanted));
    }
    for (UUID dp : Set.copyOf(table.datapaths())) {
      if (!plan.flows().containsKey(dp) && !dps.deleted().contains(dp)) {
        Map<LogicalFlow, UUID> flows = new HashMap<>(table.flows(dp));
        flows.forEach((f, row) -> t.delete(org.jovn.ovn.sb.LogicalFlow.TABLE, row));
        afterCommit.add(() -> flows.keySet().forEach(f -> table.remove(dp, f)));
        afterCommit.add(() -> synced.remove(dp));
      }
    }
    return true;
  }

  private static UUID insertFlow(Transaction t, UUID datapathRow, LogicalFlow f) {
    Map<String, String> tags = f.inOutPort() == null ? Map.of()
        : Map.of("in_out_port", f.inOutPort());
    return t.insert(org.jovn.ovn.sb.LogicalFlow.TABLE)
        .set(org.jovn.ovn.sb.LogicalFlow.LOGICAL_DATAPATH, datapathRow)
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
