package org.jovn.ovsdb.bench;

import java.util.List;
import java.util.Locale;

/** Formats results as a human-readable table and as tab-separated figures. Stateless. */
final class ResultTable {
  private ResultTable() {}

  static String header(BenchOptions options) {
    return String.format(Locale.ROOT, "OVSDB benchmark against %s (OVN_Northbound.%s)%n%-12s %s",
        options.remote(), Ops.TABLE, "workload", "figures");
  }

  /** One line: workload, then each figure, then the note (or the failure). */
  static String line(WorkloadResult r) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-12s", r.workload()));
    if (!r.succeeded()) {
      return sb.append(" FAILED: ").append(r.failure()).toString();
    }
    for (Metric m : r.metrics()) {
      String value = format(m.value());
      sb.append(String.format(Locale.ROOT, " %s %s%s  ", m.name(), value,
          m.name().equals(m.unit()) ? "" : " " + m.unit()));
    }
    return sb.append(" (").append(r.note()).append(')').toString();
  }

  /**
   * Tab-separated figures, one per line: workload, metric, value, unit, {@code higher} or
   * {@code lower} (which is better). Failed workloads give one line with metric {@code FAILED}.
   */
  static String tsv(List<WorkloadResult> results) {
    StringBuilder sb = new StringBuilder();
    for (WorkloadResult r : results) {
      if (!r.succeeded()) {
        sb.append(r.workload()).append("\tFAILED\tnan\t-\t-\n");
        continue;
      }
      for (Metric m : r.metrics()) {
        sb.append(String.format(Locale.ROOT, "%s\t%s\t%.6g\t%s\t%s%n", r.workload(), m.name(),
            m.value(), m.unit(), m.higherIsBetter() ? "higher" : "lower"));
      }
    }
    return sb.toString();
  }

  /** Three significant-ish digits for small figures, thousands separators for large ones. */
  static String format(double v) {
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    } else if (a >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
