// Real peers: ovsdb-server and ovn-northd (OVN 23.03, Debian packages). The real northd assigns
// dynamic addresses; jovn's Ipam, given the same Northbound contents, must assign the same.
package org.jovn.northd.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.interop.Daemon;
import org.jovn.ovsdb.server.interop.RealTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ovn-northd on real Northbound and Southbound ovsdb-servers: its settled
 * {@code dynamic_addresses} equal what {@link Ipam#assign} computes from the Northbound contents
 * it started from, and {@link Ipam#assign} finds nothing to change in them.
 */
class IpamInteropTest {
  private static final Duration SETTLE = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final List<Daemon> daemons = new ArrayList<>();
  private Daemon northd;
  private OvsdbClient client;

  @BeforeEach
  void setUp() throws Exception {
    RealTools.assumeInteropEnabled();
    startServer("nb", "/usr/share/ovn/ovn-nb.ovsschema");
    startServer("sb", "/usr/share/ovn/ovn-sb.ovsschema");
    nbctl("init");
    client = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb")).remotes(remote("nb"))
        .monitor(NbGlobal.TABLE).monitor(LogicalSwitch.TABLE).monitor(LogicalSwitchPort.TABLE)
        .monitor(LogicalRouterPort.TABLE).build();
    client.connect().get(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() {
    if (client != null) {
      client.close();
    }
    stopNorthd();
    daemons.forEach(Daemon::close);
  }

  @Test
  void realNorthd_newPorts_assignsWhatIpamAssigns() throws Exception {
    nbctl("set", "NB_Global", ".", "options:mac_prefix=0a:00:00");
    createTopology();
    Map<String, String> ours = oursFrom(snapshot(), "0a:00:00");

    startNorthd();
    ReplicaSnapshot settled = awaitSettled();
    assertThat(dynamicAddresses(settled)).as(this::logs).isEqualTo(ours);
    assertThat(ours).containsEntry("z1", "");
    assertThat(Ipam.assign(settled, "0a:00:00")).isEmpty();
  }

  @Test
  void realNorthd_changedSettings_keepsAndMovesWhatIpamDoes() throws Exception {
    nbctl("set", "NB_Global", ".", "options:mac_prefix=0a:00:00");
    createTopology();
    startNorthd();
    Map<String, String> first = dynamicAddresses(awaitSettled());
    stopNorthd();

    String p1Ip = first.get("p1").split(" ")[1];
    String p2Ip = first.get("p2").split(" ")[1];
    nbctl("set", "Logical_Switch", "sw0", "other_config:exclude_ips=\"" + p1Ip + "\"", "--",
        "remove", "Logical_Switch", "sw0", "other_config", "ipv6_prefix", "--",
        "lsp-add", "sw0", "vm2", "--", "set", "Logical_Switch_Port", "vm2",
        "addresses=\"0a:00:00:00:00:77 " + p2Ip + "\"", "--",
        "set", "Logical_Switch_Port", "p3", "addresses=\"dynamic 192.168.1.70\"", "--",
        "set", "Logical_Switch", "sw1", "other_config:subnet=10.1.0.0/24", "--",
        "set", "NB_Global", ".", "options:mac_prefix=0a:00:01");
    Map<String, String> ours = oursFrom(snapshot(), "0a:00:01");

    startNorthd();
    ReplicaSnapshot settled = awaitSettled();
    assertThat(dynamicAddresses(settled)).as(this::logs).isEqualTo(ours);
    assertThat(ours.get("p1")).doesNotContain(p1Ip + " ").doesNotEndWith(p1Ip);
    assertThat(Ipam.assign(settled, "0a:00:01")).isEmpty();
  }

  @Test
  void realNorthd_editedAssignments_repairsThemAsIpamDoes() throws Exception {
    nbctl("set", "NB_Global", ".", "options:mac_prefix=0a:00:00");
    createTopology();
    startNorthd();
    Map<String, String> first = dynamicAddresses(awaitSettled());
    stopNorthd();

    String p5Ip = first.get("p5").split(" ")[1];
    List<String> cmd = new ArrayList<>(List.of("set", "Logical_Switch", "sw0",
        "other_config:ipv6_prefix=fd00:2::/64"));
    dynamic(cmd, "p9", "junk");
    dynamic(cmd, "p4", "aa:bb:cc:dd:ee:01 " + p5Ip);
    dynamic(cmd, "p2", "0a:00:00:a8:01:0b");
    dynamic(cmd, "p1", "0b:00:00:00:00:01 192.168.1.7 fd00:1::1");
    dynamic(cmd, "q1", "0a:00:00:00:00:01 10.9.9.9 fd00::1");
    dynamic(cmd, "z1", "0a:00:00:00:00:09");
    dynamic(cmd, "rs", "anything");
    nbctl(cmd.toArray(String[]::new));
    Map<String, String> ours = oursFrom(snapshot(), "0a:00:00");

    startNorthd();
    ReplicaSnapshot settled = awaitSettled();
    assertThat(dynamicAddresses(settled)).as(this::logs).isEqualTo(ours);
    assertThat(ours).containsEntry("rs", "anything").containsEntry("z1", "");
    assertThat(Ipam.assign(settled, "0a:00:00")).isEmpty();
  }

  private static void dynamic(List<String> cmd, String port, String value) {
    cmd.addAll(List.of("--", "set", "Logical_Switch_Port", port,
        "dynamic_addresses=\"" + value + "\""));
  }

  @Test
  void realNorthd_noMacPrefix_picksOneAndIpamReproducesItsChoices() throws Exception {
    createTopology();
    ReplicaSnapshot before = snapshot();

    startNorthd();
    ReplicaSnapshot settled = awaitSettled();
    String prefix = NbGlobal.all(settled).findFirst().orElseThrow().options().get("mac_prefix");
    assertThat(prefix).matches("[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}");
    int first = Integer.parseInt(prefix.substring(0, 2), 16);
    assertThat(first & 3).as("locally administered unicast").isEqualTo(2);
    assertThat(Ipam.macPrefix(prefix, new SplittableRandom(1))).isEqualTo(prefix);
    assertThat(dynamicAddresses(settled)).as(this::logs).isEqualTo(oursFrom(before, prefix));
    assertThat(Ipam.assign(settled, prefix)).isEmpty();
  }

  /**
   * sw0: a subnet with exclusions and an IPv6 prefix, a router port, a static port whose MAC is
   * the one the first dynamic port would get, and ports of every dynamic form, some asking for
   * taken addresses; sw1: MACs only; sw2: no address management.
   */
  private void createTopology() {
    List<String> cmd = new ArrayList<>(List.of(
        "ls-add", "sw0", "--", "set", "Logical_Switch", "sw0",
        "other_config:subnet=192.168.1.0/24",
        "other_config:exclude_ips=\"192.168.1.2 192.168.1.10..192.168.1.12\"",
        "other_config:ipv6_prefix=fd00:1::/64",
        "--", "lr-add", "r0", "--", "lrp-add", "r0", "rp", "0a:00:00:00:00:fe", "192.168.1.4/24",
        "--", "lsp-add", "sw0", "rs", "--", "lsp-set-type", "rs", "router",
        "--", "lsp-set-addresses", "rs", "router",
        "--", "lsp-set-options", "rs", "router-port=rp",
        "--", "lsp-add", "sw0", "vm",
        "--", "lsp-set-addresses", "vm", "0a:00:00:a8:01:06 192.168.1.3",
        "--", "ls-add", "sw1", "--", "set", "Logical_Switch", "sw1", "other_config:mac_only=true",
        "--", "ls-add", "sw2"));
    port(cmd, "sw0", "p1", "dynamic");
    port(cmd, "sw0", "p2", "dynamic");
    port(cmd, "sw0", "p3", "dynamic 192.168.1.50");
    port(cmd, "sw0", "p4", "aa:bb:cc:dd:ee:01 dynamic");
    port(cmd, "sw0", "p5", "dynamic fd00:1::99");
    port(cmd, "sw0", "p6", "dynamic 192.168.1.60 fd00:1::60");
    port(cmd, "sw0", "p7", "dynamic 192.168.1.3");
    port(cmd, "sw0", "p8", "dynamic 192.168.1.7");
    port(cmd, "sw0", "p9", "dynamic");
    port(cmd, "sw1", "q1", "dynamic");
    port(cmd, "sw1", "q2", "dynamic 1.2.3.4");
    port(cmd, "sw2", "z1", "dynamic");
    nbctl(cmd.toArray(String[]::new));
  }

  private static void port(List<String> cmd, String sw, String name, String address) {
    cmd.addAll(List.of("--", "lsp-add", sw, name, "--", "set", "Logical_Switch_Port", name,
        "addresses=\"" + address + "\""));
  }

  /** Every switch port's dynamic_addresses after applying what Ipam assigns, "" for none. */
  private static Map<String, String> oursFrom(ReplicaSnapshot nb, String prefix) {
    Map<UUID, Optional<String>> changes = Ipam.assign(nb, prefix);
    Map<String, String> out = new TreeMap<>();
    LogicalSwitchPort.all(nb).forEach(lsp -> out.put(lsp.name(),
        changes.getOrDefault(lsp.uuid().uuid(), lsp.dynamicAddresses()).orElse("")));
    return out;
  }

  private static Map<String, String> dynamicAddresses(ReplicaSnapshot nb) {
    Map<String, String> out = new TreeMap<>();
    LogicalSwitchPort.all(nb).forEach(lsp -> out.put(lsp.name(),
        lsp.dynamicAddresses().orElse("")));
    return out;
  }

  /**
   * The Northbound once northd has written its options and no port's dynamic_addresses changed
   * for a second (northd settles over a few runs, each reacting to the last one's writes).
   */
  private ReplicaSnapshot awaitSettled() throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    Map<String, String> last = Map.of();
    int stable = 0;
    while (System.nanoTime() < deadline) {
      ReplicaSnapshot s = snapshot();
      Map<String, String> now = dynamicAddresses(s);
      boolean started = NbGlobal.all(s).findFirst()
          .map(g -> g.options().containsKey("northd_internal_version")).orElse(false);
      stable = started && now.equals(last) ? stable + 1 : 0;
      if (stable >= 5) {
        return s;
      }
      last = now;
      Thread.sleep(200);
    }
    throw new AssertionError("northd did not settle within " + SETTLE + "\n" + logs());
  }

  private ReplicaSnapshot snapshot() throws Exception {
    return client.sync().get(20, TimeUnit.SECONDS);
  }

  private void startServer(String name, String schema) {
    Path db = dir.resolve(name + ".db");
    RealTools.run("ovsdb-tool", "create", db.toString(), schema).check();
    daemons.add(Daemon.start(name + "-server", dir, dir.resolve(name + ".log"),
        Daemon.rundirs(dir), "ovsdb-server", "--remote=punix:" + dir.resolve(name + ".sock"),
        "--unixctl=" + dir.resolve(name + ".ctl"), "--pidfile=" + dir.resolve(name + ".pid"),
        "--log-file=" + dir.resolve(name + ".log"), db.toString()));
    RealTools.waitUntil(Duration.ofSeconds(30), () -> RealTools.run("ovsdb-client",
        "--timeout=5", "list-dbs", remote(name)).ok(), () -> daemons.getLast().logs());
  }

  private void startNorthd() {
    northd = Daemon.northd(dir, remote("nb"), remote("sb"));
  }

  private void stopNorthd() {
    if (northd != null) {
      northd.close();
      northd = null;
    }
  }

  private String remote(String name) {
    return "unix:" + dir.resolve(name + ".sock");
  }

  private String nbctl(String... args) {
    List<String> command = new ArrayList<>(List.of("ovn-nbctl", "--db=" + remote("nb"),
        "--timeout=20"));
    command.addAll(Arrays.asList(args));
    return RealTools.run(command.toArray(String[]::new)).check().stdout();
  }

  private String logs() {
    return northd == null ? "(northd stopped)" : northd.logs();
  }
}
