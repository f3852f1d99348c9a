// Real peers: ovn-controller, ovs-vswitchd (userspace datapath), ovn-nbctl, ovn-sbctl, ovn-trace,
// ovs-vsctl (OVN 23.03, Open vSwitch 3.1, Debian packages), with ip, ethtool, ping and python3 in
// network namespaces; the databases are jovn's ovsdb-server, northd is jovn's NorthdMain.
package org.jovn.northd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jovn.ovsdb.server.interop.RealTools;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of jovn's ACL translation by the real OVN data plane: ACLs on port groups, with
 * address sets, configured with the real ovn-nbctl, translated by jovn's northd, enforced by the
 * real ovn-controller and ovs-vswitchd on TCP, UDP and ICMP traffic between two VIF namespaces
 * (vm1, the client, and vm2, a server in port group {@code pg_srv} that answers on every port it
 * listens on). Every test also checks that ovn-controller rejected none of the logical flows and
 * that ovn-trace parses all of them.
 */
class NorthdAclInteropTest extends TestbedInteropTest {
  private static final String MAC1 = "0a:00:00:00:00:01";
  private static final String MAC2 = "0a:00:00:00:00:02";
  private static final String IP1 = "10.0.0.1";
  private static final String IP2 = "10.0.0.2";

  /**
   * Listens on TCP and UDP on each port given as an argument: greets each TCP connection with
   * "hello PORT" and echoes each UDP datagram.
   */
  private static final String SERVER = String.join("\n",
      "import select, socket, sys",
      "socks = []",
      "for p in sys.argv[1:]:",
      "    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):",
      "        s = socket.socket(socket.AF_INET, kind)",
      "        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)",
      "        s.bind(('0.0.0.0', int(p)))",
      "        if kind == socket.SOCK_STREAM:",
      "            s.listen(16)",
      "        socks.append(s)",
      "print('ready', flush=True)",
      "while True:",
      "    for s in select.select(socks, [], [])[0]:",
      "        if s.type == socket.SOCK_STREAM:",
      "            c, _ = s.accept()",
      "            c.sendall(b'hello %d\\n' % s.getsockname()[1])",
      "            c.close()",
      "        else:",
      "            data, peer = s.recvfrom(512)",
      "            s.sendto(data, peer)");

  /**
   * Talks to argv[2] port argv[3] over argv[1] ("tcp" or "udp") with a timeout of argv[4]
   * seconds; prints "connected GREETING", "echoed", "refused" (TCP RST or ICMP unreachable) or
   * "timeout".
   */
  private static final String CLIENT = String.join("\n",
      "import socket, sys",
      "kind = socket.SOCK_STREAM if sys.argv[1] == 'tcp' else socket.SOCK_DGRAM",
      "s = socket.socket(socket.AF_INET, kind)",
      "s.settimeout(float(sys.argv[4]))",
      "try:",
      "    s.connect((sys.argv[2], int(sys.argv[3])))",
      "    if kind == socket.SOCK_STREAM:",
      "        print('connected', s.recv(64).decode().strip())",
      "    else:",
      "        s.send(b'ping')",
      "        s.recv(64)",
      "        print('echoed')",
      "except ConnectionRefusedError:",
      "    print('refused')",
      "except (socket.timeout, TimeoutError):",
      "    print('timeout')");

  @Override
  void cleanNorthbound() {
    bed.nbctl("--all", "destroy", "Port_Group", "--", "--all", "destroy", "Address_Set",
        "--", "--all", "destroy", "Meter");
  }

  @Test
  void portGroupDropsTcp8080_rejectsTcp8081_pingAndTcp22Pass_dropIsLoggedThroughMeter() {
    Vif[] vms = twoVms();
    bed.nbctl("--wait=hv", "create", "Address_Set", "name=clients", "addresses=\"" + IP1 + "\"",
        "--", "meter-add", "acl-meter", "drop", "100", "pktps",
        "--", "pg-add", "pg_srv", "lsp2",
        "--", "--type=port-group", "--log", "--name=deny-8080", "--severity=alert",
        "--meter=acl-meter", "acl-add", "pg_srv", "to-lport", "1000",
        "outport == @pg_srv && ip4.src == $clients && ip4.dst == $pg_srv_ip4"
            + " && tcp.dst == 8080", "drop",
        "--", "--type=port-group", "acl-add", "pg_srv", "to-lport", "1000",
        "outport == @pg_srv && tcp.dst == 8081", "reject");

    awaitPing(vms[0], IP2);
    awaitTalk(vms[0], "tcp", 22, "connected hello 22");
    // vm2 listens on 8080 and 8081: the drop and the reset are OVN's.
    assertThat(talk(vms[0], "tcp", 8080, 1.5)).as("TCP to 8080").isEqualTo("timeout");
    awaitTalk(vms[0], "tcp", 8081, "refused");
    awaitPing(vms[1], IP1);
    RealTools.waitUntil(Testbed.DEADLINE,
        () -> bed.controllerLogSince(logMark()).stream().anyMatch(
            l -> l.contains("acl_log") && l.contains("name=\"deny-8080\"")
                && l.contains("verdict=drop") && l.contains("severity=alert")),
        () -> "no ACL log line from ovn-controller\n" + diagnostics());
  }

  @Test
  void allowRelated_lets22InAndRepliesBack_dropsOtherNewConnections() {
    Vif[] vms = twoVms();
    bed.nbctl("--wait=hv", "pg-add", "pg_srv", "lsp2",
        "--", "--type=port-group", "acl-add", "pg_srv", "to-lport", "1000",
        "outport == @pg_srv && tcp.dst == 22", "allow-related",
        "--", "--type=port-group", "acl-add", "pg_srv", "to-lport", "900",
        "outport == @pg_srv && ip4", "drop");

    // vm2 starts these: the replies come back into pg_srv as established traffic.
    awaitPing(vms[1], IP1);
    awaitTalk(vms[0], "tcp", 22, "connected hello 22");
    assertThat(talk(vms[0], "tcp", 8080, 1.5)).as("TCP to 8080").isEqualTo("timeout");
    RealTools.Result ping = vms[0].ping(IP2);
    assertThat(ping.ok()).as(() -> "vm1 pings vm2 through the drop ACL\n" + ping).isFalse();
  }

  @Test
  void statefulReject_answersTcpWithResetAndUdpWithUnreachable() {
    Vif[] vms = twoVms();
    bed.nbctl("--wait=hv", "pg-add", "pg_srv", "lsp2",
        "--", "--type=port-group", "acl-add", "pg_srv", "to-lport", "1000",
        "outport == @pg_srv && (tcp.dst == 8080 || udp.dst == 8080)", "reject",
        "--", "acl-add", "sw0", "to-lport", "500", "ip4", "allow-related");

    awaitPing(vms[0], IP2);
    awaitTalk(vms[0], "tcp", 22, "connected hello 22");
    awaitTalk(vms[0], "udp", 22, "echoed");
    // vm2 listens on 8080 (TCP and UDP): only OVN can refuse these.
    awaitTalk(vms[0], "tcp", 8080, "refused");
    awaitTalk(vms[0], "udp", 8080, "refused");
  }

  /** vm1 (lsp1) and vm2 (lsp2, serving ports 22, 8080 and 8081) on switch sw0. */
  private Vif[] twoVms() {
    Vif vm1 = bed.vif("lsp1", MAC1, IP1 + "/24", null);
    Vif vm2 = bed.vif("lsp2", MAC2, IP2 + "/24", null);
    bed.nbctl("ls-add", "sw0",
        "--", "lsp-add", "sw0", "lsp1", "--", "lsp-set-addresses", "lsp1", MAC1 + " " + IP1,
        "--", "lsp-add", "sw0", "lsp2", "--", "lsp-set-addresses", "lsp2", MAC2 + " " + IP2);
    serve(vm2, 22, 8080, 8081);
    return new Vif[] {vm1, vm2};
  }

  /** Starts {@link #SERVER} in the VIF's namespace; returns once it listens. */
  private void serve(Vif vif, int... ports) {
    List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", vif.netns().name(),
        "python3", "-c", SERVER));
    for (int p : ports) {
      command.add(Integer.toString(p));
    }
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      background(p);
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).as("server in %s", vif.lsp()).isEqualTo("ready");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #CLIENT} from {@code from} to vm2's {@code port}: its one-word verdict. */
  private static String talk(Vif from, String protocol, int port, double timeoutSeconds) {
    return from.exec("python3", "-c", CLIENT, protocol, IP2, Integer.toString(port),
        Double.toString(timeoutSeconds)).stdout().strip();
  }

  /** Repeats {@link #talk} until it gives {@code expected} (flows may still be installing). */
  private void awaitTalk(Vif from, String protocol, int port, String expected) {
    RealTools.waitUntil(Testbed.DEADLINE, () -> talk(from, protocol, port, 1).equals(expected),
        () -> protocol + " to " + IP2 + ":" + port + " gives \"" + talk(from, protocol, port, 1)
            + "\", not \"" + expected + "\"\n" + diagnostics());
  }

  private void awaitPing(Vif from, String ip) {
    RealTools.waitUntil(Testbed.DEADLINE, () -> from.ping(ip).ok(),
        () -> from.lsp() + " cannot ping " + ip + "\n" + from.ping(ip) + "\n" + diagnostics());
  }

  private String diagnostics() {
    return bed.nbctl("show") + bed.nbctl("acl-list", "sw0") + bed.sbctl("lflow-list", "sw0")
        + bed.logs();
  }
}
