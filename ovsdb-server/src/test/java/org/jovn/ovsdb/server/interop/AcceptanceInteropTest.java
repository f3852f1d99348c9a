// Real peers: ovn-northd, ovn-controller, ovs-vswitchd (userspace datapath), ovn-nbctl, ovn-sbctl
// and ovs-vsctl (OVN 23.03, Open vSwitch 3.1, Debian packages), all on databases jovn serves.
package org.jovn.ovsdb.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance scenario: real OVN on jovn's OVN_Northbound, OVN_Southbound and Open_vSwitch
 * databases forwards a ping between two VIFs (network namespaces) on one logical switch.
 */
class AcceptanceInteropTest {
  @TempDir Path dir;
  private final String prefix = Netns.uniquePrefix();
  private JovnServer nb;
  private JovnServer sb;
  private JovnServer ovs;
  private final List<Daemon> daemons = new ArrayList<>();
  private final List<Netns> namespaces = new ArrayList<>();

  @BeforeEach
  void setUp() {
    RealTools.assumeInteropEnabled();
  }

  @AfterEach
  void tearDown() {
    for (Daemon d : daemons.reversed()) {
      d.close();
    }
    for (Netns ns : namespaces.reversed()) {
      ns.close();
    }
    for (JovnServer s : new JovnServer[] {ovs, sb, nb}) {
      if (s != null) {
        s.close();
      }
    }
  }

  /** Every daemon's log and console output, for failure messages. */
  private String logs() {
    StringBuilder b = new StringBuilder();
    daemons.forEach(d -> b.append(d.logs()));
    return b.toString();
  }

  private String ctl(String program, String db, String... args) {
    List<String> command = new ArrayList<>(List.of(program, "--db=" + db, "--timeout=60"));
    command.addAll(Arrays.asList(args));
    RealTools.Result r = RealTools.run(RealTools.COMMAND_TIMEOUT.multipliedBy(3), command);
    if (!r.ok()) {
      throw new AssertionError(r + "\n" + logs());
    }
    return r.stdout();
  }

  private String nbctl(String... args) {
    return ctl("ovn-nbctl", nb.unix(), args);
  }

  private String sbctl(String... args) {
    return ctl("ovn-sbctl", sb.unix(), args);
  }

  private String vsctl(String... args) {
    return ctl("ovs-vsctl", ovs.unix(), args);
  }

  private Netns netns(String suffix) {
    Netns ns = Netns.create(prefix + suffix);
    namespaces.add(ns);
    return ns;
  }

  private static void check(Netns ns, String... command) {
    ns.exec(command).check();
  }

  /** A VIF: namespace {@code vmN} whose veth's outer end is plugged into br-int as lspN. */
  private Netns vif(Netns chassis, int n, String mac, String ip) {
    Netns vm = netns("vm" + n);
    String outer = prefix + "v" + n;
    String inner = prefix + "p" + n;
    check(chassis, "ip", "link", "add", outer, "type", "veth", "peer", "name", inner,
        "netns", vm.name());
    check(vm, "ethtool", "-K", inner, "tx", "off");
    check(vm, "ip", "link", "set", inner, "address", mac);
    check(vm, "ip", "addr", "add", ip + "/24", "dev", inner);
    check(vm, "ip", "link", "set", inner, "up");
    check(chassis, "ip", "link", "set", outer, "up");
    vsctl("add-port", "br-int", outer, "--",
        "set", "interface", outer, "external_ids:iface-id=lsp" + n);
    return vm;
  }

  @Test
  void ping_betweenTwoVifsOnOneLogicalSwitch() throws Exception {
    nb = JovnServer.start(dir, "nb", "ovn-nb");
    sb = JovnServer.start(dir, "sb", "ovn-sb");
    ovs = JovnServer.start(dir, "conf", "vswitch");
    daemons.add(Daemon.northd(dir, nb.unix(), sb.unix()));

    Netns chassis = netns("ch");
    vsctl("--no-wait", "init");
    daemons.add(Daemon.vswitchd(dir, chassis.name(), ovs.unix()));
    vsctl("add-br", "br-int", "--",
        "set", "bridge", "br-int", "datapath_type=netdev", "fail-mode=secure");
    vsctl("set", "open", ".", "external_ids:system-id=hv1", "external_ids:ovn-remote=" + sb.unix(),
        "external_ids:ovn-encap-type=geneve", "external_ids:ovn-encap-ip=127.0.0.1");
    daemons.add(Daemon.controller(dir, chassis.name(), ovs.unix()));

    Netns vm1 = vif(chassis, 1, "0a:00:00:00:00:01", "10.0.0.1");
    vif(chassis, 2, "0a:00:00:00:00:02", "10.0.0.2");
    nbctl("ls-add", "sw0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", "0a:00:00:00:00:01 10.0.0.1",
        "--", "lsp-add", "sw0", "lsp2", "--", "lsp-set-addresses", "lsp2", "0a:00:00:00:00:02 10.0.0.2");
    nbctl("--wait=hv", "sync");

    assertThat(sbctl("show")).as(this::logs).contains("Chassis hv1")
        .contains("Port_Binding lsp1").contains("Port_Binding lsp2");
    RealTools.waitUntil(Duration.ofSeconds(60),
        () -> nbctl("get", "Logical_Switch_Port", "lsp1", "up").strip().equals("true")
            && nbctl("get", "Logical_Switch_Port", "lsp2", "up").strip().equals("true"),
        () -> "ports not up\n" + nbctl("show") + logs());

    // The first packets may race the flow installation; retry until one ping succeeds.
    RealTools.waitUntil(Duration.ofSeconds(60),
        () -> vm1.exec("ping", "-c", "1", "-W", "2", "10.0.0.2").ok(),
        () -> "vm1 cannot ping vm2\n" + vm1.exec("ping", "-c", "1", "-W", "2", "10.0.0.2")
            + "\n" + logs());
    RealTools.Result ping = vm1.exec("ping", "-c", "3", "-i", "0.2", "-W", "2", "10.0.0.2");
    assertThat(ping.exit()).as(() -> ping + "\n" + logs()).isZero();
    assertThat(ping.stdout()).contains("3 received");

    // An ACL that drops ICMP to vm2 takes effect once --wait=hv returns...
    nbctl("--wait=hv", "acl-add", "sw0", "to-lport", "1000", "outport == \"lsp2\" && icmp4",
        "drop");
    RealTools.Result dropped = vm1.exec("ping", "-c", "1", "-W", "1", "10.0.0.2");
    assertThat(dropped.ok()).as(() -> dropped + "\n" + logs()).isFalse();

    // ...and removing it after jovn's southbound server restarted (same file, same socket)
    // reaches ovn-controller through the reconnected ovn-northd and ovn-controller.
    sb.close();
    sb = JovnServer.serve(dir, "sb", List.of(dir.resolve("sb-ovn-sb.db")));
    nbctl("--wait=hv", "acl-del", "sw0");
    RealTools.waitUntil(Duration.ofSeconds(60),
        () -> vm1.exec("ping", "-c", "1", "-W", "2", "10.0.0.2").ok(),
        () -> "vm1 cannot ping vm2 after the ACL was removed\n" + logs());
    daemons.forEach(d -> assertThat(d.isAlive()).as(this::logs).isTrue());
  }
}
