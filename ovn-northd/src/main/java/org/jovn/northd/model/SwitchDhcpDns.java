package org.jovn.northd.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jovn.ovn.nb.DhcpOptions;
import org.jovn.ovn.nb.Dns;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.Columns;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.data.Row;

/**
 * The native DHCP configuration of one logical switch's ports and whether the switch answers
 * DNS queries, as its flows see them. A value: equal inputs yield equal flows.
 *
 * @param ports the DHCP configuration of each port that has some, by port name
 * @param dnsRecords whether some {@code DNS} row of the switch's {@code dns_records} has a
 *     record (then the switch answers DNS queries itself)
 */
public record SwitchDhcpDns(Map<String, PortDhcp> ports, boolean dnsRecords) {
  /** No DHCP and no DNS. */
  public static final SwitchDhcpDns NONE = new SwitchDhcpDns(Map.of(), false);

  public SwitchDhcpDns {
    ports = Map.copyOf(ports);
  }

  /**
   * A {@code DHCP_Options} row as a port refers to it.
   *
   * @param cidr its {@code cidr}: the network the offered address must be in
   * @param options its {@code options}, verbatim
   */
  public record DhcpConfig(String cidr, Map<String, String> options) {
    public DhcpConfig {
      Objects.requireNonNull(cidr, "cidr");
      options = Map.copyOf(options);
    }
  }

  /**
   * The DHCP configuration of one switch port.
   *
   * @param v4 its {@code dhcpv4_options}, if set
   * @param v6 its {@code dhcpv6_options}, if set
   * @param haChassisGroup whether its {@code ha_chassis_group} is set (an {@code external} port
   *     is served only then)
   */
  public record PortDhcp(Optional<DhcpConfig> v4, Optional<DhcpConfig> v6,
      boolean haChassisGroup) {
    public PortDhcp {
      Objects.requireNonNull(v4, "v4");
      Objects.requireNonNull(v6, "v6");
    }
  }

  /** The DHCP configuration of the port of that name, if it has some. */
  public Optional<PortDhcp> port(String name) {
    return Optional.ofNullable(ports.get(name));
  }

  /**
   * Reads the DHCP options of a switch's ports and its DNS records. Only the columns needed are
   * read from the ports' rows.
   */
  static SwitchDhcpDns read(ReplicaSnapshot nb, LogicalSwitch ls) {
    Map<String, PortDhcp> ports = new HashMap<>();
    Map<UUID, Row> lsps = nb.rows(LogicalSwitchPort.TABLE);
    for (var ref : ls.ports()) {
      Row row = lsps.get(ref.uuid());
      if (row == null) {
        continue;
      }
      Optional<DhcpConfig> v4 = options(nb, row, LogicalSwitchPort.DHCPV4_OPTIONS);
      Optional<DhcpConfig> v6 = options(nb, row, LogicalSwitchPort.DHCPV6_OPTIONS);
      if (v4.isPresent() || v6.isPresent()) {
        boolean ha = Columns.optional(row, LogicalSwitchPort.HA_CHASSIS_GROUP, Columns::ref)
            .isPresent();
        ports.put(Columns.scalar(row, LogicalSwitchPort.NAME, String.class::cast),
            new PortDhcp(v4, v6, ha));
      }
    }
    boolean dns = ls.dnsRecords().stream().map(r -> Dns.get(nb, r))
        .anyMatch(d -> d.isPresent() && !d.get().records().isEmpty());
    return ports.isEmpty() && !dns ? NONE : new SwitchDhcpDns(ports, dns);
  }

  private static Optional<DhcpConfig> options(ReplicaSnapshot nb, Row lsp, String column) {
    Optional<Ref<DhcpOptions>> ref = Columns.optional(lsp, column, Columns::ref);
    return ref.flatMap(r -> DhcpOptions.get(nb, r)).map(SwitchDhcpDns::config);
  }

  private static DhcpConfig config(DhcpOptions row) {
    return new DhcpConfig(row.cidr(), row.options());
  }
}
