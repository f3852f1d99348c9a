// Real peers: ovs-appctl (Open vSwitch 3.1, Debian openvswitch-common) on jovn's control socket,
// and ovsdb-client to check the effect of each command.
package org.jovn.ovsdb.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ovsdb-server control commands, driven by ovs-appctl. */
class AppctlInteropTest {
  @TempDir Path dir;
  private JovnServer server;

  @BeforeEach
  void setUp() throws Exception {
    RealTools.assumeInteropEnabled();
    server = JovnServer.start(dir, "nb", "ovn-nb", "ovn-sb");
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
  }

  private RealTools.Result appctl(String... args) {
    String[] command = new String[args.length + 3];
    command[0] = "ovs-appctl";
    command[1] = "-t";
    command[2] = server.control().toString();
    System.arraycopy(args, 0, command, 3, args.length);
    return RealTools.run(command);
  }

  @Test
  void listDbsAndVersion() {
    assertThat(appctl("ovsdb-server/list-dbs").check().stdout().lines())
        .contains("OVN_Northbound", "OVN_Southbound");
    assertThat(appctl("version").check().stdout()).contains("jovn");
    assertThat(appctl("list-commands").check().stdout())
        .contains("ovsdb-server/add-remote").contains("memory/show");
  }

  @Test
  void addAndRemoveRemote_changesWhereClientsConnect() {
    Path second = dir.resolve("second.sock");
    appctl("ovsdb-server/add-remote", "punix:" + second).check();
    assertThat(appctl("ovsdb-server/list-remotes").check().stdout())
        .contains("punix:" + second);
    RealTools.waitUntil(java.time.Duration.ofSeconds(30),
        () -> RealTools.run("ovsdb-client", "--timeout=5", "list-dbs", "unix:" + second).ok(),
        () -> "never served on " + second);

    appctl("ovsdb-server/remove-remote", "punix:" + second).check();
    assertThat(appctl("ovsdb-server/list-remotes").check().stdout())
        .doesNotContain("punix:" + second);
    RealTools.waitUntil(java.time.Duration.ofSeconds(30),
        () -> !RealTools.run("ovsdb-client", "--timeout=5", "list-dbs", "unix:" + second).ok(),
        () -> "still served on " + second);
    assertThat(appctl("ovsdb-server/remove-remote", "punix:" + second).exit()).isNotZero();
  }

  @Test
  void compactAndMemoryShow() {
    RealTools.run("ovsdb-client", "transact", server.unix(), "[\"OVN_Northbound\","
        + "{\"op\":\"insert\",\"table\":\"Logical_Switch\",\"row\":{\"name\":\"sw0\"}}]")
        .check();
    appctl("ovsdb-server/compact").check();
    appctl("ovsdb-server/compact", "OVN_Northbound").check();
    assertThat(appctl("memory/show").check().stdout()).contains("OVN_Northbound");
    assertThat(RealTools.run("ovsdb-tool", "show-log", dir.resolve("nb-ovn-nb.db").toString())
        .check().stdout()).contains("record 0:");
    assertThat(RealTools.run("ovsdb-client", "dump", server.unix(), "OVN_Northbound",
        "Logical_Switch", "name").check().stdout()).contains("sw0");
  }

  @Test
  void exit_completesTermination() throws Exception {
    appctl("exit").check();
    server.server().terminated().get(30, TimeUnit.SECONDS);
  }
}
