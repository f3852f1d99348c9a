// Real peers: ovn-controller, ovs-vswitchd (userspace datapath, with a provider bridge mapped by
// ovn-bridge-mappings), ovn-nbctl, ovn-sbctl, ovn-trace and ovs-vsctl (OVN 23.03, Open vSwitch
// 3.1, Debian packages), with ip, ethtool, ping and python3 sockets in network namespaces; the
// databases are jovn's ovsdb-server, northd is jovn's NorthdMain.
package org.jovn.northd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.jovn.ovsdb.server.interop.RealTools;
import org.junit.jupiter.api.Test;

/**
 * Gateways and NAT through the real OVN data plane: a host on a provider network (a namespace
 * on bridge {@code br-ext}, which the chassis maps to {@code physnet1}, reached through a
 * localnet port) talks to VMs behind a router. Their traffic to it leaves SNATed to the router's
 * external address; a floating IP ({@code dnat_and_snat}) lets the host reach a VM, which sees
 * the host's real address and answers from the floating IP. Once through a gateway router joined
 * to the VMs' distributed router by a join switch (the pattern ovn-kubernetes uses), once through
 * a distributed gateway port bound to the chassis by its gateway chassis (OpenStack's pattern),
 * with a distributed floating IP. As in {@link NorthdAcceptanceInteropTest}, every test also
 * checks that ovn-controller and ovn-trace accepted every logical flow.
 */
class NorthdGatewayInteropTest extends TestbedInteropTest {
  private static final String MAC1 = "0a:00:00:00:00:01";
  private static final String MAC2 = "0a:00:00:00:00:02";
  private static final String HOST_MAC = "0a:00:00:00:0e:32";
  private static final String HOST_IP = "172.16.0.50";
  private static final int TCP_PORT = 9999;
  private static final String SNAT_IP = "172.16.0.100";
  private static final String FLOATING_IP = "172.16.0.110";

  private Vif host;

  @Override
  void afterStart() {
    host = bed.providerHost("physnet1", "br-ext", HOST_MAC, HOST_IP + "/24");
  }

  @Override
  void beforeStop() {
    if (host != null) {
      host.netns().close();
    }
  }

  @Override
  void beforeEachTest() {
    // Each test gives the router addresses other MACs.
    host.check("ip", "neigh", "flush", "dev", host.device());
  }

  @Test
  void gatewayRouterBehindJoinSwitch_snatToProviderAndFloatingIpFromIt() {
    Vif vm1 = bed.vif("vm1", MAC1, "10.0.0.2/24", "10.0.0.1");
    Vif vm2 = bed.vif("vm2", MAC2, "10.0.0.3/24", "10.0.0.1");
    bed.nbctl("ls-add", "sw0", "--", "ls-add", "join", "--", "ls-add", "public",
        "--", "lr-add", "lr0", "--", "lr-add", "gw",
        "--", "set", "logical_router", "gw", "options:chassis=hv1",
        "--", "lsp-add", "sw0", "vm1", "--", "lsp-set-addresses", "vm1", MAC1 + " 10.0.0.2",
        "--", "lsp-add", "sw0", "vm2", "--", "lsp-set-addresses", "vm2", MAC2 + " 10.0.0.3");
    providerSwitch("public");
    attach("lr0", "sw0", "0a:00:00:00:ff:01", "10.0.0.1/24");
    attach("lr0", "join", "0a:00:00:00:ff:02", "100.64.0.2/24");
    attach("gw", "join", "0a:00:00:00:ff:03", "100.64.0.1/24");
    attach("gw", "public", "0a:00:00:00:ff:04", "172.16.0.1/24");
    bed.nbctl("lr-route-add", "lr0", "0.0.0.0/0", "100.64.0.1",
        "--", "lr-route-add", "gw", "10.0.0.0/24", "100.64.0.2",
        "--", "lr-nat-add", "gw", "snat", SNAT_IP, "10.0.0.0/24",
        "--", "lr-nat-add", "gw", "dnat_and_snat", FLOATING_IP, "10.0.0.3");

    assertNatThroughGateway(vm1, vm2);
  }

  @Test
  void distributedGatewayPort_snatToProviderAndDistributedFloatingIp() {
    Vif vm1 = bed.vif("vm1", MAC1, "10.0.0.2/24", "10.0.0.1");
    Vif vm2 = bed.vif("vm2", MAC2, "10.0.0.3/24", "10.0.0.1");
    bed.nbctl("ls-add", "sw0", "--", "ls-add", "public", "--", "lr-add", "lr0",
        "--", "lsp-add", "sw0", "vm1", "--", "lsp-set-addresses", "vm1", MAC1 + " 10.0.0.2",
        "--", "lsp-add", "sw0", "vm2", "--", "lsp-set-addresses", "vm2", MAC2 + " 10.0.0.3");
    providerSwitch("public");
    attach("lr0", "sw0", "0a:00:00:00:fe:01", "10.0.0.1/24");
    attach("lr0", "public", "0a:00:00:00:fe:02", "172.16.0.1/24");
    bed.nbctl("lrp-set-gateway-chassis", "lr0-public", "hv1", "20",
        "--", "lr-nat-add", "lr0", "snat", SNAT_IP, "10.0.0.0/24",
        "--", "lr-nat-add", "lr0", "dnat_and_snat", FLOATING_IP, "10.0.0.3", "vm2",
        "0a:00:00:00:fe:a2");
    RealTools.waitUntil(Testbed.DEADLINE,
        () -> bed.sbctl("--bare", "--columns=chassis", "find", "Port_Binding",
            "logical_port=cr-lr0-public").strip().length() > 0,
        () -> "cr-lr0-public not bound\n" + diagnostics());

    assertNatThroughGateway(vm1, vm2);
  }

  /**
   * The host sees vm1's connections come from the SNAT address and vm2's from its floating IP;
   * the host reaches vm2 at the floating IP, and vm2 sees the host's own address.
   */
  private void assertNatThroughGateway(Vif vm1, Vif vm2) {
    awaitPing(vm1, HOST_IP);
    assertThat(connectionSource(host, vm1, HOST_IP)).as("vm1 as the host sees it")
        .isEqualTo(SNAT_IP);
    awaitPing(host, FLOATING_IP);
    assertThat(connectionSource(vm2, host, FLOATING_IP)).as("the host as vm2 sees it")
        .isEqualTo(HOST_IP);
    assertThat(connectionSource(host, vm2, HOST_IP)).as("vm2 as the host sees it")
        .isEqualTo(FLOATING_IP);
    // The host has no route to 10.0.0.0/24: it only ever talked to the external addresses.
    assertThat(host.check("ip", "neigh", "show", "dev", host.device()).stdout())
        .doesNotContain("10.0.0.");
  }

  /** A switch with a localnet port to the provider network {@code physnet1}. */
  private void providerSwitch(String ls) {
    String ln = "ln-" + ls;
    bed.nbctl("lsp-add", ls, ln, "--", "lsp-set-type", ln, "localnet",
        "--", "lsp-set-addresses", ln, "unknown",
        "--", "lsp-set-options", ln, "network_name=physnet1");
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
   * The source address {@code server} sees on a TCP connection {@code client} opens to
   * {@code ip}: a one-connection server prints its peer's address.
   */
  private String connectionSource(Vif server, Vif client, String ip) {
    String serve = "import socket\n"
        + "s = socket.socket()\n"
        + "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
        + "s.bind(('0.0.0.0', " + TCP_PORT + "))\n"
        + "s.listen(1)\n"
        + "s.settimeout(20)\n"
        + "c, a = s.accept()\n"
        + "print(a[0])\n"
        + "c.close()\n";
    CompletableFuture<RealTools.Result> accepted =
        CompletableFuture.supplyAsync(() -> server.exec("/usr/bin/python3", "-c", serve));
    String connect = "import socket, time\n"
        + "for i in range(50):\n"
        + "    try:\n"
        + "        socket.create_connection(('" + ip + "', " + TCP_PORT + "), timeout=2).close()\n"
        + "        break\n"
        + "    except OSError:\n"
        + "        time.sleep(0.2)\n"
        + "else:\n"
        + "    raise SystemExit('no connection')\n";
    RealTools.Result c = client.exec("/usr/bin/python3", "-c", connect);
    RealTools.Result s = accepted.join();
    assertThat(c.ok()).as(() -> "connect to " + ip + "\n" + c + "\n" + diagnostics()).isTrue();
    assertThat(s.ok()).as(() -> "server\n" + s).isTrue();
    return s.stdout().strip();
  }

  /** Pings {@code ip} from {@code from} until a ping succeeds. */
  private void awaitPing(Vif from, String ip) {
    RealTools.waitUntil(Testbed.DEADLINE, () -> from.ping(ip).ok(),
        () -> (from.lsp().isEmpty() ? "provider host" : from.lsp()) + " cannot ping " + ip
            + "\n" + from.ping(ip) + "\n" + diagnostics());
  }

  private String diagnostics() {
    return bed.nbctl("show") + bed.sbctl("show") + bed.logs();
  }
}
