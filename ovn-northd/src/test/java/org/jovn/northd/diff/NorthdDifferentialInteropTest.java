// Real peers: ovsdb-server (the Northbound and both Southbound databases), ovn-northd as the
// reference, ovn-nbctl (topology, --wait=sb sync) and ovsdb-client (reading the Southbound),
// OVN 23.03 and Open vSwitch 3.1; jovn's northd runs in-process on the same Northbound.
package org.jovn.northd.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.jovn.northd.Northd;
import org.jovn.northd.NorthdConfig;
import org.jovn.ovsdb.server.interop.Daemon;
import org.jovn.ovsdb.server.interop.RealTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test of jovn's northd against the real ovn-northd: the real ovn-northd translates
 * a Northbound database into one Southbound database, jovn's northd the same Northbound into a
 * second one, and the two are compared stage by stage. The Markdown report goes to
 * {@code target/northd-differential.md}, a one-line-per-stage summary to stdout.
 *
 * <p>The topology has no dynamic addresses, so that IPAM cannot make the two differ: two switches
 * with VIFs (port security; IPv4 and IPv6 addresses; "unknown"; one disabled), a localnet port, a
 * router joining the two switches and, through a join switch, a second router, with a source-IP
 * route, a default route and two ECMP routes to one prefix.
 */
class NorthdDifferentialInteropTest {
  private static final Duration SYNC = Duration.ofSeconds(60);
  private static final String TOPOLOGY = "Northbound: switches sw0 (vm1 with port security, vm2"
      + " with IPv4 and IPv6 addresses, vm4 disabled) and sw1 (vm3 \"unknown\", localnet ln1);"
      + " router lr0 on sw0 (IPv4 and IPv6), sw1 and switch join; router lr1 on join; lr0 has two"
      + " ECMP routes to 10.0.2.0/24, lr1 a source-IP route and a default route.";

  /**
   * Flow differences accepted for now, each with the reason. An entry that no longer matches
   * anything fails the test: remove it once the gap is closed.
   */
  private static final List<Allowance> ALLOWED = List.of();

  @TempDir Path dir;

  @Test
  void sameNorthbound_southboundMatchesRealNorthd() throws IOException {
    RealTools.assumeInteropEnabled();
    SouthboundDump real;
    SouthboundDump ours;
    List<String> ourSyncFailure = new ArrayList<>();
    try (RealOvsdbServer nb = RealOvsdbServer.start(dir, "nb", "ovn-nb")) {
      configureTopology(nb);
      real = translateWithRealNorthd(nb);
      ours = translateWithJovnNorthd(nb, ourSyncFailure);
    }
    DiffReport report = compare(real, ours);
    Path file = reportFile();
    Files.createDirectories(file.getParent());
    Files.writeString(file, report.markdown());
    report.summaryLines().forEach(System.out::println);
    System.out.println("report: " + file.toAbsolutePath());

    assertThat(real.flows()).extracting(Flow::datapath).as("datapaths the real northd serves")
        .contains("sw0", "sw1", "join", "lr0", "lr1");
    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(ourSyncFailure).as("jovn northd reaching sb_cfg").isEmpty();
    softly.assertThat(report.tableConflicts()).as("stages whose tables disagree").isEmpty();
    softly.assertThat(report.portDifferences()).as("Port_Binding differences").isEmpty();
    softly.assertThat(report.groupDifferences()).as("Multicast_Group differences").isEmpty();
    softly.assertThat(report.portUpDifferences()).as("Port_Binding up differences").isEmpty();
    softly.assertThat(report.unexplained()).as("flow differences not on the allow-list")
        .isEmpty();
    softly.assertThat(report.stale()).as("allow-list entries that match no difference")
        .isEmpty();
    softly.assertAll();
  }

  private static DiffReport compare(SouthboundDump real, SouthboundDump ours) {
    return new DiffReport("jovn northd vs ovn-northd 23.03", TOPOLOGY,
        FlowComparator.compare(real.flows(), ours.flows()), ALLOWED,
        FlowComparator.tableConflicts(real.flows(), ours.flows()),
        NamedRows.differences(real.ports(), ours.ports()),
        NamedRows.differences(real.groups(), ours.groups()),
        NamedRows.differences(real.portUp(), ours.portUp()), counts(real), counts(ours));
  }

  private static String counts(SouthboundDump sb) {
    return sb.flows().size() + " flows, " + sb.ports().size() + " port bindings, "
        + sb.groups().size() + " multicast groups";
  }

  private static Path reportFile() {
    return Path.of(System.getProperty("basedir", "."), "target", "northd-differential.md");
  }

  /** The real ovn-northd on {@code nb} and a fresh Southbound, stopped once it has synced. */
  private SouthboundDump translateWithRealNorthd(RealOvsdbServer nb) throws IOException {
    try (RealOvsdbServer sb = RealOvsdbServer.start(dir, "sb1", "ovn-sb")) {
      try (Daemon northd = Daemon.northd(dir, nb.remote(), sb.remote())) {
        RealTools.Result r = sync(nb);
        assertThat(r.ok()).as(() -> r + "\n" + northd.logs()).isTrue();
      }
      return SouthboundDump.read(sb.remote());
    }
  }

  /**
   * jovn's northd, in-process, on {@code nb} and a fresh Southbound, closed once synced. If it
   * does not sync in time, what it wrote so far is compared all the same and {@code failure}
   * gets the reason.
   */
  private SouthboundDump translateWithJovnNorthd(RealOvsdbServer nb, List<String> failure)
      throws IOException {
    try (RealOvsdbServer sb = RealOvsdbServer.start(dir, "sb2", "ovn-sb")) {
      try (Northd northd = Northd.start(
          new NorthdConfig(List.of(nb.remote()), List.of(sb.remote()), null))) {
        RealTools.Result r = sync(nb);
        if (!r.ok()) {
          failure.add(r + "\njovn northd " + northd.status() + "\n" + sb.logs());
        }
      }
      return SouthboundDump.read(sb.remote());
    }
  }

  /** {@code ovn-nbctl --wait=sb sync}: succeeds once the running northd has caught up. */
  private static RealTools.Result sync(RealOvsdbServer nb) {
    return RealTools.run(SYNC.plusSeconds(10),
        nbctlCommand(nb, "--timeout=" + SYNC.toSeconds(), "--wait=sb", "sync"));
  }

  private static void configureTopology(RealOvsdbServer nb) {
    nbctl(nb, "init");
    nbctl(nb, "ls-add", "sw0", "--", "ls-add", "sw1", "--", "ls-add", "join",
        "--", "lr-add", "lr0", "--", "lr-add", "lr1");
    nbctl(nb, "lsp-add", "sw0", "vm1",
        "--", "lsp-set-addresses", "vm1", "0a:00:00:00:00:01 10.0.0.2",
        "--", "lsp-set-port-security", "vm1", "0a:00:00:00:00:01 10.0.0.2",
        "--", "lsp-add", "sw0", "vm2",
        "--", "lsp-set-addresses", "vm2", "0a:00:00:00:00:02 10.0.0.3 fd00::3",
        "--", "lsp-add", "sw0", "vm4",
        "--", "lsp-set-addresses", "vm4", "0a:00:00:00:00:04 10.0.0.5",
        "--", "lsp-set-enabled", "vm4", "disabled",
        "--", "lsp-add", "sw1", "vm3", "--", "lsp-set-addresses", "vm3", "unknown",
        "--", "lsp-add", "sw1", "ln1", "--", "lsp-set-type", "ln1", "localnet",
        "--", "lsp-set-addresses", "ln1", "unknown",
        "--", "lsp-set-options", "ln1", "network_name=physnet1");
    attach(nb, "lr0", "sw0", "0a:00:00:00:ff:01", "10.0.0.1/24", "fd00::1/64");
    attach(nb, "lr0", "sw1", "0a:00:00:00:ff:02", "10.0.1.1/24");
    attach(nb, "lr0", "join", "0a:00:00:00:ff:03", "100.64.0.1/24");
    attach(nb, "lr1", "join", "0a:00:00:00:ff:04", "100.64.0.2/24");
    nbctl(nb, "--ecmp", "lr-route-add", "lr0", "10.0.2.0/24", "100.64.0.2",
        "--", "--ecmp", "lr-route-add", "lr0", "10.0.2.0/24", "100.64.0.3",
        "--", "--policy=src-ip", "lr-route-add", "lr1", "10.0.0.0/16", "100.64.0.1",
        "--", "lr-route-add", "lr1", "0.0.0.0/0", "100.64.0.1");
  }

  /** Connects router {@code lr} to switch {@code ls} through a port with {@code networks}. */
  private static void attach(RealOvsdbServer nb, String lr, String ls, String mac,
      String... networks) {
    String lrp = lr + "-" + ls;
    String lsp = ls + "-" + lr;
    List<String> args = new ArrayList<>(List.of("lrp-add", lr, lrp, mac));
    args.addAll(Arrays.asList(networks));
    args.addAll(List.of("--", "lsp-add", ls, lsp, "--", "lsp-set-type", lsp, "router",
        "--", "lsp-set-addresses", lsp, "router",
        "--", "lsp-set-options", lsp, "router-port=" + lrp));
    nbctl(nb, args.toArray(String[]::new));
  }

  private static void nbctl(RealOvsdbServer nb, String... args) {
    RealTools.run(RealTools.COMMAND_TIMEOUT, nbctlCommand(nb, args)).check();
  }

  private static List<String> nbctlCommand(RealOvsdbServer nb, String... args) {
    List<String> command = new ArrayList<>(List.of("ovn-nbctl", "--db=" + nb.remote()));
    command.addAll(Arrays.asList(args));
    return command;
  }
}
