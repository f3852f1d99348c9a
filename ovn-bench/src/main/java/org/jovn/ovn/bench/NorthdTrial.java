package org.jovn.ovn.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovsdb.client.NbCfg;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.schema.DatabaseSchema;

/**
 * One northd on one topology, from scratch: fresh databases, the topology loaded, nb_cfg set,
 * then northd started and timed until {@code sb_cfg} reaches {@code nb_cfg}; the Southbound's
 * rows counted; warm-up and then measured port adds and deletes ({@link PortChurn}), then ACL adds and
 * VIP adds when the topology has ACLs or VIPs; finally northd's resident memory. Everything is stopped before {@link #run} returns.
 */
final class NorthdTrial {
  private final Implementation implementation;
  private final TopologyGenerator generator;
  private final Topology topology;
  private final PolicyGenerator policyGenerator;
  private final Policies policies;
  private final BenchTools tools;
  private final BenchSettings settings;
  private final PrintStream progress;

  NorthdTrial(Implementation implementation, TopologyGenerator generator, Topology topology,
      PolicyGenerator policyGenerator, Policies policies, BenchTools tools,
      BenchSettings settings, PrintStream progress) {
    this.implementation = implementation;
    this.generator = generator;
    this.topology = topology;
    this.policyGenerator = policyGenerator;
    this.policies = policies;
    this.tools = tools;
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs the trial with its files in {@code dir}; never throws for a failed step. */
  TrialResult run(Path dir) {
    TrialResult result = new TrialResult(implementation.label());
    try (DatabaseServers dbs = DatabaseServers.start(dir, tools, settings.timeout());
        OvsdbClient nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb"))
            .remotes(dbs.nbRemote())
            .monitor(NbGlobal.TABLE, NbGlobal.NB_CFG, NbGlobal.SB_CFG, NbGlobal.HV_CFG)
            .build()) {
      Waits.get(nb.connect(), settings.timeout(), "connecting to the Northbound");
      say("loading %,d Northbound rows", topology.rowCount() + policies.rowCount());
      NbLoader.load(nb, topology, policies, settings.rowsPerTransaction(), settings.timeout());
      long nbCfg = Waits.get(NbCfg.increment(nb), settings.timeout(), "setting nb_cfg");
      measure(dbs, nb, nbCfg, dir, result);
    } catch (BenchException e) {
      result.failure(e.getMessage() + "\n" + implementation.label() + " northd's log ends with:\n"
          + ManagedProcess.tail(Implementation.logFile(dir), 20) + "\nand its output with:\n"
          + ManagedProcess.tail(dir.resolve("northd.out"), 20));
    }
    return result;
  }

  private void measure(DatabaseServers dbs, OvsdbClient nb, long nbCfg, Path dir,
      TrialResult result) {
    say("starting northd, waiting for sb_cfg to reach nb_cfg %d", nbCfg);
    long start = System.nanoTime();
    try (ManagedProcess northd = ManagedProcess.start(implementation.label() + " northd",
        implementation.commandLine(dbs.nbRemote(), dbs.sbRemote(), dir),
        dir.resolve("northd.out"))) {
      Waits.getWhileAlive(NbCfg.awaitSb(nb, nbCfg), northd, settings.timeout(),
          "initial sync of " + implementation.label() + " northd");
      result.initialSync(Duration.ofNanos(System.nanoTime() - start));
      say("synced in %s", Waits.seconds(result.initialSync().orElseThrow()));
      result.sbCounts(SbCounts.read(dbs.sbRemote(), settings.timeout()));
      PortChurn churn = new PortChurn(nb, generator, policyGenerator, northd,
          settings.timeout());
      int warmup = settings.warmupChanges();
      for (int k = 0; k < warmup; k++) {
        churn.add(k);
        churn.delete(k);
      }
      say("%d port adds, then %d port deletes", settings.changes(), settings.changes());
      for (int k = warmup; k < warmup + settings.changes(); k++) {
        result.add(churn.add(k));
      }
      for (int k = warmup; k < warmup + settings.changes(); k++) {
        result.delete(churn.delete(k));
      }
      policyChanges(churn, result);
      result.memory(ProcessMemory.of(northd.pid(Implementation.pidfile(dir))));
    }
  }

  /** ACL adds when the topology has ACLs, VIP adds when it has VIPs; warm-up ones first. */
  private void policyChanges(PortChurn churn, TrialResult result) {
    int warmup = settings.warmupChanges();
    int total = warmup + settings.changes();
    if (policyGenerator.policySize().acls() > 0) {
      say("%d ACL adds", settings.changes());
      for (int k = 0; k < total; k++) {
        Duration d = churn.addAcl(k);
        if (k >= warmup) {
          result.aclAdd(d);
        }
      }
    }
    if (policyGenerator.policySize().vips() > 0) {
      say("%d VIP adds", settings.changes());
      for (int k = 0; k < total; k++) {
        Duration d = churn.addVip(k);
        if (k >= warmup) {
          result.vipAdd(d);
        }
      }
    }
  }

  private void say(String format, Object... args) {
    progress.printf("[%s] %s%n", implementation.label(), String.format(format, args));
    progress.flush();
  }
}
