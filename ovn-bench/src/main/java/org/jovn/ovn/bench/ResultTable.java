package org.jovn.ovn.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prints the trials of one size side by side, one row per figure. With two trials a last column
 * gives first / second for times and memory (real / ours: above 1 means the second is faster or
 * smaller); Southbound row counts get no ratio. Stateless.
 */
final class ResultTable {
  private static final String ROW = "%-34s";
  private static final String CELL = " %12s";

  private ResultTable() {}

  static void print(PrintStream out, Topology topology, Policies policies,
      BenchSettings settings, List<TrialResult> trials) {
    TopologySize size = topology.size();
    out.printf("%n== %s: %,d NB rows (%,d switch ports, %,d router ports, %,d static routes%s)%n",
        size, topology.rowCount() + policies.rowCount(), topology.switchPortCount(),
        topology.routerPortCount(), topology.routeCount(), policyCounts(policies));
    out.printf(ROW, "");
    trials.forEach(t -> out.printf(CELL, t.label()));
    if (trials.size() == 2) {
      out.printf(CELL, trials.get(0).label() + "/" + trials.get(1).label());
    }
    out.println();
    timed(out, "start -> SB synced (s)", trials, t -> t.initialSync(), 1e3);
    String k = " (ms, " + settings.changes() + ")";
    timed(out, "port add -> SB, median" + k, trials, t -> q(t.adds(), 0.5), 1);
    timed(out, "port add -> SB, p90" + k, trials, t -> q(t.adds(), 0.9), 1);
    timed(out, "port delete -> SB, median" + k, trials, t -> q(t.deletes(), 0.5), 1);
    timed(out, "port delete -> SB, p90" + k, trials, t -> q(t.deletes(), 0.9), 1);
    if (trials.stream().anyMatch(t -> !t.aclAdds().isEmpty())) {
      timed(out, "ACL add -> SB, median" + k, trials, t -> q(t.aclAdds(), 0.5), 1);
      timed(out, "ACL add -> SB, p90" + k, trials, t -> q(t.aclAdds(), 0.9), 1);
    }
    if (trials.stream().anyMatch(t -> !t.vipAdds().isEmpty())) {
      timed(out, "VIP add -> SB, median" + k, trials, t -> q(t.vipAdds(), 0.5), 1);
      timed(out, "VIP add -> SB, p90" + k, trials, t -> q(t.vipAdds(), 0.9), 1);
    }
    figure(out, "resident memory (MiB)", trials,
        t -> t.memory().map(m -> m.rssKib() / 1024.0), true);
    figure(out, "peak resident memory (MiB)", trials,
        t -> t.memory().map(m -> m.peakRssKib() / 1024.0), true);
    figure(out, "SB Logical_Flow rows", trials,
        t -> t.sbCounts().map(c -> (double) c.logicalFlows()), false);
    figure(out, "SB Port_Binding rows", trials,
        t -> t.sbCounts().map(c -> (double) c.portBindings()), false);
    figure(out, "SB Datapath_Binding rows", trials,
        t -> t.sbCounts().map(c -> (double) c.datapaths()), false);
    for (TrialResult t : trials) {
      t.failure().ifPresent(f -> out.printf("%n%s FAILED: %s%n", t.label(), f));
    }
    out.flush();
  }

  private static String policyCounts(Policies policies) {
    if (policies.switches().isEmpty() && policies.routers().isEmpty()) {
      return "";
    }
    return String.format(", %,d ACLs, %,d VIPs, %,d NAT rules", policies.aclCount(),
        policies.vipCount(), policies.natCount());
  }

  private static Optional<Duration> q(List<Duration> samples, double quantile) {
    return TrialResult.quantile(samples, quantile);
  }

  /** A time row, shown in milliseconds divided by {@code unitMillis}. */
  private static void timed(PrintStream out, String name, List<TrialResult> trials,
      Function<TrialResult, Optional<Duration>> value, double unitMillis) {
    figure(out, name, trials,
        t -> value.apply(t).map(d -> d.toNanos() / 1e6 / unitMillis), true);
  }

  private static void figure(PrintStream out, String name, List<TrialResult> trials,
      Function<TrialResult, Optional<Double>> value, boolean ratio) {
    out.printf(ROW, name);
    List<Optional<Double>> values = trials.stream().map(value).toList();
    values.forEach(v -> out.printf(CELL, v.map(ResultTable::format).orElse("n/a")));
    if (ratio && values.size() == 2) {
      Optional<Double> a = values.get(0);
      Optional<Double> b = values.get(1);
      out.printf(CELL, a.isPresent() && b.isPresent() && b.get() > 0
          ? String.format("%.2fx", a.get() / b.get()) : "n/a");
    }
    out.println();
  }

  private static String format(double v) {
    if (v == Math.rint(v)) {
      return String.format("%,.0f", v);
    }
    return v >= 100 ? String.format("%.0f", v) : String.format("%.3g", v);
  }
}
