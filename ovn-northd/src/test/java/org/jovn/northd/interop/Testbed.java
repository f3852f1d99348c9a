package org.jovn.northd.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jovn.ovsdb.server.interop.Daemon;
import org.jovn.ovsdb.server.interop.JovnServer;
import org.jovn.ovsdb.server.interop.Netns;
import org.jovn.ovsdb.server.interop.RealTools;

/**
 * One OVN deployment for a test class: jovn's ovsdb-server serving OVN_Northbound,
 * OVN_Southbound and the chassis's Open_vSwitch database; northd processes
 * ({@link NorthdProcess}); one chassis {@code hv1}, a network namespace running the real
 * ovs-vswitchd (userspace datapath) and ovn-controller; and the test's VIFs. {@link #reset}
 * removes the VIFs and empties the Northbound database between tests; {@link #close} stops and
 * removes everything, also after a failed start. Not thread safe: one test at a time.
 */
final class Testbed implements AutoCloseable {
  /** How long a condition may take to come true (flows installed, a port up, a failover). */
  static final Duration DEADLINE = Duration.ofSeconds(60);

  /**
   * Lines ovn-controller 23.03 logs for logical flows it cannot use (controller/lflow.c,
   * controller/ofctrl.c): unparsable actions or matches, whose messages carry the lexer's
   * "Syntax error ..." text, bad addresses, and OpenFlow messages ovs-vswitchd rejected.
   */
  static final List<String> FLOW_ERRORS = List.of("error parsing actions",
      "error parsing match", "Syntax error", "parse error", "Unable to assign id for meter",
      "bad 'mac'", "bad 'ip'", "invalid syntax", "OpenFlow error",
      "could not decode OpenFlow message", "FLOW_MOD message is too big");

  /**
   * What ovn-trace 23.03 (utilities/ovn-trace.c) warns about a logical flow that the OVN
   * expression and action parsers, the ones ovn-controller uses, reject.
   */
  static final List<String> TRACE_ERRORS = List.of("parsing expression failed",
      "parsing actions failed", "match annotation failed");

  private static final int LOG_TAIL = 20_000;

  private final Path dir;
  private final String prefix = Netns.uniquePrefix();
  private final List<NorthdProcess> northds = new ArrayList<>();
  private final List<Daemon> daemons = new ArrayList<>();
  private final List<Vif> vifs = new ArrayList<>();
  private JovnServer nb;
  private JovnServer sb;
  private JovnServer ovs;
  private Netns chassis;
  private int vifCount;

  private Testbed(Path dir) {
    this.dir = dir;
  }

  /** Starts the databases, one northd and the chassis; returns once the chassis is registered. */
  static Testbed start(Path dir) throws Exception {
    Testbed bed = new Testbed(dir);
    try {
      bed.boot();
      return bed;
    } catch (Exception | Error e) {
      bed.close();
      throw e;
    }
  }

  private void boot() throws Exception {
    nb = JovnServer.start(dir, "nb", "ovn-nb");
    sb = JovnServer.start(dir, "sb", "ovn-sb");
    ovs = JovnServer.start(dir, "conf", "vswitch");
    startNorthd();
    // As in a deployment, the chassis joins a Southbound that northd has initialised
    // (SB_Global and its options): ovn-controller 23.03 was seen to crash (SIGSEGV) at start-up
    // on a Southbound without them.
    nbctl("--wait=sb", "sync");
    chassis = Netns.create(prefix + "ch");
    vsctl("--no-wait", "init");
    daemons.add(Daemon.vswitchd(dir, chassis.name(), ovs.unix()));
    vsctl("add-br", "br-int", "--",
        "set", "bridge", "br-int", "datapath_type=netdev", "fail-mode=secure");
    vsctl("set", "open", ".", "external_ids:system-id=hv1", "external_ids:ovn-remote=" + sb.unix(),
        "external_ids:ovn-encap-type=geneve", "external_ids:ovn-encap-ip=127.0.0.1");
    daemons.add(Daemon.controller(dir, chassis.name(), ovs.unix()));
    // Until the chassis is registered, --wait=hv has no hypervisor to wait for.
    RealTools.waitUntil(DEADLINE,
        () -> sbctl("--bare", "--columns=name", "list", "Chassis_Private").contains("hv1"),
        () -> "chassis hv1 not registered\n" + logs());
    nbctl("--wait=hv", "sync");
  }

  /** Starts one more northd on this testbed's NB and SB, named {@code northd-N}. */
  NorthdProcess startNorthd() {
    NorthdProcess northd =
        NorthdProcess.start(dir, "northd-" + (northds.size() + 1), nb.unix(), sb.unix());
    northds.add(northd);
    return northd;
  }

  /** The northds started so far that are still running. */
  List<NorthdProcess> runningNorthds() {
    return northds.stream().filter(NorthdProcess::isAlive).toList();
  }

  /**
   * A VIF for logical switch port {@code lsp}: a namespace whose veth has {@code mac} and
   * {@code cidr} (and a default route via {@code gateway} unless it is null), plugged into br-int
   * with {@code external_ids:iface-id=lsp}. Removed by {@link #reset}.
   */
  Vif vif(String lsp, String mac, String cidr, String gateway) {
    int n = ++vifCount;
    Netns ns = Netns.create(prefix + "vm" + n);
    Vif vif = new Vif(lsp, ns, prefix + "i" + n, prefix + "o" + n);
    vifs.add(vif);
    chassis.exec("ip", "link", "add", vif.port(), "type", "veth", "peer", "name", vif.device(),
        "netns", ns.name()).check();
    // The userspace datapath does not fill in checksums left to veth TX offload.
    vif.check("ethtool", "-K", vif.device(), "tx", "off");
    vif.check("ip", "link", "set", vif.device(), "address", mac);
    vif.check("ip", "addr", "add", cidr, "dev", vif.device());
    vif.check("ip", "link", "set", vif.device(), "up");
    if (gateway != null) {
      vif.check("ip", "route", "add", "default", "via", gateway);
    }
    chassis.exec("ip", "link", "set", vif.port(), "up").check();
    vsctl("add-port", "br-int", vif.port(), "--",
        "set", "interface", vif.port(), "external_ids:iface-id=" + lsp);
    return vif;
  }

  /**
   * A VIF for logical switch port {@code lsp} whose veth has {@code mac} and no IPv4 address,
   * for the test to configure (by DHCP, say); the kernel does IPv6 autoconfiguration on it as
   * usual. Removed by {@link #reset}.
   */
  Vif bareVif(String lsp, String mac) {
    int n = ++vifCount;
    Netns ns = Netns.create(prefix + "vm" + n);
    Vif vif = new Vif(lsp, ns, prefix + "i" + n, prefix + "o" + n);
    vifs.add(vif);
    chassis.exec("ip", "link", "add", vif.port(), "type", "veth", "peer", "name", vif.device(),
        "netns", ns.name()).check();
    vif.check("ethtool", "-K", vif.device(), "tx", "off");
    vif.check("ip", "link", "set", vif.device(), "address", mac);
    vif.check("ip", "link", "set", "lo", "up");
    chassis.exec("ip", "link", "set", vif.port(), "up").check();
    vsctl("add-port", "br-int", vif.port(), "--",
        "set", "interface", vif.port(), "external_ids:iface-id=" + lsp);
    return vif;
  }

  /**
   * A host on a provider network: bridge {@code bridge} (userspace datapath) on the chassis,
   * mapped to {@code physnet} in its {@code ovn-bridge-mappings} (so that a localnet port with
   * {@code network_name=physnet} reaches it), and a network namespace plugged into the bridge
   * whose veth has {@code mac} and {@code cidr}. The returned {@link Vif} has no logical switch
   * port ("" as {@code lsp}); the caller closes its namespace, the bridge stays until
   * {@link #close}.
   */
  Vif providerHost(String physnet, String bridge, String mac, String cidr) {
    vsctl("--may-exist", "add-br", bridge, "--",
        "set", "bridge", bridge, "datapath_type=netdev");
    vsctl("set", "open", ".", "external_ids:ovn-bridge-mappings=" + physnet + ":" + bridge);
    Netns ns = Netns.create(prefix + "pv");
    Vif host = new Vif("", ns, prefix + "pi", prefix + "po");
    chassis.exec("ip", "link", "add", host.port(), "type", "veth", "peer", "name",
        host.device(), "netns", ns.name()).check();
    host.check("ethtool", "-K", host.device(), "tx", "off");
    host.check("ip", "link", "set", host.device(), "address", mac);
    host.check("ip", "addr", "add", cidr, "dev", host.device());
    host.check("ip", "link", "set", host.device(), "up");
    chassis.exec("ip", "link", "set", host.port(), "up").check();
    vsctl("add-port", bridge, host.port());
    return host;
  }

  /**
   * Removes every VIF, then every logical switch and router, and waits until the chassis has
   * caught up, so that the next test starts from an empty Northbound database.
   */
  void reset() {
    try {
      for (Vif vif : vifs) {
        vsctl("--if-exists", "del-port", "br-int", vif.port());
      }
    } finally {
      vifs.forEach(v -> v.netns().close());
      vifs.clear();
    }
    nbctl("--all", "destroy", "Logical_Switch", "--", "--all", "destroy", "Logical_Router");
    nbctl("--wait=hv", "sync");
  }

  String nbctl(String... args) {
    return ctl("ovn-nbctl", nb.unix(), args);
  }

  String sbctl(String... args) {
    return ctl("ovn-sbctl", sb.unix(), args);
  }

  String vsctl(String... args) {
    return ctl("ovs-vsctl", ovs.unix(), args);
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

  /** Where the chassis's ovn-controller log ends now: pass it to {@link #flowErrorsSince}. */
  long controllerLogMark() {
    Path log = controllerLog();
    try {
      return Files.exists(log) ? Files.size(log) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of {@link #FLOW_ERRORS} ovn-controller logged after {@code mark}. */
  List<String> flowErrorsSince(long mark) {
    Path log = controllerLog();
    try {
      byte[] all = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
      int from = (int) Math.min(mark, all.length);
      String text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
      return text.lines().filter(l -> FLOW_ERRORS.stream().anyMatch(l::contains)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines ovn-controller logged after {@code mark} (see {@link #controllerLogMark}). */
  List<String> controllerLogSince(long mark) {
    Path log = controllerLog();
    try {
      byte[] all = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
      int from = (int) Math.min(mark, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The logical flows in the Southbound database that OVN's parsers reject, as ovn-trace
   * reports them: unlike ovn-controller, whose log rate-limits these warnings to one a minute,
   * ovn-trace parses and reports every flow. Empty when no VIF port is bound to trace from.
   */
  List<String> unparsableFlows() {
    List<String> vifPorts = sbctl("--bare", "--columns=logical_port", "find", "Port_Binding",
        "type=\"\"").lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (vifPorts.isEmpty()) {
      return List.of();
    }
    RealTools.Result trace = RealTools.run("ovn-trace", "--db=" + sb.unix(),
        "inport == \"" + vifPorts.get(0) + "\"");
    return trace.stderr().lines().filter(l -> TRACE_ERRORS.stream().anyMatch(l::contains))
        .toList();
  }

  private Path controllerLog() {
    return dir.resolve("ovn-controller.log");
  }

  /** The tail of every daemon's log and console output, for failure messages. */
  String logs() {
    StringBuilder b = new StringBuilder();
    northds.forEach(n -> b.append(tail(n.logs())));
    daemons.forEach(d -> b.append(tail(d.logs())));
    return b.toString();
  }

  private static String tail(String text) {
    return text.length() <= LOG_TAIL ? text
        : "...\n" + text.substring(text.length() - LOG_TAIL);
  }

  @Override
  public void close() {
    northds.reversed().forEach(NorthdProcess::close);
    daemons.reversed().forEach(Daemon::close);
    vifs.forEach(v -> v.netns().close());
    if (chassis != null) {
      chassis.close();
    }
    for (JovnServer s : new JovnServer[] {ovs, sb, nb}) {
      if (s != null) {
        s.close();
      }
    }
  }
}
