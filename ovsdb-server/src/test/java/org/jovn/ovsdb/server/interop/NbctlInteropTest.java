// Real peers: ovn-nbctl, ovn-sbctl and ovn-northd (OVN 23.03, Debian packages) against jovn's
// OVN_Northbound and OVN_Southbound servers.
package org.jovn.ovsdb.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The northbound and southbound command-line clients, and ovn-northd, on jovn's databases. */
class NbctlInteropTest {
  @TempDir Path dir;
  private JovnServer nb;
  private JovnServer sb;
  private Daemon northd;

  @BeforeEach
  void setUp() throws Exception {
    RealTools.assumeInteropEnabled();
    nb = JovnServer.start(dir, "nb", "ovn-nb");
    sb = JovnServer.start(dir, "sb", "ovn-sb");
    nbctl("init");
  }

  @AfterEach
  void tearDown() {
    if (northd != null) {
      northd.close();
    }
    if (sb != null) {
      sb.close();
    }
    if (nb != null) {
      nb.close();
    }
  }

  private String nbctl(String... args) {
    return ctl("ovn-nbctl", nb.unix(), args);
  }

  private String nbctlTcp(String... args) {
    return ctl("ovn-nbctl", nb.tcp(), args);
  }

  private String sbctl(String... args) {
    return ctl("ovn-sbctl", sb.unix(), args);
  }

  private String ctl(String program, String db, String... args) {
    List<String> command = new ArrayList<>(List.of(program, "--db=" + db, "--timeout=20"));
    command.addAll(Arrays.asList(args));
    RealTools.Result r = RealTools.run(command.toArray(String[]::new));
    if (!r.ok()) {
      throw new AssertionError(r + (northd == null ? "" : "\n" + northd.logs()));
    }
    return r.stdout();
  }

  @Test
  void switchesAndPorts_createListModifyDestroy() {
    nbctl("ls-add", "sw0", "--", "ls-add", "sw1");
    nbctl("lsp-add", "sw0", "p1", "--", "lsp-set-addresses", "p1", "0a:00:00:00:00:01 10.0.0.1");
    nbctlTcp("lsp-add", "sw0", "p2", "--", "lsp-set-addresses", "p2", "0a:00:00:00:00:02 10.0.0.2");

    assertThat(nbctl("ls-list")).contains("(sw0)").contains("(sw1)");
    assertThat(nbctl("lsp-list", "sw0")).contains("(p1)").contains("(p2)");
    assertThat(nbctl("lsp-get-addresses", "p1").strip()).isEqualTo("0a:00:00:00:00:01 10.0.0.1");

    nbctl("set", "Logical_Switch", "sw0", "external_ids:owner=jovn", "other_config:mcast_snoop=true");
    assertThat(nbctl("get", "Logical_Switch", "sw0", "external_ids:owner").strip())
        .isEqualTo("jovn");
    nbctl("lsp-set-enabled", "p2", "disabled");
    assertThat(nbctl("lsp-get-enabled", "p2").strip()).isEqualTo("disabled");
    assertThat(nbctl("--bare", "--columns=name", "find", "Logical_Switch_Port",
        "addresses=\"0a:00:00:00:00:02 10.0.0.2\"").strip()).isEqualTo("p2");

    nbctl("lsp-del", "p1");
    assertThat(nbctl("lsp-list", "sw0")).doesNotContain("(p1)").contains("(p2)");
    nbctl("ls-del", "sw0");
    assertThat(nbctl("ls-list")).doesNotContain("(sw0)").contains("(sw1)");
    // The port lost its only strong reference with its switch and was garbage collected.
    assertThat(nbctl("--bare", "--columns=name", "list", "Logical_Switch_Port")).isBlank();
    nbctl("destroy", "Logical_Switch", "sw1");
    assertThat(nbctl("ls-list")).isBlank();
  }

  @Test
  void routers_portsRoutesAndNat() {
    nbctl("ls-add", "sw0", "--", "lsp-add", "sw0", "sw0-lr0", "--",
        "lsp-set-type", "sw0-lr0", "router", "--",
        "lsp-set-addresses", "sw0-lr0", "router", "--",
        "lsp-set-options", "sw0-lr0", "router-port=lr0-sw0");
    nbctl("lr-add", "lr0", "--", "lrp-add", "lr0", "lr0-sw0", "00:00:00:00:ff:01", "10.0.0.254/24");
    nbctl("lrp-add", "lr0", "lr0-ext", "00:00:00:00:ff:02", "172.16.0.1/24");
    nbctl("lr-route-add", "lr0", "0.0.0.0/0", "172.16.0.254");
    nbctl("lr-nat-add", "lr0", "snat", "172.16.0.1", "10.0.0.0/24");

    assertThat(nbctl("lr-list")).contains("(lr0)");
    assertThat(nbctl("lrp-list", "lr0")).contains("(lr0-sw0)").contains("(lr0-ext)");
    assertThat(nbctl("lr-route-list", "lr0")).contains("0.0.0.0/0").contains("172.16.0.254");
    assertThat(nbctl("lr-nat-list", "lr0")).contains("snat").contains("10.0.0.0/24");
    assertThat(nbctl("get", "Logical_Router_Port", "lr0-sw0", "networks").strip())
        .isEqualTo("[\"10.0.0.254/24\"]");

    nbctl("lr-nat-del", "lr0", "snat", "10.0.0.0/24");
    nbctl("lr-route-del", "lr0", "0.0.0.0/0");
    nbctl("lrp-del", "lr0-ext");
    assertThat(nbctl("lr-nat-list", "lr0")).isBlank();
    assertThat(nbctl("lrp-list", "lr0")).doesNotContain("lr0-ext");
    nbctl("lr-del", "lr0");
    assertThat(nbctl("lr-list")).isBlank();
    assertThat(nbctl("--bare", "--columns=name", "list", "Logical_Router_Port")).isBlank();
  }

  @Test
  void aclsPortGroupsAndAddressSets() {
    nbctl("ls-add", "sw0", "--", "lsp-add", "sw0", "p1", "--", "lsp-add", "sw0", "p2");
    nbctl("pg-add", "pg1", "p1", "p2");
    nbctl("create", "Address_Set", "name=as1", "addresses=\"10.0.0.1\",\"10.0.0.2\"");
    nbctl("--type=port-group", "acl-add", "pg1", "to-lport", "1001",
        "outport == @pg1 && ip4.src == $as1", "allow-related");
    nbctl("acl-add", "sw0", "from-lport", "900", "ip4", "drop");

    assertThat(nbctl("--type=port-group", "acl-list", "pg1"))
        .contains("to-lport  1001 (outport == @pg1 && ip4.src == $as1) allow-related");
    assertThat(nbctl("acl-list", "sw0")).contains("from-lport   900 (ip4) drop");
    assertThat(nbctl("--bare", "--columns=addresses", "list", "Address_Set", "as1").strip())
        .isEqualTo("10.0.0.1 10.0.0.2");
    assertThat(nbctl("--bare", "--columns=ports", "list", "Port_Group", "pg1").strip().split(" "))
        .hasSize(2);

    nbctl("add", "Address_Set", "as1", "addresses", "10.0.0.3");
    nbctl("remove", "Address_Set", "as1", "addresses", "10.0.0.1");
    assertThat(nbctl("get", "Address_Set", "as1", "addresses").strip())
        .isEqualTo("[\"10.0.0.2\", \"10.0.0.3\"]");
    nbctl("pg-set-ports", "pg1", "p2");
    assertThat(nbctl("--bare", "--columns=ports", "list", "Port_Group", "pg1").strip().split(" "))
        .hasSize(1);

    nbctl("--type=port-group", "acl-del", "pg1");
    nbctl("acl-del", "sw0");
    assertThat(nbctl("--bare", "--columns=match", "list", "ACL")).isBlank();
    nbctl("pg-del", "pg1", "--", "destroy", "Address_Set", "as1");
    assertThat(nbctl("list", "Port_Group")).isBlank();
    assertThat(nbctl("list", "Address_Set")).isBlank();
  }

  @Test
  void loadBalancers_addAttachDelete() {
    nbctl("ls-add", "sw0", "--", "lr-add", "lr0");
    nbctl("lb-add", "lb0", "192.168.0.10:80", "10.0.0.1:8080,10.0.0.2:8080", "tcp");
    nbctl("lb-add", "lb0", "192.168.0.11", "10.0.0.3");
    nbctl("ls-lb-add", "sw0", "lb0", "--", "lr-lb-add", "lr0", "lb0");

    String list = nbctl("lb-list");
    assertThat(list).contains("lb0").contains("192.168.0.10:80")
        .contains("10.0.0.1:8080,10.0.0.2:8080").contains("192.168.0.11");
    assertThat(nbctl("ls-lb-list", "sw0")).contains("lb0");
    assertThat(nbctl("lr-lb-list", "lr0")).contains("lb0");
    assertThat(nbctl("get", "Load_Balancer", "lb0", "vips:\"192.168.0.11\"").strip())
        .isEqualTo("\"10.0.0.3\"");

    nbctl("lb-del", "lb0", "192.168.0.11");
    assertThat(nbctl("lb-list")).doesNotContain("192.168.0.11").contains("192.168.0.10:80");
    nbctl("lb-del", "lb0");
    assertThat(nbctl("lb-list")).isBlank();
    assertThat(nbctl("ls-lb-list", "sw0")).isBlank();
  }

  @Test
  void show_printsWhatWasCreated() {
    nbctl("ls-add", "sw0", "--", "lsp-add", "sw0", "vm1", "--",
        "lsp-set-addresses", "vm1", "0a:00:00:00:00:01 10.0.0.1");
    nbctl("lr-add", "lr0", "--", "lrp-add", "lr0", "lr0-sw0", "00:00:00:00:ff:01", "10.0.0.254/24");

    String show = nbctl("show");
    assertThat(show).contains("switch ").contains("(sw0)").contains("port vm1")
        .contains("addresses: [\"0a:00:00:00:00:01 10.0.0.1\"]")
        .contains("router ").contains("(lr0)").contains("port lr0-sw0")
        .contains("mac: \"00:00:00:00:ff:01\"").contains("networks: [\"10.0.0.254/24\"]");
    assertThat(nbctl("show", "sw0")).contains("(sw0)").doesNotContain("(lr0)");
  }

  @Test
  void twoNorthds_lockMakesOneActive_andTheOtherTakesOver() {
    Daemon a = Daemon.northd(dir, "northd-a", nb.unix(), sb.unix());
    Daemon b = Daemon.northd(dir, "northd-b", nb.unix(), sb.unix());
    try {
      Path logA = dir.resolve("northd-a.log");
      Path logB = dir.resolve("northd-b.log");
      RealTools.waitUntil(Duration.ofSeconds(30),
          () -> RealTools.readOrNote(logA).contains("now active")
              || RealTools.readOrNote(logB).contains("now active"),
          () -> a.logs() + b.logs());
      boolean aActive = RealTools.readOrNote(logA).contains("now active");
      Daemon active = aActive ? a : b;
      Path standbyLog = aActive ? logB : logA;
      assertThat(RealTools.readOrNote(standbyLog)).as(() -> a.logs() + b.logs())
          .doesNotContain("now active");
      northd = aActive ? b : a;
      nbctl("--wait=sb", "ls-add", "sw0");

      active.close();
      RealTools.waitUntil(Duration.ofSeconds(30),
          () -> RealTools.readOrNote(standbyLog).contains("now active"),
          () -> a.logs() + b.logs());
      nbctl("--wait=sb", "ls-add", "sw1");
      assertThat(sbctl("--columns=external_ids", "list", "Datapath_Binding"))
          .contains("name=sw0").contains("name=sw1");
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  void nbctlDaemonMode_keepsItsIdlInSync() throws Exception {
    Path pidfile = dir.resolve("nbctl.pid");
    String socket = RealTools.run(Daemon.rundirs(dir), "ovn-nbctl", "--db=" + nb.unix(),
        "--detach", "--no-chdir",
        "--pidfile=" + pidfile, "--log-file=" + dir.resolve("nbctl.log")).check().stdout().strip();
    long pid = Long.parseLong(Files.readString(pidfile).strip());
    try {
      Map<String, String> env = Map.of("OVN_NB_DAEMON", socket);
      RealTools.run(env, "ovn-nbctl", "ls-add", "sw0", "--", "lsp-add", "sw0", "p1").check();
      // A change made by someone else reaches the daemon's replica.
      nbctl("ls-add", "sw-other");
      RealTools.waitUntil(Duration.ofSeconds(30),
          () -> RealTools.run(env, "ovn-nbctl", "ls-list").stdout().contains("(sw-other)"),
          () -> RealTools.readOrNote(dir.resolve("nbctl.log")));
      assertThat(RealTools.run(env, "ovn-nbctl", "lsp-list", "sw0").check().stdout())
          .contains("(p1)");
      assertThat(nbctl("ls-list")).contains("(sw0)");
    } finally {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
  }

  @Test
  void waitSb_withRealNorthd_populatesSouthbound() {
    northd = Daemon.northd(dir, nb.unix(), sb.unix());

    nbctl("--wait=sb", "ls-add", "sw0", "--", "lsp-add", "sw0", "vm1", "--",
        "lsp-set-addresses", "vm1", "0a:00:00:00:00:01 10.0.0.1");
    nbctl("--wait=sb", "lr-add", "lr0", "--",
        "lrp-add", "lr0", "lr0-sw0", "00:00:00:00:ff:01", "10.0.0.254/24");

    String datapaths = sbctl("--columns=external_ids", "list", "Datapath_Binding");
    assertThat(datapaths).as(northd::logs).contains("name=sw0").contains("name=lr0");
    assertThat(sbctl("--bare", "--columns=logical_port", "list", "Port_Binding"))
        .contains("vm1").contains("lr0-sw0");
    assertThat(sbctl("--bare", "--columns=_uuid", "list", "Logical_Flow")).isNotBlank();
    long nbCfg = Long.parseLong(nbctl("get", "NB_Global", ".", "nb_cfg").strip());
    assertThat(nbctl("get", "NB_Global", ".", "sb_cfg").strip()).isEqualTo(String.valueOf(nbCfg));
    assertThat(sbctl("show")).isNotNull();

    // A port deleted in the NB disappears from the SB once --wait=sb returns.
    nbctl("--wait=sb", "lsp-del", "vm1");
    assertThat(sbctl("--bare", "--columns=logical_port", "list", "Port_Binding"))
        .doesNotContain("vm1");
    // ovn-sbctl's own commands work on the SB jovn serves.
    sbctl("chassis-add", "hv1", "geneve", "127.0.0.1");
    assertThat(sbctl("show")).contains("Chassis hv1").contains("geneve").contains("127.0.0.1");
    sbctl("chassis-del", "hv1");
    assertThat(sbctl("show")).doesNotContain("hv1");
    assertThat(northd.isAlive()).as(northd::logs).isTrue();
  }

}
