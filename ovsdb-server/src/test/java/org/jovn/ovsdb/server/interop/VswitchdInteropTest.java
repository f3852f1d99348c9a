// Real peers: ovs-vsctl, ovs-vswitchd (userspace datapath), ovs-ofctl and ovs-appctl (Open vSwitch
// 3.1, Debian packages) against jovn's Open_vSwitch server.
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

/** ovs-vsctl configures, and ovs-vswitchd applies, an Open_vSwitch database that jovn serves. */
class VswitchdInteropTest {
  @TempDir Path dir;
  private JovnServer ovs;
  private Netns chassis;
  private Daemon vswitchd;

  @BeforeEach
  void setUp() throws Exception {
    RealTools.assumeInteropEnabled();
    ovs = JovnServer.start(dir, "conf", "vswitch");
    vsctl("--no-wait", "init");
  }

  @AfterEach
  void tearDown() {
    if (vswitchd != null) {
      vswitchd.close();
    }
    if (chassis != null) {
      chassis.close();
    }
    if (ovs != null) {
      ovs.close();
    }
  }

  private String vsctl(String... args) {
    List<String> command = new ArrayList<>(List.of("ovs-vsctl", "--db=" + ovs.unix(),
        "--timeout=30"));
    command.addAll(Arrays.asList(args));
    RealTools.Result r = RealTools.run(command.toArray(String[]::new));
    if (!r.ok()) {
      throw new AssertionError(r + (vswitchd == null ? "" : "\n" + vswitchd.logs()));
    }
    return r.stdout();
  }

  private String ofctl(String... args) {
    List<String> command = new ArrayList<>(List.of("ovs-ofctl"));
    command.addAll(Arrays.asList(args));
    RealTools.Result r = RealTools.run(command.toArray(String[]::new));
    if (!r.ok()) {
      throw new AssertionError(r + "\n" + vswitchd.logs());
    }
    return r.stdout();
  }

  @Test
  void vsctl_withoutVswitchd_editsConfiguration() {
    vsctl("--no-wait", "add-br", "br0", "--", "set", "bridge", "br0", "datapath_type=netdev");
    vsctl("--no-wait", "add-port", "br0", "p1", "--", "set", "interface", "p1", "type=internal");
    vsctl("--no-wait", "add-port", "br0", "p2", "tag=10");

    assertThat(vsctl("list-br").strip()).isEqualTo("br0");
    assertThat(vsctl("list-ports", "br0").lines()).containsExactly("p1", "p2");
    assertThat(vsctl("port-to-br", "p2").strip()).isEqualTo("br0");
    assertThat(vsctl("get", "Port", "p2", "tag").strip()).isEqualTo("10");
    assertThat(vsctl("get", "Bridge", "br0", "datapath_type").strip()).isEqualTo("netdev");
    assertThat(vsctl("--bare", "--columns=name", "list", "Interface").lines()
        .filter(l -> !l.isBlank())).containsExactlyInAnyOrder("br0", "p1", "p2");
    assertThat(vsctl("show")).contains("Bridge br0").contains("Port p1")
        .contains("type: internal").contains("tag: 10");

    vsctl("--no-wait", "del-port", "br0", "p2");
    assertThat(vsctl("list-ports", "br0").lines()).containsExactly("p1");
    vsctl("--no-wait", "del-br", "br0");
    assertThat(vsctl("list-br")).isBlank();
    // Ports and interfaces went with their bridge (garbage collection of non-root rows).
    assertThat(vsctl("list", "Interface")).isBlank();
  }

  @Test
  void vswitchd_appliesConfigurationFromJovn() {
    chassis = Netns.create(Netns.uniquePrefix() + "ch");
    vswitchd = Daemon.vswitchd(dir, chassis.name(), ovs.unix());

    // Without --no-wait, ovs-vsctl returns only once ovs-vswitchd reports cur_cfg == next_cfg.
    vsctl("add-br", "br0", "--", "set", "bridge", "br0", "datapath_type=netdev");
    vsctl("add-port", "br0", "p1", "--", "set", "interface", "p1", "type=internal");
    assertThat(vsctl("get", "Open_vSwitch", ".", "cur_cfg").strip())
        .isEqualTo(vsctl("get", "Open_vSwitch", ".", "next_cfg").strip());
    assertThat(vsctl("get", "Open_vSwitch", ".", "datapath_types")).contains("netdev");
    assertThat(Long.parseLong(vsctl("get", "Interface", "p1", "ofport").strip()))
        .as(vswitchd::logs).isPositive();

    String mgmt = "unix:" + dir.resolve("br0.mgmt");
    String show = ofctl("show", mgmt);
    assertThat(show).contains("OFPT_FEATURES_REPLY").contains("(p1)").contains("LOCAL(br0)");

    ofctl("add-flow", mgmt, "priority=100,in_port=p1,actions=drop");
    assertThat(ofctl("--names", "dump-flows", mgmt))
        .contains("priority=100,in_port=p1 actions=drop");

    vsctl("del-port", "br0", "p1");
    RealTools.waitUntil(Duration.ofSeconds(30),
        () -> !RealTools.run("ovs-ofctl", "show", mgmt).stdout().contains("(p1)"),
        vswitchd::logs);
    String dpif = RealTools.run("ovs-appctl", "-t", dir.resolve("ovs-vswitchd.ctl").toString(),
        "dpif/show").check().stdout();
    assertThat(dpif).contains("netdev@ovs-netdev").contains("br0");
    assertThat(vswitchd.isAlive()).as(vswitchd::logs).isTrue();
  }
}
