package org.jovn.northd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LoadBalancerHealthCheck;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovn.sb.ServiceMonitor;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load balancer health checks with our northd between our Northbound and Southbound databases
 * in one JVM, the test playing ovn-controller: northd creates a {@code Service_Monitor} row per
 * mapped backend, answers ARP for the monitors' source IP, and balances only to backends whose
 * status is not {@code offline} or {@code error}. It leaves the status to ovn-controller, but
 * for turning {@code online} into {@code offline} while the backend's port is not up, as
 * ovn-northd does.
 */
class NorthdHealthCheckTest {
  private static final String LB_MATCH = "ct.new && ip4.dst == 10.0.0.10 && tcp.dst == 80 => ";

  @TempDir Path dir;

  @Test
  void healthCheck_statusOfflineAndOnline_backendLeavesAndReturns_statusLeftAlone()
      throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      NorthdTest.addSwitch(c, "sw0", "vm1", "0a:00:00:00:00:01 10.0.0.2",
          "vm2", "0a:00:00:00:00:02 10.0.0.3");
      Transaction t = c.nb.transaction();
      var hc = t.insert(LoadBalancerHealthCheck.TABLE)
          .set(LoadBalancerHealthCheck.VIP, "10.0.0.10:80")
          .set(LoadBalancerHealthCheck.OPTIONS, Map.of("interval", "5", "failure_count", "3"));
      var lb = t.insert(LoadBalancer.TABLE).set(LoadBalancer.NAME, "web")
          .set(LoadBalancer.VIPS, Map.of("10.0.0.10:80", "10.0.0.2:80,10.0.0.3:80"))
          .set(LoadBalancer.PROTOCOL, Optional.of("tcp"))
          .set(LoadBalancer.HEALTH_CHECK, Set.of(hc.uuid()))
          .set(LoadBalancer.IP_PORT_MAPPINGS,
              Map.of("10.0.0.2", "vm1:10.0.0.254", "10.0.0.3", "vm2:10.0.0.254"));
      t.mutate(LogicalSwitch.TABLE, LogicalSwitch.all(c.nb.snapshot()).findFirst()
          .orElseThrow().uuid().uuid()).insert(LogicalSwitch.LOAD_BALANCER, Set.of(lb.uuid()));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);

      ReplicaSnapshot sb = c.syncSb();
      String mac = NbGlobal.all(c.nb.snapshot()).findFirst().orElseThrow().options()
          .get("svc_monitor_mac");
      assertThat(ServiceMonitor.all(sb)).hasSize(2).allSatisfy(m -> {
        assertThat(m.protocol()).contains("tcp");
        assertThat(m.port()).isEqualTo(80);
        assertThat(m.srcIp()).isEqualTo("10.0.0.254");
        assertThat(m.srcMac()).isEqualTo(mac);
        assertThat(m.options()).isEqualTo(Map.of("interval", "5", "failure_count", "3"));
        assertThat(m.status()).isEmpty();
      });
      assertThat(NorthdGatewayTest.flows(sb))
          .contains(LB_MATCH + "reg0[1] = 0; ct_lb_mark(backends=10.0.0.2:80,10.0.0.3:80);")
          .anyMatch(f -> f.startsWith("arp.tpa == 10.0.0.254 && arp.op == 1 => ")
              && f.contains("eth.src = " + mac + ";"));

      setPortsUp(c, "vm1", "vm2");
      setStatus(c, "vm1", "offline");
      sb = awaitFlow(c, LB_MATCH + "reg0[1] = 0; ct_lb_mark(backends=10.0.0.3:80);");
      assertThat(status(sb, "vm1")).contains("offline");

      setStatus(c, "vm1", "online");
      setStatus(c, "vm2", "online");
      sb = awaitFlow(c, LB_MATCH + "reg0[1] = 0; ct_lb_mark(backends=10.0.0.2:80,10.0.0.3:80);");
      assertThat(status(sb, "vm1")).contains("online");
      assertThat(status(sb, "vm2")).contains("online");

      setStatus(c, "vm2", "error");
      setPortDown(c, "vm1");
      sb = awaitFlow(c, LB_MATCH + "drop;");
      assertThat(status(sb, "vm1")).as("online on a port that is not up").contains("offline");
      assertThat(status(sb, "vm2")).contains("error");

      Transaction off = c.nb.transaction();
      off.update(LoadBalancer.TABLE, LoadBalancer.all(c.nb.snapshot()).findFirst().orElseThrow()
          .uuid().uuid()).set(LoadBalancer.HEALTH_CHECK, Set.of());
      c.nb.transact(off).get(10, TimeUnit.SECONDS);
      sb = c.syncSb();
      assertThat(ServiceMonitor.all(sb)).isEmpty();
      assertThat(NorthdGatewayTest.flows(sb))
          .contains(LB_MATCH + "reg0[1] = 0; ct_lb_mark(backends=10.0.0.2:80,10.0.0.3:80);")
          .noneMatch(f -> f.contains("10.0.0.254"));
    }
  }

  /** Syncs, then waits until the Southbound has the flow (northd follows statuses on its own). */
  private static ReplicaSnapshot awaitFlow(LocalCentral c, String flow) throws Exception {
    c.syncSb();
    return c.sb.await(s -> NorthdGatewayTest.flows(s).contains(flow)).get(10, TimeUnit.SECONDS);
  }

  private static void setPortsUp(LocalCentral c, String... ports) throws Exception {
    Transaction t = c.sb.transaction();
    for (String p : ports) {
      t.update(PortBinding.TABLE, PortBinding.byLogicalPort(c.sb.snapshot(), p).orElseThrow()
          .uuid().uuid()).set(PortBinding.UP, true);
    }
    c.sb.transact(t).get(10, TimeUnit.SECONDS);
  }

  private static void setPortDown(LocalCentral c, String port) throws Exception {
    Transaction t = c.sb.transaction();
    t.update(PortBinding.TABLE, PortBinding.byLogicalPort(c.sb.snapshot(), port).orElseThrow()
        .uuid().uuid()).set(PortBinding.UP, false);
    c.sb.transact(t).get(10, TimeUnit.SECONDS);
  }

  private static void setStatus(LocalCentral c, String port, String status) throws Exception {
    Transaction t = c.sb.transaction();
    t.update(ServiceMonitor.TABLE, ServiceMonitor.all(c.sb.snapshot())
        .filter(m -> m.logicalPort().equals(port)).findFirst().orElseThrow().uuid().uuid())
        .set(ServiceMonitor.STATUS, Optional.of(status));
    c.sb.transact(t).get(10, TimeUnit.SECONDS);
  }

  private static Optional<String> status(ReplicaSnapshot sb, String port) {
    return ServiceMonitor.all(sb).filter(m -> m.logicalPort().equals(port)).findFirst()
        .orElseThrow().status();
  }
}
