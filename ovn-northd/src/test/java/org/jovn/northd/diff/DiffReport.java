package org.jovn.northd.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one differential run and its Markdown rendering: per-stage flow comparisons,
 * judged against an allow-list, plus the stage-table, port binding and multicast group checks.
 *
 * @param title the report's heading
 * @param topology what the Northbound database holds, one sentence
 * @param stages every stage either side uses, in pipeline order
 * @param allowed the allow-list
 * @param tableConflicts stages whose table numbers disagree
 * @param portDifferences port bindings that differ, one line each
 * @param groupDifferences multicast groups that differ, one line each
 * @param portUpDifferences port bindings whose {@code up} column differs, one line each:
 *     reported, not judged
 * @param realCounts the real northd's flows, ports and groups, e.g. "512 flows, 13 ports"
 * @param ourCounts the same for jovn
 */
record DiffReport(String title, String topology, List<StageComparison> stages,
    List<Allowance> allowed, List<String> tableConflicts, List<String> portDifferences,
    List<String> groupDifferences, List<String> portUpDifferences, String realCounts,
    String ourCounts) {
  DiffReport {
    stages = List.copyOf(stages);
    allowed = List.copyOf(allowed);
    tableConflicts = List.copyOf(tableConflicts);
    portDifferences = List.copyOf(portDifferences);
    groupDifferences = List.copyOf(groupDifferences);
    portUpDifferences = List.copyOf(portUpDifferences);
  }

  /** The allow-list entry that accepts {@code d}, a flow of {@code stage}, if any. */
  Optional<Allowance> allowance(StageId stage, FlowDifference d) {
    return allowed.stream().filter(a -> a.covers(stage, d)).findFirst();
  }

  /** Flow differences no allow-list entry accepts, one line each. */
  List<String> unexplained() {
    List<String> lines = new ArrayList<>();
    for (StageComparison s : stages) {
      for (FlowDifference d : s.differences()) {
        if (allowance(s.stage(), d).isEmpty()) {
          lines.add(s.stage().name() + ": " + d);
        }
      }
    }
    return lines;
  }

  /** Allow-list entries that accept no difference of this run: gaps since closed. */
  List<Allowance> stale() {
    return allowed.stream().filter(a -> stages.stream().noneMatch(s -> s.differences().stream()
        .anyMatch(d -> a.covers(s.stage(), d)))).toList();
  }

  /** One line per stage, then the totals. */
  List<String> summaryLines() {
    List<String> lines = new ArrayList<>(stages.stream().map(StageComparison::summary).toList());
    lines.add(String.format("total: identical %d, different %d, missing %d, extra %d "
        + "(%d not on the allow-list); port bindings differing %d, multicast groups differing %d, "
        + "port binding up differing %d",
        stages.stream().mapToInt(StageComparison::identical).sum(),
        total(FlowDifference.Kind.DIFFERENT), total(FlowDifference.Kind.MISSING),
        total(FlowDifference.Kind.EXTRA), unexplained().size(), portDifferences.size(),
        groupDifferences.size(), portUpDifferences.size()));
    return lines;
  }

  private long total(FlowDifference.Kind kind) {
    return stages.stream().mapToLong(s -> s.count(kind)).sum();
  }

  /** The whole report as Markdown. */
  String markdown() {
    StringBuilder b = new StringBuilder("# ").append(title).append("\n\n");
    b.append(topology).append("\n\n");
    b.append("- real ovn-northd: ").append(realCounts).append('\n');
    b.append("- jovn northd: ").append(ourCounts).append("\n\n");
    b.append("Flows of datapath groups count once per datapath. A flow is *identical* when ")
        .append("datapath, stage, table, priority, match and actions are equal, *different* ")
        .append("when only the actions differ, *missing* when only the real northd has its ")
        .append("datapath, stage, priority and match, *extra* when only jovn has them.\n\n");
    b.append("## Logical flows per stage\n\n");
    b.append("| stage | pipeline | table | identical | different | missing | extra |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (StageComparison s : stages) {
      b.append(String.format("| %s | %s | %d | %d | %d | %d | %d |%n", s.stage().name(),
          s.stage().pipeline(), s.table(), s.identical(), s.count(FlowDifference.Kind.DIFFERENT),
          s.count(FlowDifference.Kind.MISSING), s.count(FlowDifference.Kind.EXTRA)));
    }
    section(b, "Stage tables", tableConflicts, "Every stage has the same table on both sides.");
    section(b, "Port_Binding (datapath, type, options, mac, port_security)", portDifferences,
        "Identical.");
    section(b, "Multicast_Group (tunnel_key, members)", groupDifferences, "Identical.");
    section(b, "Port_Binding up (ovn-controller sets it to true only"
        + " where northd has initialised it)", portUpDifferences, "Identical.");
    section(b, "Allow-list", allowed.stream().map(Allowance::toString).toList(), "Empty.");
    b.append("\n## Differing flows\n");
    for (StageComparison s : stages) {
      if (!s.differences().isEmpty()) {
        b.append("\n### ").append(s.stage().name()).append(" (").append(s.stage().pipeline())
            .append(", table ").append(s.table()).append(")\n\n");
        s.differences().forEach(d -> flow(b, s.stage(), d));
      }
    }
    return b.toString();
  }

  private static void section(StringBuilder b, String heading, List<String> lines,
      String whenEmpty) {
    b.append("\n## ").append(heading).append("\n\n");
    if (lines.isEmpty()) {
      b.append(whenEmpty).append('\n');
    }
    lines.forEach(l -> b.append("- ").append(l).append('\n'));
  }

  private void flow(StringBuilder b, StageId stage, FlowDifference d) {
    b.append("- **").append(d.kind().word()).append("** ").append(d.datapath())
        .append(", priority ").append(d.priority()).append(", match `").append(d.match())
        .append("`\n");
    if (d.realActions() != null) {
      b.append("  - real: `").append(d.realActions()).append("`\n");
    }
    if (d.ourActions() != null) {
      b.append("  - ours: `").append(d.ourActions()).append("`\n");
    }
    allowance(stage, d).ifPresent(a -> b.append("  - allowed: ").append(a.reason()).append('\n'));
  }
}
