package org.jovn.ovn.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jovn.ovn.bench.Topology.ChurnPort;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovn.nb.PortGroup;
import org.jovn.ovsdb.client.Clause;
import org.jovn.ovsdb.client.NbCfg;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.client.TransactionResult;

/**
 * Adds single ACLs and VIPs, and adds and deletes single ports, the way {@code ovn-nbctl --wait=sb lsp-add} / {@code lsp-del}
 * (and {@code acl-add} / {@code lb-add} with one more VIP) do: one transaction that changes the port and increments {@code NB_Global.nb_cfg}, then a wait
 * until {@code sb_cfg} reaches the new value. Each call returns that whole time. Not
 * thread-safe: one caller at a time.
 */
final class PortChurn {
  private final OvsdbClient nb;
  private final TopologyGenerator generator;
  private final PolicyGenerator policies;
  private final ManagedProcess northd;
  private final Duration timeout;
  private final Map<Integer, UUID> added = new HashMap<>();

  /** The client must be connected and monitor NB_Global's nb_cfg and sb_cfg. */
  PortChurn(OvsdbClient nb, TopologyGenerator generator, PolicyGenerator policies,
      ManagedProcess northd, Duration timeout) {
    this.nb = nb;
    this.generator = generator;
    this.policies = policies;
    this.northd = northd;
    this.timeout = timeout;
  }

  /**
   * Adds churn port {@code k} ({@link TopologyGenerator#churnPort}) to its switch.
   *
   * @return the time from sending the transaction until northd reported the Southbound synced
   * @throws BenchException when the transaction fails, northd exits or is late
   */
  Duration add(int k) {
    ChurnPort churn = generator.churnPort(k);
    Transaction t = nb.transaction();
    Transaction.Insert port = t.insert(LogicalSwitchPort.TABLE)
        .set(LogicalSwitchPort.NAME, churn.port().name())
        .set(LogicalSwitchPort.ADDRESSES, Set.copyOf(churn.port().addresses()));
    t.mutate(LogicalSwitch.TABLE, List.of(Clause.eq(LogicalSwitch.NAME, churn.switchName())))
        .insert(LogicalSwitch.PORTS, Set.of(port.uuid()));
    long start = System.nanoTime();
    TransactionResult r = commitAndWait(t, "adding port " + churn.port().name());
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    added.put(k, r.uuid(port.uuid()));
    return took;
  }

  /**
   * Deletes churn port {@code k}, added before by {@link #add}.
   *
   * @return the time from sending the transaction until northd reported the Southbound synced
   * @throws BenchException when the transaction fails, northd exits or is late
   * @throws IllegalStateException when port {@code k} was not added
   */
  Duration delete(int k) {
    UUID uuid = added.remove(k);
    if (uuid == null) {
      throw new IllegalStateException("churn port " + k + " was not added");
    }
    ChurnPort churn = generator.churnPort(k);
    Transaction t = nb.transaction();
    t.mutate(LogicalSwitch.TABLE, List.of(Clause.eq(LogicalSwitch.NAME, churn.switchName())))
        .delete(LogicalSwitch.PORTS, Set.of(uuid));
    t.delete(LogicalSwitchPort.TABLE, uuid);
    long start = System.nanoTime();
    commitAndWait(t, "deleting port " + churn.port().name());
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Adds ACL {@code k} ({@link PolicyGenerator#churnAcl}) to its port group.
   *
   * @return the time from sending the transaction until northd reported the Southbound synced
   * @throws BenchException when the transaction fails, northd exits or is late
   */
  Duration addAcl(int k) {
    Transaction t = nb.transaction();
    UUID acl = NbLoader.insertAcl(t, policies.churnAcl(k));
    String group = policies.churnAclPortGroup(k);
    t.mutate(PortGroup.TABLE, List.of(Clause.eq(PortGroup.NAME, group)))
        .insert(PortGroup.ACLS, Set.of(acl));
    long start = System.nanoTime();
    commitAndWait(t, "adding ACL " + k + " to " + group);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Adds VIP {@code k} ({@link PolicyGenerator#churnVip}) to its load balancer.
   *
   * @return the time from sending the transaction until northd reported the Southbound synced
   * @throws BenchException when the transaction fails, northd exits or is late
   */
  Duration addVip(int k) {
    Map.Entry<String, String> vip = policies.churnVip(k);
    String lb = policies.churnVipLoadBalancer(k);
    Transaction t = nb.transaction();
    t.mutate(LoadBalancer.TABLE, List.of(Clause.eq(LoadBalancer.NAME, lb)))
        .insert(LoadBalancer.VIPS, Map.of(vip.getKey(), vip.getValue()));
    long start = System.nanoTime();
    commitAndWait(t, "adding VIP " + vip.getKey() + " to " + lb);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Adds the nb_cfg increment to {@code t}, commits it and waits for sb_cfg to catch up. */
  private TransactionResult commitAndWait(Transaction t, String what) {
    UUID global = NbGlobal.all(nb.snapshot()).findFirst()
        .orElseThrow(() -> new BenchException(what + ": the Northbound has no NB_Global row"))
        .uuid().uuid();
    t.mutate(NbGlobal.TABLE, global).add(NbGlobal.NB_CFG, 1);
    int select = t.select(NbGlobal.TABLE, List.of(Clause.uuid(global)), NbGlobal.NB_CFG);
    TransactionResult r = Waits.get(nb.transact(t), timeout, what);
    long nbCfg = r.rows(select).get(0).get(NbGlobal.NB_CFG).asLong();
    Waits.getWhileAlive(NbCfg.awaitSb(nb, nbCfg), northd, timeout,
        what + ": waiting for sb_cfg to reach " + nbCfg);
    return r;
  }
}
