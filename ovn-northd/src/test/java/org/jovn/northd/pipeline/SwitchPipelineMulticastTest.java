package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.lrp;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.port;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.routerPort;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.sw;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchPipelineMulticastTest {
  @Test
  void multicastGroups_vifsAndRouterPort_floodAllAndL2WithoutRouter() {
    List<MulticastGroup> groups = SwitchPipeline.multicastGroups(sw("sw0",
        port("vm1").addresses("0a:00:00:00:00:01"),
        routerPort("sw0-lr0", lrp("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24"))));

    assertThat(groups).containsExactly(
        new MulticastGroup("_MC_flood", 32768, List.of("sw0-lr0", "vm1")),
        new MulticastGroup("_MC_flood_l2", 32772, List.of("vm1")));
  }

  @Test
  void multicastGroups_unknownAddresses_formMcUnknownOfEnabledPorts() {
    List<MulticastGroup> groups = SwitchPipeline.multicastGroups(sw("sw0",
        port("ln").type("localnet").addresses("unknown"),
        port("off").addresses("unknown").disabled()));

    assertThat(groups).containsExactly(
        new MulticastGroup("_MC_flood", 32768, List.of("ln")),
        new MulticastGroup("_MC_unknown", 32769, List.of("ln")),
        new MulticastGroup("_MC_flood_l2", 32772, List.of("ln")));
  }

  @Test
  void multicastGroups_mcastFloodOptions_formStaticAndMrouterFlood() {
    List<MulticastGroup> groups = SwitchPipeline.multicastGroups(sw("sw0",
        port("vm1").option("mcast_flood", "true"),
        port("vm2").option("mcast_flood_reports", "TRUE")));

    assertThat(groups).extracting(MulticastGroup::name, MulticastGroup::ports).contains(
        tuple("_MC_mrouter_flood", List.of("vm2")),
        tuple("_MC_static", List.of("vm1")));
  }

  @Test
  void multicastGroups_noEnabledPort_none() {
    assertThat(SwitchPipeline.multicastGroups(sw("sw0", port("vm1").disabled()))).isEmpty();
  }

  @Test
  void multicastGroup_withoutPorts_isRejected() {
    assertThatThrownBy(() -> new MulticastGroup("_MC_flood", 32768, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("_MC_flood");
  }
}
