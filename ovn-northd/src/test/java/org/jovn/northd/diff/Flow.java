package org.jovn.northd.diff;

import java.util.Objects;

/**
 * One logical flow of one datapath as a Southbound database holds it (a flow of a datapath group
 * counts once per datapath of the group).
 *
 * @param datapath the datapath's name ({@code Datapath_Binding external_ids:name})
 * @param pipeline "ingress" or "egress"
 * @param stage {@code external_ids:stage-name}, e.g. {@code ls_in_l2_lkup}
 * @param table {@code table_id}
 * @param priority {@code priority}
 * @param match {@code match}, as written
 * @param actions {@code actions}, as written
 */
record Flow(String datapath, String pipeline, String stage, int table, int priority, String match,
    String actions) {
  Flow {
    Objects.requireNonNull(datapath, "datapath");
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(actions, "actions");
  }

  /** The stage this flow belongs to. */
  StageId stageId() {
    return new StageId(pipeline, stage);
  }
}
