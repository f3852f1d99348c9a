package org.jovn.northd.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jovn.northd.model.LoadBalancerInput.Backend;
import org.jovn.northd.model.LoadBalancerInput.Vip;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.MacAddress;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LoadBalancerHealthCheck;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovn.sb.ServiceMonitor;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.data.Row;

/**
 * The load balancer health checks, as ovn-northd 23.03 works them out from the Northbound
 * {@code Load_Balancer} rows (all of them, whatever datapath they are on) and the statuses
 * ovn-controller reports in the Southbound {@code Service_Monitor} table.
 *
 * <p>A VIP is health checked if a {@code Load_Balancer_Health_Check} of its load balancer
 * names it exactly as its {@code vips} key (never for SCTP or template load balancers). A
 * backend of such a VIP is monitored if {@code ip_port_mappings} maps its address
 * ({@code [IP]} for IPv6) to {@code PORT:SOURCE_IP}, the port is an enabled logical switch port
 * and the source IP parses: one {@code Service_Monitor} row per port, address, port and
 * protocol. New connections to the VIP go only to monitored backends whose status is unset or
 * {@code online}; {@code online} counts as {@code offline} while the port's binding is not up
 * (northd then writes {@code offline}, see {@code ServiceMonitorSync}). The switch of every
 * mapped port (enabled or not) answers ARP or neighbor solicitations for the source IP with
 * {@code NB_Global options:svc_monitor_mac}.
 *
 * <p>An immutable value: equal health checks give equal flows.
 *
 * @param mac the service monitor MAC, in normal form ("" if {@code NB_Global} has none)
 * @param monitors the {@code Service_Monitor} rows northd wants, ordered by key
 * @param balancers the load balancers with a health checked VIP, their VIPs resolved
 * @param sources for each logical switch with a mapped port, the source IPs it answers for
 */
public record ServiceMonitors(String mac, List<Monitor> monitors,
    Map<UUID, LoadBalancerInput> balancers, Map<UUID, List<Source>> sources) {
  /** No health checks. */
  public static final ServiceMonitors NONE = new ServiceMonitors("", List.of(), Map.of(),
      Map.of());

  public ServiceMonitors {
    Objects.requireNonNull(mac, "mac");
    monitors = List.copyOf(monitors);
    balancers = Map.copyOf(balancers);
    sources = Map.copyOf(sources);
  }

  /** What identifies a {@code Service_Monitor} row (the Southbound table's index). */
  public record Key(String logicalPort, String ip, int port, String protocol)
      implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::logicalPort)
        .thenComparing(Key::ip).thenComparingInt(Key::port).thenComparing(Key::protocol);

    /** The key of a Southbound row (a row without protocol has protocol ""). */
    public static Key of(ServiceMonitor row) {
      return new Key(row.logicalPort(), row.ip(), (int) row.port(), row.protocol().orElse(""));
    }

    @Override
    public int compareTo(Key o) {
      return ORDER.compare(this, o);
    }
  }

  /** A {@code Service_Monitor} row northd wants: its key, source IP and health check options. */
  public record Monitor(Key key, String srcIp, Map<String, String> options) {
    public Monitor {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(srcIp, "srcIp");
      options = Map.copyOf(options);
    }
  }

  /** A source IP a switch answers ARP ({@code ipv6} false) or ND for, with the monitor MAC. */
  public record Source(String ip, boolean ipv6, String mac) implements Comparable<Source> {
    private static final Comparator<Source> ORDER = Comparator.comparing(Source::ip)
        .thenComparing(Source::ipv6).thenComparing(Source::mac);

    @Override
    public int compareTo(Source o) {
      return ORDER.compare(this, o);
    }
  }

  /** The load balancer with its health checked VIPs resolved, or {@code lb} if it has none. */
  public LoadBalancerInput resolve(LoadBalancerInput lb) {
    return balancers.getOrDefault(lb.uuid(), lb);
  }

  /** The source IPs the switch answers for, sorted. */
  public List<Source> sourcesOf(UUID logicalSwitch) {
    return sources.getOrDefault(logicalSwitch, List.of());
  }

  /** Whether the Southbound binding of the logical port is up. */
  public static boolean portUp(ReplicaSnapshot sb, String logicalPort) {
    return PortBinding.byLogicalPort(sb, logicalPort).flatMap(PortBinding::up).orElse(false);
  }

  /**
   * Reads the health checks.
   *
   * @param nb the Northbound snapshot
   * @param sb the Southbound snapshot with the statuses, or null to take every status as unset
   * @param lbInputs the input of a {@code Load_Balancer} row
   */
  public static ServiceMonitors read(ReplicaSnapshot nb, ReplicaSnapshot sb,
      Function<Row, LoadBalancerInput> lbInputs) {
    if (nb.rows(LoadBalancerHealthCheck.TABLE).isEmpty()) {
      return NONE;
    }
    String mac = NbGlobal.all(nb).findFirst()
        .flatMap(g -> Optional.ofNullable(g.options().get("svc_monitor_mac")))
        .flatMap(MacAddress::tryParse).map(MacAddress::toString).orElse("");
    Builder b = new Builder(mac, sb);
    List<Checked> checked = new ArrayList<>();
    var healthCheck = nb.schema().table(LoadBalancer.TABLE).column(LoadBalancer.HEALTH_CHECK);
    for (Row row : nb.rows(LoadBalancer.TABLE).values()) {
      if (row.get(healthCheck).isEmpty()) {
        continue;
      }
      LoadBalancer lb = LoadBalancer.from(row);
      Map<String, Map<String, String>> checks = checks(nb, lb);
      if (!checks.isEmpty()) {
        checked.add(new Checked(row, lb, checks));
        lb.ipPortMappings().values().forEach(m -> b.mappedPorts.put(portName(m), null));
      }
    }
    b.findPorts(nb);
    checked.sort(Comparator.comparing(c -> c.row().uuid()));
    for (Checked c : checked) {
      b.add(c.lb(), c.checks(), lbInputs.apply(c.row()));
    }
    return b.build();
  }

  /** A load balancer with health checks: its row, and the options of each VIP key checked. */
  private record Checked(Row row, LoadBalancer lb, Map<String, Map<String, String>> checks) {}

  /** The health check options of each VIP key a check names (none for SCTP or templates). */
  private static Map<String, Map<String, String>> checks(ReplicaSnapshot nb, LoadBalancer lb) {
    if (lb.protocol().filter("sctp"::equals).isPresent()
        || "true".equals(lb.options().get("template"))) {
      return Map.of();
    }
    Map<String, Map<String, String>> out = new HashMap<>();
    lb.healthCheck().stream().sorted(Comparator.comparing(Ref::uuid))
        .forEach(r -> LoadBalancerHealthCheck.get(nb, r)
            .ifPresent(hc -> out.putIfAbsent(hc.vip(), hc.options())));
    return out;
  }

  /** The port name of an {@code ip_port_mappings} value {@code PORT:SOURCE_IP}. */
  private static String portName(String mapping) {
    int colon = mapping.indexOf(':');
    return colon < 0 ? "" : mapping.substring(0, colon);
  }

  /** The source IP of an {@code ip_port_mappings} value, in normal form, or null. */
  private static String sourceIp(String mapping) {
    String ip = mapping.substring(mapping.indexOf(':') + 1);
    return Ipv4Address.tryParse(ip).map(Object::toString)
        .or(() -> Ipv6Address.tryParse(ip).map(Object::toString)).orElse(null);
  }

  /** A logical switch port an {@code ip_port_mappings} value names. */
  private record MappedPort(UUID logicalSwitch, boolean enabled) {}

  /** Collects the result of {@link #read}. */
  private static final class Builder {
    private final String mac;
    private final Map<Key, ServiceMonitor> existing = new HashMap<>();
    private final ReplicaSnapshot sb;
    /** The ports mappings name, by name; null for a name no switch port has. */
    private final Map<String, MappedPort> mappedPorts = new HashMap<>();
    private final Map<Key, Monitor> monitors = new TreeMap<>();
    private final Map<UUID, LoadBalancerInput> balancers = new LinkedHashMap<>();
    private final Map<UUID, TreeSet<Source>> sources = new HashMap<>();

    Builder(String mac, ReplicaSnapshot sb) {
      this.mac = mac;
      this.sb = sb;
      if (sb != null) {
        ServiceMonitor.all(sb).forEach(row -> existing.put(Key.of(row), row));
      }
    }

    /** Finds the switch ports the mappings name and their switches. */
    void findPorts(ReplicaSnapshot nb) {
      var nameColumn = nb.schema().table(LogicalSwitchPort.TABLE)
          .column(LogicalSwitchPort.NAME);
      Map<UUID, LogicalSwitchPort> found = new HashMap<>();
      for (Row r : nb.rows(LogicalSwitchPort.TABLE).values()) {
        if (mappedPorts.containsKey((String) r.get(nameColumn).first())) {
          found.put(r.uuid(), LogicalSwitchPort.from(r));
        }
      }
      if (found.isEmpty()) {
        return;
      }
      var portsColumn = nb.schema().table(LogicalSwitch.TABLE).column(LogicalSwitch.PORTS);
      for (Row ls : nb.rows(LogicalSwitch.TABLE).values()) {
        ls.get(portsColumn).forEachUuid(true, false, u -> {
          LogicalSwitchPort lsp = found.get(u);
          if (lsp != null && mappedPorts.get(lsp.name()) == null) {
            mappedPorts.put(lsp.name(), new MappedPort(ls.uuid(), lsp.enabled().orElse(true)));
          }
        });
      }
    }

    /** Adds a load balancer with health checks. */
    void add(LoadBalancer lb, Map<String, Map<String, String>> checks, LoadBalancerInput in) {
      List<Vip> vips = new ArrayList<>();
      boolean resolved = false;
      for (Vip vip : in.vips()) {
        Map<String, String> options = checks.get(vip.key());
        if (options == null) {
          vips.add(vip);
          continue;
        }
        List<Backend> healthy = new ArrayList<>();
        for (Backend backend : vip.backends()) {
          if (monitored(lb, in, vip, backend, options)) {
            healthy.add(backend);
          }
        }
        vips.add(vip.withHealthy(healthy));
        resolved = true;
      }
      if (resolved) {
        balancers.put(in.uuid(), in.withVips(vips));
      }
    }

    /**
     * Records what a backend's mapping implies (a source IP to answer for, a monitor); true if
     * the backend is monitored and healthy.
     */
    private boolean monitored(LoadBalancer lb, LoadBalancerInput in, Vip vip, Backend backend,
        Map<String, String> options) {
      String mapping = lb.ipPortMappings().get(vip.ipv6() ? "[" + backend.address() + "]"
          : backend.address());
      if (mapping == null || mapping.indexOf(':') < 0) {
        return false;
      }
      MappedPort port = mappedPorts.get(portName(mapping));
      String srcIp = sourceIp(mapping);
      if (port == null || srcIp == null) {
        return false;
      }
      sources.computeIfAbsent(port.logicalSwitch(), k -> new TreeSet<>())
          .add(new Source(srcIp, vip.ipv6(), mac));
      if (!port.enabled()) {
        return false;
      }
      Key key = new Key(portName(mapping), backend.address(), backend.port(), in.protocol());
      monitors.put(key, new Monitor(key, srcIp, options));
      return healthy(key);
    }

    /** Unset and {@code online} (on a port that is up) count as healthy. */
    private boolean healthy(Key key) {
      ServiceMonitor row = existing.get(key);
      if (row == null || row.status().isEmpty()) {
        return true;
      }
      return row.status().get().equals("online") && portUp(sb, key.logicalPort());
    }

    ServiceMonitors build() {
      Map<UUID, List<Source>> bySwitch = new HashMap<>();
      sources.forEach((sw, set) -> bySwitch.put(sw, List.copyOf(set)));
      return new ServiceMonitors(mac, List.copyOf(monitors.values()), balancers, bySwitch);
    }
  }
}
