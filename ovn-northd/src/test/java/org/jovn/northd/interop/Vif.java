package org.jovn.northd.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jovn.ovsdb.server.interop.Netns;
import org.jovn.ovsdb.server.interop.RealTools;

/**
 * A VIF: network namespace {@link #netns} whose veth end {@link #device} is the "VM" side and
 * whose peer {@link #port} is plugged into br-int for logical switch port {@link #lsp}. Created
 * and removed by {@link Testbed}.
 */
record Vif(String lsp, Netns netns, String device, String port) {
  /** Runs a command inside the VIF's namespace. */
  RealTools.Result exec(String... command) {
    return netns.exec(command);
  }

  /** Runs a command inside the VIF's namespace and fails unless it exits with status 0. */
  RealTools.Result check(String... command) {
    return netns.exec(command).check();
  }

  /**
   * Pings {@code ip} once with a 2 s reply timeout; {@code options} come after those defaults,
   * so {@code "-c", "3"} overrides the count.
   */
  RealTools.Result ping(String ip, String... options) {
    List<String> command = new ArrayList<>(List.of("ping", "-c", "1", "-W", "2"));
    command.addAll(Arrays.asList(options));
    command.add(ip);
    return netns.exec(command.toArray(String[]::new));
  }

  /**
   * A counter of the {@code Icmp:} lines of this namespace's {@code /proc/net/snmp}, such as
   * {@code "InEchos"} (echo requests received) or {@code "OutEchos"} (echo requests sent).
   */
  long icmpCounter(String name) {
    List<String> lines = check("cat", "/proc/net/snmp").stdout().lines()
        .filter(l -> l.startsWith("Icmp:")).toList();
    List<String> names = List.of(lines.get(0).split("\\s+"));
    String[] values = lines.get(1).split("\\s+");
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no ICMP counter " + name + " in " + names);
    }
    return Long.parseLong(values[i]);
  }
}
