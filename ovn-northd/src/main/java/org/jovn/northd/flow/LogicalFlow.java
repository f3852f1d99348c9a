package org.jovn.northd.flow;

import java.util.Objects;

/**
 * One logical flow of one datapath, as northd computes it: the stage (which fixes the pipeline
 * and table), the priority, the match and the actions in OVN's logical flow language
 * (ovn-sb(5), ovn-logical-flows). The datapath is implied by who holds the flow.
 *
 * <p>Equality covers every field: two flows that differ only in {@code inOutPort} are different
 * rows in the Southbound database.
 *
 * @param stage the stage
 * @param priority 0 to 65535
 * @param match the match expression, e.g. {@code eth.dst == 0a:00:00:00:00:01}
 * @param actions the actions, e.g. {@code outport = "vm1"; output;}
 * @param inOutPort the logical port the flow is about, or null; written to
 *     {@code tags:in_out_port} so ovn-controller may skip flows of ports it does not host
 */
public record LogicalFlow(Stage stage, int priority, String match, String actions,
    String inOutPort) {
  public LogicalFlow {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(actions, "actions");
    if (priority < 0 || priority > 65535) {
      throw new IllegalArgumentException("priority " + priority + " is out of range [0, 65535]");
    }
  }

  /** A flow about no port in particular. */
  public LogicalFlow(Stage stage, int priority, String match, String actions) {
    this(stage, priority, match, actions, null);
  }

  @Override
  public String toString() {
    return String.format("table=%d(%s), priority=%d, match=(%s), action=(%s)", stage.table(),
        stage.stageName(), priority, match, actions);
  }
}
