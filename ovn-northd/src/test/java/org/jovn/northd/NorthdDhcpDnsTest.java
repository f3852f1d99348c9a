package org.jovn.northd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jovn.ovn.nb.Dns;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.DhcpOptions;
import org.jovn.ovn.sb.Dhcpv6Options;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Southbound tables northd fills for native DHCP, DNS and router advertisements, with our
 * northd between our Northbound and Southbound databases in one JVM: the supported DHCP options
 * ({@code DHCP_Options}, {@code DHCPv6_Options}, compared with what the real ovn-northd 23.03.1
 * writes), the {@code DNS} rows and the {@code ipv6_ra_*} port binding options.
 */
class NorthdDhcpDnsTest {
  @TempDir Path dir;

  @Test
  void sync_writesSupportedDhcpOptions_andRepairsStrayRows() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      NorthdTest.addSwitch(c, "sw0", "vm1", "0a:00:00:00:00:01 10.0.0.1");
      assertThat(dhcpOptions(c.syncSb())).containsExactlyInAnyOrderElementsOf(golden());

      Transaction t = c.sb.transaction();
      t.insert(DhcpOptions.TABLE).set(DhcpOptions.NAME, "router").set(DhcpOptions.CODE, 3L)
          .set(DhcpOptions.TYPE, "str");
      t.insert(DhcpOptions.TABLE).set(DhcpOptions.NAME, "bogus").set(DhcpOptions.CODE, 200L)
          .set(DhcpOptions.TYPE, "str");
      t.insert(Dhcpv6Options.TABLE).set(Dhcpv6Options.NAME, "bogus")
          .set(Dhcpv6Options.CODE, 99L).set(Dhcpv6Options.TYPE, "str");
      c.sb.transact(t).get(10, TimeUnit.SECONDS);
      NorthdTest.addSwitch(c, "sw1");

      assertThat(dhcpOptions(c.syncSb())).containsExactlyInAnyOrderElementsOf(golden());
    }
  }

  @Test
  void sync_dnsRecords_oneRowPerNorthboundRowWithItsSwitchesAndLowercaseValues()
      throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      NorthdTest.addSwitch(c, "sw0");
      NorthdTest.addSwitch(c, "sw1");
      NorthdTest.addSwitch(c, "sw2");
      UUID shared = addDns(c, Map.of("VM1.Example", "10.0.0.1 FD00::1"), "sw0", "sw1");
      UUID empty = addDns(c, Map.of(), "sw2");

      ReplicaSnapshot sb = c.syncSb();
      assertThat(dns(sb)).containsOnlyKeys(shared, empty);
      assertThat(dns(sb).get(shared)).isEqualTo(
          "[sw0, sw1] {VM1.Example=10.0.0.1 fd00::1} {dns_id=" + shared + "}");
      assertThat(dns(sb).get(empty)).isEqualTo("[sw2] {} {dns_id=" + empty + "}");

      Transaction t = c.nb.transaction();
      t.mutate(LogicalSwitch.TABLE, switchUuid(c, "sw1")).delete(LogicalSwitch.DNS_RECORDS,
          Set.of(shared));
      t.mutate(LogicalSwitch.TABLE, switchUuid(c, "sw2")).delete(LogicalSwitch.DNS_RECORDS,
          Set.of(empty));
      t.update(Dns.TABLE, shared).set(Dns.RECORDS, Map.of("vm2", "10.0.0.2"));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);

      sb = c.syncSb();
      assertThat(dns(sb)).containsOnlyKeys(shared);
      assertThat(dns(sb).get(shared)).isEqualTo("[sw0] {vm2=10.0.0.2} {dns_id=" + shared + "}");
    }
  }

  @Test
  void sync_onlyTheDhcpOptionsRowChanges_putDhcpOptsFlowsFollow() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      NorthdTest.addSwitch(c, "sw0", "vm1", "0a:00:00:00:00:01 10.0.0.5");
      Transaction t = c.nb.transaction();
      UUID options = t.insert(org.jovn.ovn.nb.DhcpOptions.TABLE)
          .set(org.jovn.ovn.nb.DhcpOptions.CIDR, "10.0.0.0/24")
          .set(org.jovn.ovn.nb.DhcpOptions.OPTIONS, Map.of("lease_time", "3600",
              "server_id", "10.0.0.1", "server_mac", "0a:00:00:00:ff:01"))
          .uuid();
      UUID vm1 = LogicalSwitchPort.byName(c.nb.snapshot(), "vm1").orElseThrow().uuid().uuid();
      t.update(LogicalSwitchPort.TABLE, vm1).set(LogicalSwitchPort.DHCPV4_OPTIONS,
          Set.of(options));
      options = c.nb.transact(t).get(10, TimeUnit.SECONDS).uuid(options);
      assertThat(putDhcpOpts(c.syncSb())).containsOnly("reg0[3] = put_dhcp_opts(offerip = "
          + "10.0.0.5, lease_time = 3600, netmask = 255.255.255.0, server_id = 10.0.0.1); next;");

      t = c.nb.transaction();
      t.update(org.jovn.ovn.nb.DhcpOptions.TABLE, options).set(
          org.jovn.ovn.nb.DhcpOptions.OPTIONS, Map.of("lease_time", "60",
              "server_id", "10.0.0.1", "server_mac", "0a:00:00:00:ff:01", "router", "10.0.0.1"));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);
      assertThat(putDhcpOpts(c.syncSb())).containsOnly("reg0[3] = put_dhcp_opts(offerip = "
          + "10.0.0.5, lease_time = 60, netmask = 255.255.255.0, router = 10.0.0.1, "
          + "server_id = 10.0.0.1); next;");
    }
  }

  @Test
  void sync_routerPortSendingPeriodicRas_bindingHasRaOptions() throws Exception {
    try (LocalCentral c = new LocalCentral(dir)) {
      Transaction t = c.nb.transaction();
      UUID lrp = t.insert(LogicalRouterPort.TABLE).set(LogicalRouterPort.NAME, "lrp0")
          .set(LogicalRouterPort.MAC, "00:00:00:00:ff:01")
          .set(LogicalRouterPort.NETWORKS, Set.of("fd00::1/64"))
          .set(LogicalRouterPort.IPV6_RA_CONFIGS, Map.of("address_mode", "slaac",
              "send_periodic", "true"))
          .uuid();
      t.insert(LogicalRouter.TABLE).set(LogicalRouter.NAME, "lr0")
          .set(LogicalRouter.PORTS, Set.of(lrp));
      UUID lsp = t.insert(LogicalSwitchPort.TABLE).set(LogicalSwitchPort.NAME, "sw0-lr0")
          .set(LogicalSwitchPort.TYPE, "router")
          .set(LogicalSwitchPort.ADDRESSES, Set.of("router"))
          .set(LogicalSwitchPort.OPTIONS, Map.of("router-port", "lrp0")).uuid();
      t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "sw0")
          .set(LogicalSwitch.PORTS, Set.of(lsp));
      c.nb.transact(t).get(10, TimeUnit.SECONDS);

      ReplicaSnapshot sb = c.syncSb();
      assertThat(PortBinding.byLogicalPort(sb, "lrp0").orElseThrow().options()).isEqualTo(
          Map.ofEntries(Map.entry("peer", "sw0-lr0"),
              Map.entry("ipv6_ra_send_periodic", "true"),
              Map.entry("ipv6_ra_address_mode", "slaac"),
              Map.entry("ipv6_ra_max_interval", "600"),
              Map.entry("ipv6_ra_min_interval", "200"),
              Map.entry("ipv6_ra_prefixes", "fd00::/64"),
              Map.entry("ipv6_ra_prf", "MEDIUM"),
              Map.entry("ipv6_ra_src_addr", "fe80::200:ff:fe00:ff01"),
              Map.entry("ipv6_ra_src_eth", "00:00:00:00:ff:01")));
    }
  }

  /** The distinct actions of the Southbound's {@code put_dhcp_opts} flows. */
  private static Set<String> putDhcpOpts(ReplicaSnapshot sb) {
    Set<String> out = new TreeSet<>();
    org.jovn.ovn.sb.LogicalFlow.all(sb).filter(f -> f.actions().contains("put_dhcp_opts"))
        .forEach(f -> out.add(f.actions()));
    return out;
  }

  private static UUID addDns(LocalCentral c, Map<String, String> records, String... switches)
      throws Exception {
    Transaction t = c.nb.transaction();
    UUID dns = t.insert(Dns.TABLE).set(Dns.RECORDS, records).uuid();
    for (String sw : switches) {
      t.mutate(LogicalSwitch.TABLE, switchUuid(c, sw)).insert(LogicalSwitch.DNS_RECORDS,
          Set.of(dns));
    }
    return c.nb.transact(t).get(10, TimeUnit.SECONDS).uuid(dns);
  }

  private static UUID switchUuid(LocalCentral c, String name) {
    return LogicalSwitch.all(c.nb.snapshot()).filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow().uuid().uuid();
  }

  /** Each DNS row by its dns_id: "[datapath names] {records} {external_ids}". */
  private static Map<UUID, String> dns(ReplicaSnapshot sb) {
    Map<UUID, String> names = new HashMap<>();
    DatapathBinding.all(sb).forEach(d -> names.put(d.uuid().uuid(), d.externalIds().get("name")));
    Map<UUID, String> out = new HashMap<>();
    org.jovn.ovn.sb.Dns.all(sb).forEach(d -> {
      Set<String> dps = new TreeSet<>();
      d.datapaths().forEach(r -> dps.add(names.get(r.uuid())));
      out.put(UUID.fromString(d.externalIds().get("dns_id")), dps + " "
          + new java.util.TreeMap<>(d.records()) + " " + new java.util.TreeMap<>(d.externalIds()));
    });
    return out;
  }

  private static List<String> dhcpOptions(ReplicaSnapshot sb) {
    return Stream.concat(
        DhcpOptions.all(sb).map(o -> "DHCP_Options: " + o.name() + " " + o.code() + " "
            + o.type()),
        Dhcpv6Options.all(sb).map(o -> "DHCPv6_Options: " + o.name() + " " + o.code() + " "
            + o.type())).toList();
  }

  /** The rows the real ovn-northd 23.03.1 writes ({@code golden/sb-dhcp-options.txt}). */
  private static List<String> golden() throws IOException {
    try (InputStream in = NorthdDhcpDnsTest.class.getResourceAsStream(
        "/golden/sb-dhcp-options.txt")) {
      assertThat(in).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#")).toList();
    }
  }
}
