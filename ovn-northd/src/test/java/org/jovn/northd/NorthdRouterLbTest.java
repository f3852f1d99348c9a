package org.jovn.northd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.sb.AddressSet;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load balancer on a gateway router, with our northd between our Northbound and Southbound
 * databases in one JVM: the router's VIP address set is named after its datapath's tunnel key
 * and its flows refer to it by that name, the attached switch forwards ARP requests for the VIP
 * to the router, the VIP joins the router port's NAT addresses; all of it follows a change of
 * the load balancer's VIPs and goes with the load balancer.
 */
class NorthdRouterLbTest {
  @TempDir Path dir;

  @Test
  void loadBalancerOnGatewayRouter_vipSetNamedAfterTunnelKey_followsChanges() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      NorthdGatewayTest.routerOnProviderSwitch(c);
      Transaction t = c.nb.transaction();
      var lb = t.insert(LoadBalancer.TABLE).set(LoadBalancer.NAME, "web")
          .set(LoadBalancer.VIPS, Map.of("172.16.0.10:80", "10.0.0.2:80"));
      LogicalRouter lr = NorthdGatewayTest.router(c);
      t.update(LogicalRouter.TABLE, lr.uuid().uuid())
          .set(LogicalRouter.LOAD_BALANCER, Set.of(lb.uuid()))
          .set(LogicalRouter.OPTIONS, Map.of("chassis", "hv1"));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot sb = c.syncSb();

      long key = DatapathBinding.all(sb).filter(d -> "lr0".equals(d.externalIds().get("name")))
          .findFirst().orElseThrow().tunnelKey();
      String set = "_rtr_lb_" + key + "_ip4";
      assertThat(AddressSet.all(sb).filter(a -> a.name().equals(set)))
          .singleElement().satisfies(a -> assertThat(a.addresses()).containsOnly("172.16.0.10"));
      Set<String> flows = NorthdGatewayTest.flows(sb);
      assertThat(flows).contains(
          "ct.new && !ct.rel && ip4 && ip4.dst == 172.16.0.10 && tcp && tcp.dst == 80"
              + " => ct_lb_mark(backends=10.0.0.2:80);",
          "flags[1] == 0 && arp.op == 1 && arp.tpa == 172.16.0.10 => clone {outport = "
              + "\"public-lr0\"; output; }; outport = \"_MC_flood_l2\"; output;")
          .anyMatch(f -> f.startsWith("inport == \"lr0-public\" && arp.op == 1 && arp.tpa == $"
              + set + " => "))
          .noneMatch(f -> f.contains("${"));
      assertThat(PortBinding.byLogicalPort(sb, "public-lr0").orElseThrow().natAddresses())
          .containsExactlyInAnyOrder("0a:00:00:00:ff:01 172.16.0.1",
              "0a:00:00:00:ff:01 172.16.0.10");

      // A change of the load balancer's row alone reaches the set, the flows and the binding.
      Transaction edit = c.nb.transaction();
      edit.update(LoadBalancer.TABLE, LoadBalancer.all(c.nb.snapshot()).findFirst().orElseThrow()
          .uuid().uuid()).set(LoadBalancer.VIPS, Map.of("172.16.0.11:80", "10.0.0.2:80"));
      c.nb.transact(edit).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot edited = c.syncSb();
      assertThat(AddressSet.all(edited).filter(a -> a.name().equals(set)))
          .singleElement().satisfies(a -> assertThat(a.addresses()).containsOnly("172.16.0.11"));
      assertThat(NorthdGatewayTest.flows(edited)).noneMatch(f -> f.contains("172.16.0.10"))
          .anyMatch(f -> f.startsWith("ct.new && !ct.rel && ip4 && ip4.dst == 172.16.0.11 "));
      assertThat(PortBinding.byLogicalPort(edited, "public-lr0").orElseThrow().natAddresses())
          .contains("0a:00:00:00:ff:01 172.16.0.11");

      Transaction undo = c.nb.transaction();
      undo.update(LogicalRouter.TABLE, lr.uuid().uuid())
          .set(LogicalRouter.LOAD_BALANCER, Set.of());
      c.nb.transact(undo).get(10, TimeUnit.SECONDS);
      ReplicaSnapshot after = c.syncSb();
      assertThat(AddressSet.all(after).map(AddressSet::name)).doesNotContain(set);
      assertThat(NorthdGatewayTest.flows(after)).noneMatch(f -> f.contains("172.16.0.11"));
    }
  }
}
