package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.lrp;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.port;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.routerPort;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.sw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.flow.Stage;
import org.jovn.northd.model.SwitchInput;
import org.junit.jupiter.api.Test;

class SwitchPipelineTest {
  private static SwitchInput sample() {
    return sw("sw0",
        port("vm1").addresses("0a:00:00:00:00:01 10.0.0.1 fd00::1"),
        port("vm2").addresses("unknown"),
        port("ln").type("localnet").addresses("unknown"),
        routerPort("sw0-lr0", lrp("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24")));
  }

  @Test
  void flows_anySwitch_coverEverySwitchStageAndNoOther() {
    List<Stage> switchStages = Arrays.stream(Stage.values()).filter(Stage::logicalSwitch).toList();

    assertThat(SwitchPipeline.flows(sw("empty")).stream().map(LogicalFlow::stage).distinct())
        .containsExactlyInAnyOrderElementsOf(switchStages);
    assertThat(SwitchPipeline.flows(sample())).allMatch(f -> f.stage().logicalSwitch());
  }

  @Test
  void flows_anySwitch_inLflowListOrder() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sample());
    List<LogicalFlow> shuffled = new ArrayList<>(flows);
    Collections.reverse(shuffled);
    shuffled.sort(SwitchPipeline.LFLOW_LIST_ORDER);

    assertThat(flows).isEqualTo(shuffled);
    assertThat(flows.get(0).stage()).isEqualTo(Stage.LS_IN_CHECK_PORT_SEC);
    assertThat(flows.get(flows.size() - 1).stage()).isEqualTo(Stage.LS_OUT_APPLY_PORT_SEC);
  }

  @Test
  void flows_equalInputs_equalFlows() {
    assertThat(SwitchPipeline.flows(sample())).isEqualTo(SwitchPipeline.flows(sample()));
  }

  @Test
  void flows_anySwitch_noDuplicateRows() {
    List<LogicalFlow> flows = SwitchPipeline.flows(sample());

    assertThat(flows.stream().map(f -> List.of(f.stage(), f.priority(), f.match(), f.actions())))
        .doesNotHaveDuplicates();
  }
}
