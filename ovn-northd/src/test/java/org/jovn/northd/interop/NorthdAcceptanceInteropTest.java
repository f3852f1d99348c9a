// Real peers: ovn-controller, ovs-vswitchd (userspace datapath), ovn-nbctl, ovn-sbctl, ovn-trace,
// ovs-vsctl and ovs-appctl (OVN 23.03, Open vSwitch 3.1, Debian packages), with ip, ethtool and
// ping in network namespaces; the databases are jovn's ovsdb-server, northd is jovn's NorthdMain.
package org.jovn.northd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jovn.ovsdb.server.interop.RealTools;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of jovn's northd by the real OVN data plane: logical switches, routers, static
 * routes and port security configured with the real ovn-nbctl on jovn's Northbound database are
 * translated by jovn's northd (a separate JVM) into jovn's Southbound database, from which the
 * real ovn-controller programs the real ovs-vswitchd of one chassis; VIFs are network
 * namespaces. Every test also checks that ovn-controller rejected none of the logical flows
 * (its log) and that OVN's parsers accept every logical flow (ovn-trace).
 *
 * <p>One {@link Testbed} (databases, northd, chassis) serves the whole class; each test adds its
 * VIFs and logical topology, and {@link #tearDown} removes them again.
 */
class NorthdAcceptanceInteropTest extends TestbedInteropTest {
  private static final String MAC1 = "0a:00:00:00:00:01";
  private static final String MAC2 = "0a:00:00:00:00:02";
  private static final String MAC3 = "0a:00:00:00:00:03";

  @Test
  void twoVifsOnOneSwitch_ping() {
    Vif vm1 = bed.vif("lsp1", MAC1, "10.0.0.1/24", null);
    Vif vm2 = bed.vif("lsp2", MAC2, "10.0.0.2/24", null);
    bed.nbctl("ls-add", "sw0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", MAC1 + " 10.0.0.1",
        "--", "lsp-add", "sw0", "lsp2", "--", "lsp-set-addresses", "lsp2", MAC2 + " 10.0.0.2");

    awaitPing(vm1, "10.0.0.2");
    awaitPing(vm2, "10.0.0.1");
    awaitUp("lsp1", "lsp2");
  }

  @Test
  void portSecurity_spoofedSourceMacOrIp_dropped() {
    Vif vm1 = bed.vif("lsp1", MAC1, "10.0.0.1/24", null);
    Vif vm2 = bed.vif("lsp2", MAC2, "10.0.0.2/24", null);
    bed.nbctl("ls-add", "sw0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", MAC1 + " 10.0.0.1",
        "--", "lsp-set-port-security", "lsp1", MAC1 + " 10.0.0.1",
        "--", "lsp-add", "sw0", "lsp2", "--", "lsp-set-addresses", "lsp2", MAC2 + " 10.0.0.2");
    awaitPing(vm1, "10.0.0.2");
    // A permanent neighbour entry: vm1 sends its echo requests whatever happens to ARP.
    vm1.check("ip", "neigh", "replace", "10.0.0.2", "lladdr", MAC2, "dev", vm1.device(),
        "nud", "permanent");

    vm1.check("ip", "addr", "add", "10.0.0.11/24", "dev", vm1.device());
    assertEchoRequestsDropped(vm1, vm2, "-I", "10.0.0.11");
    vm1.check("ip", "addr", "del", "10.0.0.11/24", "dev", vm1.device());

    vm1.check("ip", "link", "set", vm1.device(), "address", "0a:00:00:00:00:99");
    assertEchoRequestsDropped(vm1, vm2);
    vm1.check("ip", "link", "set", vm1.device(), "address", MAC1);
    awaitPing(vm1, "10.0.0.2");

    // lsp2 has no port security: the same spoofing from vm2 gets through.
    vm2.check("ip", "addr", "add", "10.0.0.12/24", "dev", vm2.device());
    RealTools.Result spoofed = vm2.ping("10.0.0.1", "-I", "10.0.0.12");
    assertThat(spoofed.ok()).as(() -> spoofed + "\n" + diagnostics()).isTrue();
  }

  @Test
  void twoSwitchesJoinedByRouter_pingBothWaysDecrementsTtl() {
    Vif vm1 = bed.vif("lsp1", MAC1, "10.0.0.2/24", "10.0.0.1");
    Vif vm2 = bed.vif("lsp2", MAC2, "10.0.1.2/24", "10.0.1.1");
    bed.nbctl("ls-add", "sw0", "--", "ls-add", "sw1", "--", "lr-add", "lr0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", MAC1 + " 10.0.0.2",
        "--", "lsp-add", "sw1", "lsp2", "--", "lsp-set-addresses", "lsp2", MAC2 + " 10.0.1.2");
    attach("lr0", "sw0", "0a:00:00:00:ff:01", "10.0.0.1/24");
    attach("lr0", "sw1", "0a:00:00:00:ff:02", "10.0.1.1/24");

    assertThat(awaitPing(vm1, "10.0.1.2")).contains("ttl=63");
    assertThat(awaitPing(vm2, "10.0.0.2")).contains("ttl=63");
  }

  @Test
  void staticRouteThroughSecondRouter_reachesThirdSubnet() {
    Vif vm1 = bed.vif("lsp1", MAC1, "10.0.0.2/24", "10.0.0.1");
    Vif vm3 = bed.vif("lsp3", MAC3, "10.0.2.2/24", "10.0.2.1");
    bed.nbctl("ls-add", "sw0", "--", "ls-add", "join", "--", "ls-add", "sw2",
        "--", "lr-add", "lr0", "--", "lr-add", "lr1",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", MAC1 + " 10.0.0.2",
        "--", "lsp-add", "sw2", "lsp3", "--", "lsp-set-addresses", "lsp3", MAC3 + " 10.0.2.2");
    attach("lr0", "sw0", "0a:00:00:00:ff:01", "10.0.0.1/24");
    attach("lr0", "join", "0a:00:00:00:ff:02", "100.64.0.1/24");
    attach("lr1", "join", "0a:00:00:00:ff:03", "100.64.0.2/24");
    attach("lr1", "sw2", "0a:00:00:00:ff:04", "10.0.2.1/24");
    bed.nbctl("lr-route-add", "lr0", "10.0.2.0/24", "100.64.0.2",
        "--", "lr-route-add", "lr1", "0.0.0.0/0", "100.64.0.1");

    assertThat(awaitPing(vm1, "10.0.2.2")).contains("ttl=62");
    assertThat(awaitPing(vm3, "10.0.0.2")).contains("ttl=62");
  }

  @Test
  void waitHv_returnsOncePortIsProgrammed_pingSucceedsAtOnce() {
    Vif vm1 = bed.vif("lsp1", MAC1, "10.0.0.1/24", null);
    bed.vif("lsp2", MAC2, "10.0.0.2/24", null);
    bed.nbctl("--wait=hv", "ls-add", "sw0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", MAC1 + " 10.0.0.1",
        "--", "lsp-add", "sw0", "lsp2", "--", "lsp-set-addresses", "lsp2", MAC2 + " 10.0.0.2");

    RealTools.Result ping = vm1.ping("10.0.0.2");
    assertThat(ping.ok()).as(() -> ping + "\n" + diagnostics()).isTrue();
  }

  @Test
  void activeNorthdKilled_standbyTakesOver_newPortComesUp() {
    Vif vm1 = bed.vif("lsp1", MAC1, "10.0.0.1/24", null);
    bed.nbctl("ls-add", "sw0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", MAC1 + " 10.0.0.1");
    bed.nbctl("--wait=hv", "sync");
    NorthdProcess active = awaitStatus(bed.runningNorthds(), "active");
    NorthdProcess standby = bed.startNorthd();
    awaitStatus(List.of(standby), "standby");

    active.kill();
    awaitStatus(List.of(standby), "active");
    Vif vm2 = bed.vif("lsp2", MAC2, "10.0.0.2/24", null);
    bed.nbctl("--wait=hv",
        "lsp-add", "sw0", "lsp2", "--", "lsp-set-addresses", "lsp2", MAC2 + " 10.0.0.2");

    awaitPing(vm1, "10.0.0.2");
    awaitPing(vm2, "10.0.0.1");
    awaitUp("lsp1", "lsp2");
  }

  /** Connects router {@code lr} to switch {@code ls} through a port with {@code mac, cidr}. */
  private void attach(String lr, String ls, String mac, String cidr) {
    String lrp = lr + "-" + ls;
    String lsp = ls + "-" + lr;
    bed.nbctl("lrp-add", lr, lrp, mac, cidr,
        "--", "lsp-add", ls, lsp, "--", "lsp-set-type", lsp, "router",
        "--", "lsp-set-addresses", lsp, "router",
        "--", "lsp-set-options", lsp, "router-port=" + lrp);
  }

  /**
   * Pings {@code ip} from {@code from} until a ping succeeds (the first packets may race the
   * flow installation); returns that ping's output.
   */
  private String awaitPing(Vif from, String ip) {
    String[] output = new String[1];
    RealTools.waitUntil(Testbed.DEADLINE, () -> {
      RealTools.Result r = from.ping(ip);
      output[0] = r.stdout();
      return r.ok();
    }, () -> from.lsp() + " cannot ping " + ip + "\n" + from.ping(ip) + "\n" + diagnostics());
    return output[0];
  }

  /** Waits until every port's Logical_Switch_Port {@code up} column is true. */
  private void awaitUp(String... lsps) {
    for (String lsp : lsps) {
      RealTools.waitUntil(Testbed.DEADLINE,
          () -> bed.nbctl("get", "Logical_Switch_Port", lsp, "up").strip().equals("true"),
          () -> lsp + " not up\n" + diagnostics());
    }
  }

  /** Waits until one of {@code northds} reports {@code status}; returns it. */
  private NorthdProcess awaitStatus(List<NorthdProcess> northds, String status) {
    NorthdProcess[] found = new NorthdProcess[1];
    RealTools.waitUntil(Testbed.DEADLINE, () -> {
      found[0] = northds.stream().filter(n -> n.status().equals(status)).findFirst().orElse(null);
      return found[0] != null;
    }, () -> "no northd " + status + ": " + northds.stream()
        .map(n -> n.name() + " " + n.status()).toList() + "\n" + bed.logs());
    return found[0];
  }

  /**
   * Sends three echo requests from {@code from} to 10.0.0.2 ({@code to}) with extra ping
   * {@code options}, and checks that they left {@code from} but none reached {@code to}.
   */
  private void assertEchoRequestsDropped(Vif from, Vif to, String... options) {
    long sent = from.icmpCounter("OutEchos");
    long received = to.icmpCounter("InEchos");
    List<String> args = new ArrayList<>(List.of("-c", "3", "-i", "0.2", "-W", "0.5"));
    args.addAll(Arrays.asList(options));
    RealTools.Result ping = from.ping("10.0.0.2", args.toArray(String[]::new));
    assertThat(ping.ok()).as(() -> "spoofed ping answered\n" + ping).isFalse();
    assertThat(from.icmpCounter("OutEchos") - sent).as("echo requests sent").isEqualTo(3);
    assertThat(to.icmpCounter("InEchos") - received).as("echo requests received").isZero();
  }

  private String diagnostics() {
    return bed.nbctl("show") + bed.sbctl("show") + bed.logs();
  }
}
