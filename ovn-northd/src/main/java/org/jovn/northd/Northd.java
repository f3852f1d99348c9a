package org.jovn.northd;

import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.sb.SouthboundPlan;
import org.jovn.northd.sb.SouthboundWriter;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovn.sb.Chassis;
import org.jovn.ovn.sb.ChassisPrivate;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.MulticastGroup;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovn.sb.SbGlobal;
import org.jovn.ovsdb.client.ConnectionState;
import org.jovn.ovsdb.client.LockState;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.client.TransactionResult;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The northd daemon: keeps a replica of the Northbound and of the Southbound tables it owns,
 * competes for the Southbound lock {@code ovn_northd} (one active instance, the others on
 * standby, as ovn-northd), and while active brings the Southbound in line with the Northbound
 * after every change.
 *
 * <p><b>Threading.</b> All work runs on one thread, {@code northd}: replica listeners and lock
 * changes only schedule a run. A run sends at most one transaction and runs again when it
 * completes, so changes that arrive meanwhile are folded into the next run. Each run recomputes
 * the flows of only the switches and routers whose input changed ({@link IncrementalFlows}) and
 * writes only the differences ({@link SouthboundWriter}).
 *
 * <p><b>Order of writes.</b> (1) Northbound fixes the flows depend on (NB_Global options,
 * dynamic addresses); (2) the Southbound, in as many transactions as it takes, the last one
 * also setting {@code SB_Global.nb_cfg}; (3) Northbound status: {@code sb_cfg},
 * {@code hv_cfg}, {@code Logical_Switch_Port.up}.
 */
public final class Northd implements AutoCloseable {
  /** The Southbound lock ovn-northd instances compete for. */
  public static final String LOCK = "ovn_northd";
  private static final Logger LOG = LoggerFactory.getLogger(Northd.class);
  /** About 16 MB of JSON: under the 32 MiB message limit servers (ours included) apply. */
  private static final int MAX_OPS_PER_TRANSACTION = 40_000;

  private final OvsdbClient nb;
  private final OvsdbClient sb;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final IncrementalFlows flows = new IncrementalFlows();
  private final SouthboundWriter writer = new SouthboundWriter(LOCK, MAX_OPS_PER_TRANSACTION);
  private final RandomGenerator random;
  private final InstantSource clock;
  private volatile boolean paused;
  private volatile boolean active;
  private volatile boolean closed;
  private boolean inFlight;
  private final NorthdStats stats = new NorthdStats();
  private final NorthboundInputs.Cache inputCache = new NorthboundInputs.Cache();
  /** The tables {@link NorthboundUpdates#beforeFlows} reads, as they were when it had no work. */
  private TableVersions beforeFlowsClean = TableVersions.NONE;
  /** The tables {@link NorthboundUpdates#afterFlows} reads, as they were when it had no work. */
  private TableVersions afterFlowsClean = TableVersions.NONE;
  private final DynamicPorts dynamicPorts = new DynamicPorts();
  private final PortUpStates portsUp = new PortUpStates();
  /**
   * The replica versions ({@link ReplicaSnapshot#seqno()}) at which the Southbound was last
   * known to match the Northbound: while both replicas are still at these versions there is
   * nothing to compute. After northd's own commits the versions move on by exactly the commit,
   * which northd accounts for, so the pass that would only confirm its own work is skipped.
   */
  private long cleanNbSeqno = -1;
  private long cleanSbSeqno = -1;

  private Northd(NorthdConfig config, RandomGenerator random, InstantSource clock) {
    this.random = random;
    this.clock = clock;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "northd");
      t.setDaemon(true);
      return t;
    });
    nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb"))
        .remotes(config.nbRemotes().toArray(String[]::new)).rpcOptions(
            RpcOptions.defaults().withMessageLimits(1 << 30, 1000)).monitorAll().build();
    // Whole-table replies (the first monitor reply, the Logical_Flow select) grow with the
    // deployment: allow messages of up to 1 GiB.
    RpcOptions large = RpcOptions.defaults().withMessageLimits(1 << 30, 1000);
    sb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-sb"))
        .remotes(config.sbRemotes().toArray(String[]::new)).rpcOptions(large)
        .monitor(SbGlobal.TABLE).monitor(DatapathBinding.TABLE).monitor(PortBinding.TABLE)
        .monitor(MulticastGroup.TABLE)
        .monitor(org.jovn.ovn.sb.AddressSet.TABLE).monitor(org.jovn.ovn.sb.PortGroup.TABLE)
        .monitor(org.jovn.ovn.sb.Meter.TABLE).monitor(org.jovn.ovn.sb.MeterBand.TABLE)
        .monitor(org.jovn.ovn.sb.DhcpOptions.TABLE).monitor(org.jovn.ovn.sb.Dhcpv6Options.TABLE)
        .monitor(org.jovn.ovn.sb.Dns.TABLE)
        .monitor(org.jovn.ovn.sb.LoadBalancer.TABLE)
        .monitor(org.jovn.ovn.sb.ServiceMonitor.TABLE)
        .monitor(org.jovn.ovn.sb.LogicalDpGroup.TABLE)
        .monitor(org.jovn.ovn.sb.HaChassisGroup.TABLE)
        .monitor(org.jovn.ovn.sb.MacBinding.TABLE)
        .monitor(org.jovn.ovn.sb.HaChassis.TABLE)
        .monitor(ChassisPrivate.TABLE).monitor(Chassis.TABLE, Chassis.NAME, Chassis.OTHER_CONFIG)
        .build();
  }

  /**
   * Starts northd: connects to both databases (retrying until they answer) and asks for the
   * lock. Returns at once.
   */
  public static Northd start(NorthdConfig config) {
    return start(config, RandomGenerator.getDefault(), InstantSource.system());
  }

  static Northd start(NorthdConfig config, RandomGenerator random, InstantSource clock) {
    Northd n = new Northd(config, random, clock);
    n.nb.addListener(events -> n.schedule());
    n.sb.addListener(events -> n.schedule());
    n.nb.addConnectionListener((state, remote) -> n.schedule());
    n.sb.addConnectionListener((state, remote) -> n.schedule());
    n.sb.lock(LOCK, (lock, state) -> n.lockChanged(state));
    n.nb.connect();
    n.sb.connect();
    return n;
  }

  /** "active", "standby" or "paused", as {@code ovn-appctl status} words it. */
  public String status() {
    return paused ? "paused" : active ? "active" : "standby";
  }

  /** Stops writing (the lock is kept); {@link #resume()} starts again. */
  public void pause() {
    paused = true;
    sb.unlock(LOCK);
    schedule();
  }

  /** Undoes {@link #pause()}. */
  public void resume() {
    paused = false;
    sb.lock(LOCK, (lock, state) -> lockChanged(state));
    schedule();
  }

  /** Whether paused. */
  public boolean isPaused() {
    return paused;
  }

  /** Counters for the control socket and benchmarks. */
  public NorthdStats stats() {
    return stats;
  }

  private void lockChanged(LockState state) {
    boolean now = state == LockState.ACQUIRED && !paused;
    if (now != active) {
      LOG.info("{}", now ? "This ovn-northd instance is now active."
          : "This ovn-northd instance is now on standby.");
    }
    active = now;
    schedule();
  }

  private void schedule() {
    if (!closed && queued.compareAndSet(false, true)) {
      thread.execute(this::run);
    }
  }

  private void run() {
    queued.set(false);
    if (closed || inFlight) {
      return;
    }
    if (!active || paused) {
      forget();
      return;
    }
    if (nb.state() != ConnectionState.SYNCED || sb.state() != ConnectionState.SYNCED) {
      forget();
      return;
    }
    try {
      step();
    } catch (RuntimeException e) {
      LOG.error("northd run failed; retrying in 1 s", e);
      forget();
      thread.schedule(this::schedule, 1, TimeUnit.SECONDS);
    }
  }

  private void step() {
    ReplicaSnapshot nbs = nb.snapshot();
    ReplicaSnapshot sbs = sb.snapshot();
    if (nbs.seqno() == cleanNbSeqno && sbs.seqno() == cleanSbSeqno) {
      sendStatus(nbs, sbs);
      return;
    }
    TableVersions beforeTables = TableVersions.of(nbs, "NB_Global", "Logical_Switch",
        "Logical_Switch_Port", "Logical_Router_Port");
    if (!beforeTables.same(beforeFlowsClean)) {
      Optional<Transaction> fix = NorthboundUpdates.beforeFlows(nbs, random, dynamicPorts);
      if (fix.isPresent()) {
        send(nb, fix.get(), r -> false, false);
        return;
      }
      beforeFlowsClean = beforeTables;
    }
    if (writer.needsFlowTable()) {
      // A first pass also needs the Southbound's logical flows: ask for them, and compute the
      // flows while they come (the next pass finds them computed).
      send(sb, writer.flowTableQuery(sbs), r -> {
        writer.loadFlowTable(r, sb.snapshot());
        return false;
      }, true);
      long started = System.nanoTime();
      stats.computed(flows.compute(NorthboundInputs.read(nbs, sbs, inputCache)).recomputed(),
          System.nanoTime() - started);
      return;
    }
    long started = System.nanoTime();
    NorthboundInputs inputs = NorthboundInputs.read(nbs, sbs, inputCache);
    IncrementalFlows.Result result = flows.compute(inputs);
    NbGlobal g = NbGlobal.all(nbs).findFirst().orElseThrow();
    SouthboundPlan plan = new SouthboundPlan(nbs, inputs, result.flows(), result.groups(),
        NorthboundUpdates.globalOptions(g.options(), random), g.nbCfg());
    Optional<SouthboundWriter.Step> next = writer.next(plan, sbs);
    stats.computed(result.recomputed(), System.nanoTime() - started);
    LOG.debug("computed {} datapaths in {} ms", result.recomputed(),
        (System.nanoTime() - started) / 1_000_000);
    if (next.isPresent()) {
      SouthboundWriter.Step s = next.get();
      send(sb, s.transaction(), r -> {
        s.onCommit().accept(r);
        stats.committed(writer.flowCount());
        ReplicaSnapshot nbNow = nb.snapshot();
        ReplicaSnapshot sbNow = sb.snapshot();
        if (s.completesPlan() && nbNow.seqno() == nbs.seqno()
            && sbNow.seqno() == sbs.seqno() + (s.changesMonitored() ? 1 : 0)) {
          markClean(nbNow, sbNow);
        }
        // The plan is in: report sb_cfg at once rather than after another full pass.
        return s.completesPlan() && sendStatus(nbNow, sbNow);
      }, true);
      return;
    }
    markClean(nbs, sbs);
    sendStatus(nbs, sbs);
  }

  private void markClean(ReplicaSnapshot nbs, ReplicaSnapshot sbs) {
    cleanNbSeqno = nbs.seqno();
    cleanSbSeqno = sbs.seqno();
  }

  /** Sends the Northbound status update if one is due; true if it sent one. */
  private boolean sendStatus(ReplicaSnapshot nbs, ReplicaSnapshot sbs) {
    TableVersions afterTables = TableVersions.of(nbs, "NB_Global", "Logical_Switch_Port")
        .and(TableVersions.of(sbs, "SB_Global", "Port_Binding", "Chassis_Private", "Chassis"));
    if (afterTables.same(afterFlowsClean)) {
      return false;
    }
    Optional<Transaction> status = NorthboundUpdates.afterFlows(nbs, sbs, clock, portsUp);
    if (status.isPresent()) {
      boolean wasClean = nbs.seqno() == cleanNbSeqno;
      send(nb, status.get(), r -> {
        // Status columns (sb_cfg, hv_cfg, up) change no flow: still clean if nothing else came.
        if (wasClean && nb.snapshot().seqno() == nbs.seqno() + 1) {
          cleanNbSeqno = nbs.seqno() + 1;
        }
        return false;
      }, false);
      return true;
    }
    afterFlowsClean = afterTables;
    return false;
  }

  /** Forgets what northd believes both databases hold; the next run checks everything. */
  private void forget() {
    writer.reset();
    cleanNbSeqno = -1;
    cleanSbSeqno = -1;
    beforeFlowsClean = TableVersions.NONE;
    afterFlowsClean = TableVersions.NONE;
    portsUp.reset();
  }

  /**
   * Sends a transaction; once it commits, runs {@code onCommit}, which returns true if it sent
   * another transaction itself (otherwise a run is scheduled).
   */
  private void send(OvsdbClient client, Transaction t,
      java.util.function.Predicate<TransactionResult> onCommit, boolean southbound) {
    inFlight = true;
    long sent = System.nanoTime();
    int ops = t.size();
    client.transact(t).whenCompleteAsync((r, e) -> {
      inFlight = false;
      LOG.debug("{} transaction of {} operations: {} ms", southbound ? "SB" : "NB", ops,
          (System.nanoTime() - sent) / 1_000_000);
      if (e != null) {
        LOG.warn("{} transaction failed: {}", southbound ? "Southbound" : "Northbound",
            e.getMessage());
        if (southbound) {
          forget();
        } else {
          portsUp.reset();
        }
        thread.schedule(this::schedule, 200, TimeUnit.MILLISECONDS);
        return;
      }
      if (!onCommit.test(r)) {
        schedule();
      }
    }, thread);
  }

  @Override
  public void close() {
    closed = true;
    thread.shutdown();
    nb.close();
    sb.close();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
