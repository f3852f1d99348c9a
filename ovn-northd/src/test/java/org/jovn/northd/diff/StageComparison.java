package org.jovn.northd.diff;

import java.util.List;

/**
 * The flows of one stage, over every datapath, matched up between the real ovn-northd and jovn.
 *
 * @param stage the stage
 * @param table its table number (the real one when the real northd uses the stage)
 * @param identical how many flows both sides have with the same table, priority, match and
 *     actions
 * @param differences the other flows, ordered by datapath, priority (highest first) and match
 */
record StageComparison(StageId stage, int table, int identical,
    List<FlowDifference> differences) {
  StageComparison {
    differences = List.copyOf(differences);
  }

  /** How many differences are of {@code kind}. */
  long count(FlowDifference.Kind kind) {
    return differences.stream().filter(d -> d.kind() == kind).count();
  }

  /** One line: stage, table and the four counts. */
  String summary() {
    return String.format("%-24s %-7s table %2d: identical %4d, different %3d, missing %3d, "
        + "extra %3d", stage.name(), stage.pipeline(), table, identical,
        count(FlowDifference.Kind.DIFFERENT), count(FlowDifference.Kind.MISSING),
        count(FlowDifference.Kind.EXTRA));
  }
}
