// Real peers: ovn-controller (its pinctrl answers DHCP, DNS and router solicitations),
// ovs-vswitchd (userspace datapath), ovn-nbctl, ovn-sbctl, ovn-trace and ovs-vsctl (OVN 23.03,
// Open vSwitch 3.1, Debian packages), busybox udhcpc and nslookup and the Linux IPv6 stack in
// network namespaces; the databases are jovn's ovsdb-server, northd is jovn's NorthdMain.
package org.jovn.northd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.jovn.ovsdb.server.interop.RealTools;
import org.junit.jupiter.api.Test;

/**
 * Native DHCP, DNS and router advertisements of jovn's northd, accepted by the real OVN data
 * plane: a VIF with no address configured gets its address, gateway, DNS server and domain by
 * DHCPv4 from ovn-controller, reaches its gateway with them, resolves a name from the switch's
 * DNS records through that server, and configures IPv6 by SLAAC from the router's
 * advertisements. As in {@link NorthdAcceptanceInteropTest}, ovn-controller must have rejected
 * no logical flow and ovn-trace must parse them all.
 */
class NorthdDhcpInteropTest extends TestbedInteropTest {
  private static final String MAC1 = "0a:00:00:00:00:01";
  private static final String ROUTER_MAC = "0a:00:00:00:ff:01";

  @Override
  void cleanNorthbound() {
    bed.nbctl("--all", "destroy", "DHCP_Options", "--", "--all", "destroy", "DNS");
  }

  @Test
  void dhcpDnsAndSlaac_bareVif_learnsAddressGatewayDnsServer_pingsGateway_resolvesName()
      throws IOException {
    Vif vm1 = bed.bareVif("lsp1", MAC1);
    bed.nbctl("ls-add", "sw0", "--", "lr-add", "lr0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", MAC1 + " 10.0.0.5",
        "--", "lrp-add", "lr0", "lr0-sw0", ROUTER_MAC, "10.0.0.1/24", "fd00::1/64",
        "--", "lsp-add", "sw0", "sw0-lr0", "--", "lsp-set-type", "sw0-lr0", "router",
        "--", "lsp-set-addresses", "sw0-lr0", "router",
        "--", "lsp-set-options", "sw0-lr0", "router-port=lr0-sw0",
        "--", "set", "Logical_Router_Port", "lr0-sw0", "ipv6_ra_configs:address_mode=slaac",
        "--", "--id=@d", "create", "DHCP_Options", "cidr=10.0.0.0/24",
        "options:lease_time=3600", "options:router=10.0.0.1", "options:server_id=10.0.0.1",
        "options:server_mac=" + ROUTER_MAC, "options:dns_server=10.0.0.1",
        "options:domain_name=\"\\\"ovn.test\\\"\"", "options:mtu=1400",
        "--", "set", "Logical_Switch_Port", "lsp1", "dhcpv4_options=@d",
        "--", "--id=@r", "create", "DNS", "records=\"vm7.ovn.test\"=\"10.0.0.7 fd00::7\"",
        "--", "add", "Logical_Switch", "sw0", "dns_records", "@r");
    bed.nbctl("--wait=hv", "sync");
    long started = System.nanoTime();
    vm1.check("ip", "link", "set", vm1.device(), "up");

    Map<String, String> lease = awaitLease(vm1);
    assertThat(lease).containsEntry("ip", "10.0.0.5").containsEntry("mask", "24")
        .containsEntry("router", "10.0.0.1").containsEntry("dns", "10.0.0.1")
        .containsEntry("domain", "ovn.test").containsEntry("lease", "3600")
        .containsEntry("serverid", "10.0.0.1").containsEntry("mtu", "1400");
    vm1.check("ip", "addr", "add", lease.get("ip") + "/" + lease.get("mask"), "dev",
        vm1.device());
    vm1.check("ip", "route", "add", "default", "via", lease.get("router"));
    awaitPing(vm1, lease.get("router"));

    String[] answer = new String[1];
    RealTools.waitUntil(Testbed.DEADLINE, () -> {
      RealTools.Result r = vm1.exec("busybox", "nslookup", "-type=a", "VM7.ovn.test",
          lease.get("dns"));
      answer[0] = r.stdout();
      return r.ok() && r.stdout().contains("10.0.0.7");
    }, () -> "no DNS answer for vm7.ovn.test: " + answer[0] + "\n" + diagnostics());

    RealTools.waitUntil(Testbed.DEADLINE,
        () -> vm1.check("ip", "-6", "addr", "show", "dev", vm1.device(), "scope", "global")
            .stdout().contains("inet6 fd00::")
            && vm1.check("ip", "-6", "route", "show", "default").stdout()
                .contains("via fe80::"),
        () -> "no SLAAC address or default route: "
            + vm1.exec("ip", "-6", "addr").stdout() + vm1.exec("ip", "-6", "route").stdout()
            + diagnostics());
    System.out.printf("DHCP lease, gateway ping, DNS answer and SLAAC took %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Runs busybox udhcpc on the VIF until it gets a lease; returns the variables udhcpc hands
   * to its script for the lease ({@code ip}, {@code mask}, {@code router}, {@code dns}, ...).
   */
  private Map<String, String> awaitLease(Vif vif) throws IOException {
    Path script = dir.resolve("udhcpc-print.sh");
    Files.writeString(script, "#!/bin/sh\n[ \"$1\" = bound ] && echo \"LEASE ip=$ip mask=$mask"
        + " router=$router dns=$dns domain=$domain lease=$lease serverid=$serverid mtu=$mtu\"\n"
        + "exit 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> lease = new HashMap<>();
    String[] last = new String[1];
    RealTools.waitUntil(Testbed.DEADLINE, () -> {
      RealTools.Result r = vif.exec("busybox", "udhcpc", "-i", vif.device(), "-n", "-q",
          "-t", "3", "-T", "1", "-s", script.toString());
      last[0] = r.toString();
      r.stdout().lines().filter(l -> l.startsWith("LEASE ")).findFirst().ifPresent(l -> {
        for (String word : l.substring(6).split(" ")) {
          int eq = word.indexOf('=');
          lease.put(word.substring(0, eq), word.substring(eq + 1));
        }
      });
      return !lease.isEmpty();
    }, () -> "no DHCP lease: " + last[0] + "\n" + diagnostics());
    return lease;
  }

  private void awaitPing(Vif from, String ip) {
    RealTools.waitUntil(Testbed.DEADLINE, () -> from.ping(ip).ok(),
        () -> from.lsp() + " cannot ping " + ip + "\n" + from.ping(ip) + "\n" + diagnostics());
  }

  private String diagnostics() {
    return bed.nbctl("show") + bed.sbctl("show") + bed.sbctl("lflow-list", "sw0") + bed.logs();
  }
}
