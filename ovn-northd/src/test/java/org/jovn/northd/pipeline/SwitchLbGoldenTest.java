package org.jovn.northd.pipeline;

import static org.jovn.northd.pipeline.RouterPipelineTest.lines;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.jovn.northd.GoldenNorthbound;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.model.RouterInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switch load balancers against the real ovn-northd 23.03.1: the Northbound database the real
 * ovn-nbctl built (golden resource {@code switch-lb.nb.db}) is read as northd reads it, and
 * every switch's and router's flows must equal what the real ovn-northd wrote for it.
 */
class SwitchLbGoldenTest {
  @TempDir Path dir;

  /**
   * swA: VIPs with and without a port, TCP, UDP over IPv6 and SCTP, {@code selection_fields};
   * swB: a load balancer group (a rejecting and a dropping VIP without backends, affinity with
   * and without ports) next to a direct load balancer and stateful ACLs; swC: a load balancer
   * without VIPs (no load balancing); swD: a load balancer on a switch with a localnet port.
   */
  @Test
  void flows_switchLoadBalancers_equalRealNorthd() throws Exception {
    NorthboundInputs in = NorthboundInputs.read(GoldenNorthbound.snapshot(dir, "switch-lb"));
    String file = "switch-lb.txt";
    SoftAssertions softly = new SoftAssertions();
    SwitchPipelineFixtures.softlyMatchSwitches(softly, in, file);
    for (RouterInput lr : in.routers().values()) {
      List<String> golden = GoldenNorthbound.flowsOf(file, lr.name());
      softly.assertThat(lines(RouterPipeline.flows(lr))).as("router %s", lr.name())
          .containsExactlyInAnyOrderElementsOf(golden);
    }
    softly.assertAll();
  }
}
