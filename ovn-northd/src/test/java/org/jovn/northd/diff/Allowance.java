package org.jovn.northd.diff;

import java.util.Objects;

/**
 * An entry of the differential test's allow-list: flow differences that are known and accepted
 * for now, with the reason.
 *
 * @param stage the stage name, e.g. {@code lr_in_ip_input}
 * @param kind the kind of difference accepted
 * @param matchContains a substring of the flow's match; empty for every flow of the stage
 * @param reason why the difference is acceptable
 */
record Allowance(String stage, FlowDifference.Kind kind, String matchContains, String reason) {
  Allowance {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(matchContains, "matchContains");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("allow-list entry for " + stage + " needs a reason");
    }
  }

  /** Whether this entry accepts {@code difference}, a flow of {@code stage}. */
  boolean covers(StageId stageOfFlow, FlowDifference difference) {
    return stage.equals(stageOfFlow.name()) && kind == difference.kind()
        && difference.match().contains(matchContains);
  }

  @Override
  public String toString() {
    return kind.word() + " " + stage + (matchContains.isEmpty() ? "" : " [" + matchContains + "]")
        + ": " + reason;
  }
}
