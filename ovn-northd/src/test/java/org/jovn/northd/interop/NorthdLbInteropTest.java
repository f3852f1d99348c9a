// Real peers: ovn-controller, ovs-vswitchd (userspace datapath), ovn-nbctl, ovn-sbctl, ovn-trace,
// ovs-vsctl (OVN 23.03, Open vSwitch 3.1, Debian packages), with ip, ethtool and python3 in
// network namespaces; the databases are jovn's ovsdb-server, northd is jovn's NorthdMain.
package org.jovn.northd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jovn.ovsdb.server.interop.RealTools;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of jovn's load balancer translation by the real OVN data plane: a TCP load
 * balancer on a logical switch, configured with the real ovn-nbctl, translated by jovn's
 * northd and run by the real ovn-controller and ovs-vswitchd. The client reaches the VIP, which
 * lies outside its subnet, through its default route to a logical router port on the same
 * switch (the switch balances the traffic on its way to the router); each backend answers with
 * its own name. The test also checks that ovn-controller rejected none of the logical flows
 * and that ovn-trace parses all of them. With a health check, ovn-controller probes the
 * backends from the monitor source IP and marks the one whose server stopped offline, after
 * which jovn's northd balances every connection to the other.
 */
class NorthdLbInteropTest extends TestbedInteropTest {
  private static final String VIP = "172.16.0.10";
  private static final String GATEWAY = "10.0.0.254";
  private static final int CONNECTIONS = 40;

  /** Greets each TCP connection on port argv[2] with argv[1]. */
  private static final String SERVER = String.join("\n",
      "import socket, sys",
      "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
      "s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "s.bind(('0.0.0.0', int(sys.argv[2])))",
      "s.listen(64)",
      "print('ready', flush=True)",
      "while True:",
      "    c, _ = s.accept()",
      "    c.sendall(sys.argv[1].encode() + b'\\n')",
      "    c.close()");

  /**
   * Opens argv[3] TCP connections to argv[1] port argv[2], one after the other, and prints what
   * each one read, or "timeout" or "refused".
   */
  private static final String CLIENT = String.join("\n",
      "import socket, sys",
      "for _ in range(int(sys.argv[3])):",
      "    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
      "    s.settimeout(2)",
      "    try:",
      "        s.connect((sys.argv[1], int(sys.argv[2])))",
      "        print(s.recv(64).decode().strip() or 'empty')",
      "    except ConnectionRefusedError:",
      "        print('refused')",
      "    except (socket.timeout, TimeoutError):",
      "        print('timeout')",
      "    finally:",
      "        s.close()");

  @Test
  void switchLoadBalancer_tcpToVip_reachesBothBackends() {
    long mark = bed.controllerLogMark();
    Vif[] vifs = clientAndTwoBackends();
    Vif client = vifs[0];
    Vif web1 = vifs[1];
    Vif web2 = vifs[2];
    serve(web1, "web1", 8080);
    serve(web2, "web2", 8080);
    bed.nbctl("--wait=hv", "lb-add", "lb0", VIP + ":80", "10.0.0.2:8080,10.0.0.3:8080", "tcp",
        "--", "ls-lb-add", "sw0", "lb0");

    RealTools.waitUntil(Testbed.DEADLINE,
        () -> connect(client, 1).stream().allMatch(w -> w.startsWith("web")),
        () -> "no backend answers on " + VIP + ":80: " + connect(client, 1) + "\n"
            + diagnostics());
    List<String> answers = connect(client, CONNECTIONS);
    Map<String, Integer> counts = new TreeMap<>();
    answers.forEach(a -> counts.merge(a, 1, Integer::sum));
    assertThat(counts.keySet()).as("answers to %d connections: %s", CONNECTIONS, counts)
        .containsExactlyInAnyOrder("web1", "web2");

    assertThat(bed.flowErrorsSince(mark)).as("logical flows ovn-controller could not use")
        .isEmpty();
    assertThat(bed.unparsableFlows()).as("logical flows ovn-trace could not parse").isEmpty();
    assertThat(bed.sbctl("--bare", "--columns=vips", "list", "Load_Balancer").strip())
        .as("Southbound Load_Balancer").contains(VIP + ":80");
  }

  /**
   * Switch sw0 with a client (lsp1) and two backends (lsp2, lsp3) and router lr0 as their
   * gateway; returns the three VIFs.
   */
  private Vif[] clientAndTwoBackends() {
    Vif client = bed.vif("lsp1", "0a:00:00:00:00:01", "10.0.0.1/24", GATEWAY);
    Vif web1 = bed.vif("lsp2", "0a:00:00:00:00:02", "10.0.0.2/24", GATEWAY);
    Vif web2 = bed.vif("lsp3", "0a:00:00:00:00:03", "10.0.0.3/24", GATEWAY);
    bed.nbctl("ls-add", "sw0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1",
        "0a:00:00:00:00:01 10.0.0.1",
        "--", "lsp-add", "sw0", "lsp2", "--", "lsp-set-addresses", "lsp2",
        "0a:00:00:00:00:02 10.0.0.2",
        "--", "lsp-add", "sw0", "lsp3", "--", "lsp-set-addresses", "lsp3",
        "0a:00:00:00:00:03 10.0.0.3",
        "--", "lr-add", "lr0",
        "--", "lrp-add", "lr0", "lr0-sw0", "0a:00:00:00:00:fe", GATEWAY + "/24",
        "--", "lsp-add", "sw0", "sw0-lr0", "--", "lsp-set-type", "sw0-lr0", "router",
        "--", "lsp-set-addresses", "sw0-lr0", "router",
        "--", "lsp-set-options", "sw0-lr0", "router-port=lr0-sw0");
    return new Vif[] {client, web1, web2};
  }

  @Test
  void healthCheck_backendServerStops_controllerMarksItOffline_allConnectionsToTheOther()
      throws InterruptedException {
    Vif[] vifs = clientAndTwoBackends();
    serve(vifs[1], "web1", 8080);
    Process web2 = serve(vifs[2], "web2", 8080);
    bed.nbctl("--wait=hv", "lb-add", "lb0", VIP + ":80", "10.0.0.2:8080,10.0.0.3:8080", "tcp",
        "--", "ls-lb-add", "sw0", "lb0",
        "--", "set", "load_balancer", "lb0", "ip_port_mappings:10.0.0.2=lsp2:10.0.0.200",
        "ip_port_mappings:10.0.0.3=lsp3:10.0.0.200",
        "--", "--id=@hc", "create", "load_balancer_health_check", "vip=\"" + VIP + ":80\"",
        "options:interval=1", "options:timeout=1", "options:success_count=1",
        "options:failure_count=1", "--", "add", "load_balancer", "lb0", "health_check", "@hc");
    RealTools.waitUntil(Testbed.DEADLINE, () -> statuses().equals(List.of("online", "online")),
        () -> "service monitors not online: " + statuses() + "\n" + diagnostics());
    RealTools.waitUntil(Testbed.DEADLINE,
        () -> Set.copyOf(connect(vifs[0], CONNECTIONS)).equals(Set.of("web1", "web2")),
        () -> "not both backends answer: " + connect(vifs[0], CONNECTIONS) + "\n"
            + diagnostics());

    web2.destroyForcibly().waitFor();
    RealTools.waitUntil(Testbed.DEADLINE, () -> bed.sbctl("--bare", "--columns=status", "find",
        "Service_Monitor", "logical_port=lsp3").strip().equals("offline"),
        () -> "lsp3's monitor not offline: " + statuses() + "\n" + diagnostics());
    RealTools.waitUntil(Testbed.DEADLINE,
        () -> connect(vifs[0], CONNECTIONS).stream().allMatch("web1"::equals),
        () -> "connections not all to web1: " + connect(vifs[0], CONNECTIONS) + "\n"
            + diagnostics());
    assertThat(bed.sbctl("--bare", "--columns=status", "find", "Service_Monitor",
        "logical_port=lsp2").strip()).isEqualTo("online");
  }

  @Override
  void cleanNorthbound() {
    bed.nbctl("--all", "destroy", "Load_Balancer");
  }

  /** The Service_Monitor statuses, sorted. */
  private List<String> statuses() {
    return Arrays.stream(bed.sbctl("--bare", "--columns=status", "list", "Service_Monitor")
        .split("\n")).map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
  }

  /** Starts {@link #SERVER} in the VIF's namespace; returns it once it listens. */
  private Process serve(Vif vif, String name, int port) {
    List<String> command = List.of("ip", "netns", "exec", vif.netns().name(), "python3", "-c",
        SERVER, name, Integer.toString(port));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      background(p);
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).as("server in %s", vif.lsp()).isEqualTo("ready");
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What each of {@code n} connections from {@code from} to the VIP read. */
  private static List<String> connect(Vif from, int n) {
    String out = from.exec("python3", "-c", CLIENT, VIP, "80", Integer.toString(n)).stdout();
    return Arrays.stream(out.strip().split("\n")).map(String::strip).toList();
  }

  private String diagnostics() {
    return bed.nbctl("show") + bed.sbctl("lflow-list", "sw0") + bed.logs();
  }
}
