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
      + " ECMP routes to 10.0.2.0/24, lr1 a source-IP route and a default route. Gateway"
      + " router gw (SNAT, DNAT, floating IPs, stateless, port range, IPv6 SNAT,"
      + " dnat_force_snat_ip) on VLAN provider network public and joined to lr0 by gwjoin;"
      + " router dr with distributed gateway port dr-ext (gateway chassis hv1, hv2) on"
      + " provider network ext, SNAT and floating IPs (one distributed); router dr2 with an"
      + " HA chassis group on ext.";

  private static final String DHCP_DNS_TOPOLOGY = " DHCP and DNS: vm1 and vm2 on sw0 have"
      + " DHCPv4 options (vm2 also stateful DHCPv6), vm3 on sw1 DHCPv4 options of another network"
      + " and stateless DHCPv6; vm4 (disabled) DHCPv4; sw0 and sw1 share a DNS row, sw1 has a"
      + " second one without records; lr0-sw0 sends router advertisements (DHCPv6 stateful,"
      + " periodic), lr0-sw1 (no IPv6 network) is configured for SLAAC.";

  private static final String ACL_TOPOLOGY = " ACLs: port group pg_web (vm1) has"
      + " allow-related ACLs (one logged through fair meter m_fair), so sw0 is stateful; port group pg_db (vm2 on sw0, vm3"
      + " on sw1) has allow-stateless, allow and reject ACLs referring to @pg_db and $pg_web_ip4;"
      + " sw0 also has a logged, labelled allow-related ACL and an apply-after-lb drop, sw1 a"
      + " drop on address set as_mgmt logged through meter m_log; port group pg_empty has no"
      + " ports.";

  private static final String LB_TOPOLOGY = " Load balancers: lb_web (TCP VIP with a port,"
      + " selection_fields) and lb_any (VIP without ports) on sw0; group lbg (lb_aff with"
      + " affinity_timeout and hairpin_snat_ip, lb_rej rejecting without backends, lb_udp over"
      + " IPv6) on sw1 and sw2; lb_none without VIPs on sw3. Router load balancers: gateway"
      + " router gw with lb_force_snat_ip=router_ip, lb_gw (two VIPs, IPv4 and IPv6, one"
      + " with affinity) and lb_gw_nat (a VIP on a floating IP's address); router dr with a"
      + " distributed gateway port, lb_dr (TCP and IPv6 VIPs, add_route, so dr2 routes the"
      + " IPv4 one to dr) and lb_dr_rej (rejecting without backends); group lbg_rtr (lb_skip"
      + " with skip_snat) on gw and dr. Health checks: lb_hc (on sw0 and dr) checks its TCP"
      + " VIP's backends on vm1 (marked offline), vm2 (marked online while its port is down),"
      + " vm4 (disabled) and vm5 and has one backend without mapping; lb_hc6 checks a UDP IPv6"
      + " VIP on vm2; lb_hc_free, on no datapath, checks a backend on vm3; lb_hc_miss has a"
      + " health check naming no VIP.";

  /**
   * Flow differences accepted for now, each with the reason. An entry that no longer matches
   * anything fails the test: remove it once the gap is closed.
   */
  private static final List<Allowance> ALLOWED = List.of();

  @TempDir Path dir;
  /** The Address_Set, Port_Group and Meter rows of each Southbound database: real and ours. */
  private final java.util.Map<String, SouthboundSets> sets = new java.util.HashMap<>();
  /** The DNS and DHCP option rows of each Southbound database: "real" and "ours". */
  private final java.util.Map<String, SouthboundDhcpDns> dhcpDns = new java.util.HashMap<>();
  /** The Load_Balancer rows of each Southbound database: "real" and "ours". */
  private final java.util.Map<String, SouthboundLoadBalancers> lbs = new java.util.HashMap<>();

  @Test
  void sameNorthbound_southboundMatchesRealNorthd() throws IOException {
    RealTools.assumeInteropEnabled();
    SouthboundDump real;
    SouthboundDump ours;
    List<String> ourSyncFailure = new ArrayList<>();
    try (RealOvsdbServer nb = RealOvsdbServer.start(dir, "nb", "ovn-nb")) {
      configureTopology(nb);
      configureAcls(nb);
      configureDhcpDns(nb);
      configureLoadBalancers(nb);
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
        .contains("sw0", "sw1", "join", "lr0", "lr1", "gw", "dr", "dr2", "public", "ext");
    assertThat(real.flows()).extracting(Flow::actions).as("lb_hc balanced to vm5 alone")
        .contains("reg0[1] = 0; ct_lb_mark(backends=10.2.0.5:80);");
    assertThat(lbs.get("real").rows()).as("real service monitors").containsKeys(
        "Service_Monitor vm1 10.0.0.2:80/tcp", "Service_Monitor vm2 [fd00::3]:8080/udp");
    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(ourSyncFailure).as("jovn northd reaching sb_cfg").isEmpty();
    softly.assertThat(report.tableConflicts()).as("stages whose tables disagree").isEmpty();
    softly.assertThat(report.portDifferences()).as("Port_Binding differences").isEmpty();
    softly.assertThat(report.groupDifferences()).as("Multicast_Group differences").isEmpty();
    softly.assertThat(report.portUpDifferences()).as("Port_Binding up differences").isEmpty();
    softly.assertThat(NamedRows.differences(sets.get("real").rows(), sets.get("ours").rows()))
        .as("Address_Set, Port_Group and Meter differences").isEmpty();
    softly.assertThat(NamedRows.differences(dhcpDns.get("real").rows(),
        dhcpDns.get("ours").rows())).as("DNS and DHCP option row differences").isEmpty();
    softly.assertThat(NamedRows.differences(lbs.get("real").rows(), lbs.get("ours").rows()))
        .as("Load_Balancer and Service_Monitor differences").isEmpty();
    softly.assertThat(report.unexplained()).as("flow differences not on the allow-list")
        .isEmpty();
    softly.assertThat(report.stale()).as("allow-list entries that match no difference")
        .isEmpty();
    softly.assertAll();
  }

  private static DiffReport compare(SouthboundDump real, SouthboundDump ours) {
    return new DiffReport("jovn northd vs ovn-northd 23.03",
        TOPOLOGY + ACL_TOPOLOGY + DHCP_DNS_TOPOLOGY + LB_TOPOLOGY,
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
        setMonitorStatuses(sb);
        RealTools.Result again = sync(nb);
        assertThat(again.ok()).as(() -> again + "\n" + northd.logs()).isTrue();
      }
      sets.put("real", SouthboundSets.read(sb.remote()));
      dhcpDns.put("real", SouthboundDhcpDns.read(sb.remote()));
      lbs.put("real", SouthboundLoadBalancers.read(sb.remote()));
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
        if (r.ok()) {
          setMonitorStatuses(sb);
          r = sync(nb);
        }
        if (!r.ok()) {
          failure.add(r + "\njovn northd " + northd.status() + "\n" + sb.logs());
        }
      }
      sets.put("ours", SouthboundSets.read(sb.remote()));
      dhcpDns.put("ours", SouthboundDhcpDns.read(sb.remote()));
      lbs.put("ours", SouthboundLoadBalancers.read(sb.remote()));
      return SouthboundDump.read(sb.remote());
    }
  }

  /**
   * Plays ovn-controller: the monitor of lb_hc's backend on vm1 goes offline, that on vm2
   * online (northd turns it offline again, vm2's port not being up).
   */
  private static void setMonitorStatuses(RealOvsdbServer sb) {
    setMonitorStatus(sb, "vm1", "10.0.0.2", "offline");
    setMonitorStatus(sb, "vm2", "10.0.0.3", "online");
  }

  private static void setMonitorStatus(RealOvsdbServer sb, String port, String ip,
      String status) {
    String uuid = RealTools.run(RealTools.COMMAND_TIMEOUT, List.of("ovn-sbctl",
        "--db=" + sb.remote(), "--bare", "--columns=_uuid", "find", "service_monitor",
        "logical_port=" + port, "ip=\"" + ip + "\"")).check().stdout().strip();
    RealTools.run(RealTools.COMMAND_TIMEOUT, List.of("ovn-sbctl", "--db=" + sb.remote(), "set",
        "service_monitor", uuid, "status=" + status)).check();
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
    configureGateways(nb);
  }

  /**
   * A gateway router on a VLAN provider network, joined to lr0; a router with a distributed
   * gateway port (two gateway chassis) and floating IPs, one of them distributed; a router whose
   * gateway port has an HA chassis group.
   */
  private static void configureGateways(RealOvsdbServer nb) {
    nbctl(nb, "ls-add", "public", "--", "ls-add", "gwjoin", "--", "ls-add", "ext",
        "--", "ls-add", "sw2", "--", "ls-add", "sw3",
        "--", "lr-add", "gw", "--", "lr-add", "dr", "--", "lr-add", "dr2",
        "--", "set", "logical_router", "gw", "options:chassis=hv1",
        "options:dnat_force_snat_ip=100.65.0.1",
        "--", "lsp-add", "public", "ln-public", "--", "lsp-set-type", "ln-public", "localnet",
        "--", "lsp-set-addresses", "ln-public", "unknown",
        "--", "lsp-set-options", "ln-public", "network_name=physnet1",
        "--", "set", "logical_switch_port", "ln-public", "tag_request=101",
        "--", "lsp-add", "ext", "ln-ext", "--", "lsp-set-type", "ln-ext", "localnet",
        "--", "lsp-set-addresses", "ln-ext", "unknown",
        "--", "lsp-set-options", "ln-ext", "network_name=physnet2",
        "--", "lsp-add", "sw2", "vm5",
        "--", "lsp-set-addresses", "vm5", "0a:00:00:00:00:05 10.2.0.5",
        "--", "lsp-add", "sw2", "vm6",
        "--", "lsp-set-addresses", "vm6", "0a:00:00:00:00:06 10.2.0.6");
    attach(nb, "gw", "public", "0a:00:00:00:fe:01", "172.16.0.1/24");
    attach(nb, "gw", "gwjoin", "0a:00:00:00:fe:02", "100.65.0.1/24");
    attach(nb, "lr0", "gwjoin", "0a:00:00:00:fe:03", "100.65.0.2/24");
    attach(nb, "dr", "ext", "0a:00:00:00:fd:01", "172.17.0.1/24");
    attach(nb, "dr", "sw2", "0a:00:00:00:fd:02", "10.2.0.1/24", "fd02::1/64");
    attach(nb, "dr2", "ext", "0a:00:00:00:fd:11", "172.17.0.2/24");
    attach(nb, "dr2", "sw3", "0a:00:00:00:fd:12", "10.3.0.1/24");
    nbctl(nb, "set", "logical_switch_port", "public-gw", "options:nat-addresses=router",
        "--", "set", "logical_switch_port", "ext-dr", "options:nat-addresses=router",
        "--", "set", "logical_router_port", "dr2-sw3", "options:reside-on-redirect-chassis=true",
        "--", "lrp-set-gateway-chassis", "dr-ext", "hv1", "20",
        "--", "lrp-set-gateway-chassis", "dr-ext", "hv2", "10",
        "--", "ha-chassis-group-add", "hagrp1",
        "--", "ha-chassis-group-add-chassis", "hagrp1", "hv1", "30",
        "--", "ha-chassis-group-add-chassis", "hagrp1", "hv2", "15");
    String group = RealTools.run(RealTools.COMMAND_TIMEOUT, nbctlCommand(nb, "--bare",
        "--columns=_uuid", "find", "ha_chassis_group", "name=hagrp1")).check().stdout().strip();
    nbctl(nb, "set", "logical_router_port", "dr2-ext", "ha_chassis_group=" + group,
        "--", "lr-route-add", "gw", "10.0.0.0/16", "100.65.0.2",
        "--", "lr-route-add", "dr", "0.0.0.0/0", "172.17.0.254",
        "--", "lr-nat-add", "gw", "snat", "172.16.0.100", "10.0.0.0/24",
        "--", "lr-nat-add", "gw", "dnat_and_snat", "172.16.0.110", "10.0.0.3",
        "--", "lr-nat-add", "gw", "dnat", "172.16.0.120", "10.0.0.4",
        "--", "--portrange", "lr-nat-add", "gw", "snat", "172.16.0.101", "10.0.1.0/24",
        "1000-2000",
        "--", "--stateless", "lr-nat-add", "gw", "dnat_and_snat", "172.16.0.111", "10.0.0.6",
        "--", "lr-nat-add", "gw", "snat", "fd99::100", "fd00::/64",
        "--", "lr-nat-add", "gw", "snat", "172.16.0.1", "10.9.0.0/24",
        "--", "lr-nat-add", "dr", "snat", "172.17.0.100", "10.2.0.0/24",
        "--", "lr-nat-add", "dr", "dnat_and_snat", "172.17.0.105", "10.2.0.5", "vm5",
        "0a:00:00:00:fd:05",
        "--", "lr-nat-add", "dr", "dnat_and_snat", "172.17.0.106", "10.2.0.6",
        "--", "lr-nat-add", "dr", "dnat", "172.17.0.107", "10.2.0.7",
        "--", "lr-nat-add", "dr2", "snat", "172.17.0.200", "10.3.0.0/24");
  }

  /**
   * ACLs of switches and of port groups, address sets, port groups and meters (see
   * {@link #ACL_TOPOLOGY}).
   */
  private static void configureAcls(RealOvsdbServer nb) {
    nbctl(nb, "create", "Address_Set", "name=as_mgmt",
        "addresses=\"10.0.1.0/24\",\"fd00::/64\"");
    nbctl(nb, "pg-add", "pg_web", "vm1", "--", "pg-add", "pg_db", "vm2", "vm3",
        "--", "pg-add", "pg_empty", "--", "meter-add", "m_log", "drop", "100", "pktps",
        "--", "--fair", "meter-add", "m_fair", "drop", "10", "pktps", "5");
    nbctl(nb, "--type=port-group", "acl-add", "pg_web", "to-lport", "1000",
        "outport == @pg_web && tcp.dst == 80", "allow-related",
        "--", "--type=port-group", "--log", "--name=web-out", "--severity=warning",
        "--meter=m_fair", "acl-add", "pg_web", "from-lport", "1000", "inport == @pg_web && ip4", "allow-related",
        "--", "--type=port-group", "acl-add", "pg_db", "from-lport", "1100",
        "inport == @pg_db && udp", "allow-stateless",
        "--", "--type=port-group", "acl-add", "pg_db", "to-lport", "1050",
        "outport == @pg_db && ip4.src == $pg_web_ip4 && tcp.dst == 5432", "allow",
        "--", "--type=port-group", "acl-add", "pg_db", "to-lport", "1040",
        "outport == @pg_db && tcp.dst == 5432", "reject",
        "--", "--log", "--meter=m_log", "acl-add", "sw1", "from-lport", "900",
        "ip4.dst == $as_mgmt && tcp.dst == 22", "drop",
        "--", "--log", "--label=42", "acl-add", "sw0", "to-lport", "800", "icmp4",
        "allow-related",
        "--", "--apply-after-lb", "acl-add", "sw0", "from-lport", "700",
        "ip6.dst == $as_mgmt", "drop");
  }

  /** Native DHCPv4, DHCPv6, DNS records and router advertisements (see DHCP_DNS_TOPOLOGY). */
  private static void configureDhcpDns(RealOvsdbServer nb) {
    nbctl(nb, "--", "--id=@d4", "create", "DHCP_Options", "cidr=10.0.0.0/24",
        "options:lease_time=3600", "options:router=10.0.0.1", "options:server_id=10.0.0.1",
        "options:server_mac=0a:00:00:00:ff:01", "options:dns_server=\"{10.0.0.53, 8.8.8.8}\"",
        "options:domain_name=\"\\\"ovn.test\\\"\"",
        "--", "--id=@d4b", "create", "DHCP_Options", "cidr=10.0.1.0/255.255.255.0",
        "options:lease_time=60", "options:server_id=10.0.1.1",
        "options:server_mac=0a:00:00:00:ff:02", "options:mtu=1400",
        "--", "--id=@d6", "create", "DHCP_Options", "cidr=\"fd00::/64\"",
        "options:server_id=0a:00:00:00:ff:01", "options:dns_server=\"{fd00::53}\"",
        "--", "--id=@d6s", "create", "DHCP_Options", "cidr=\"fd01::/64\"",
        "options:server_id=0a:00:00:00:ff:02", "options:dhcpv6_stateless=true",
        "options:domain_search=ovn.test",
        "--", "set", "Logical_Switch_Port", "vm1", "dhcpv4_options=@d4",
        "--", "set", "Logical_Switch_Port", "vm2", "dhcpv4_options=@d4", "dhcpv6_options=@d6",
        "--", "set", "Logical_Switch_Port", "vm4", "dhcpv4_options=@d4",
        "--", "set", "Logical_Switch_Port", "vm3", "dhcpv4_options=@d4b",
        "dhcpv6_options=@d6s",
        "--", "--id=@dns", "create", "DNS",
        "records=\"vm1.ovn.test\"=\"10.0.0.2\",\"VM2.OVN.Test\"=\"10.0.0.3 FD00::3\"",
        "--", "add", "Logical_Switch", "sw0", "dns_records", "@dns",
        "--", "add", "Logical_Switch", "sw1", "dns_records", "@dns",
        "--", "--id=@dns0", "create", "DNS", "external_ids:purpose=empty",
        "--", "add", "Logical_Switch", "sw1", "dns_records", "@dns0",
        "--", "set", "Logical_Router_Port", "lr0-sw0",
        "ipv6_ra_configs:address_mode=dhcpv6_stateful", "ipv6_ra_configs:send_periodic=true",
        "ipv6_ra_configs:mtu=1450", "ipv6_ra_configs:rdnss=fd00::53",
        "--", "set", "Logical_Router_Port", "lr0-sw1", "ipv6_ra_configs:address_mode=slaac");
  }

  /** Load balancers on switches and routers, directly and through groups (see LB_TOPOLOGY). */
  private static void configureLoadBalancers(RealOvsdbServer nb) {
    nbctl(nb, "lb-add", "lb_web", "192.168.100.10:80", "10.0.0.2:8080,10.0.0.3:8080", "tcp",
        "--", "set", "load_balancer", "lb_web", "selection_fields=ip_src,tp_src",
        "--", "lb-add", "lb_any", "192.168.100.11", "10.0.0.2,10.0.0.3",
        "--", "ls-lb-add", "sw0", "lb_web", "--", "ls-lb-add", "sw0", "lb_any",
        "--", "lb-add", "lb_aff", "192.168.100.12:443", "10.2.0.5:8443,10.2.0.6:8443",
        "--", "set", "load_balancer", "lb_aff", "options:affinity_timeout=120",
        "options:hairpin_snat_ip=192.168.100.99",
        "--", "lb-add", "lb_udp", "[fd10::10]:53", "[fd02::5]:5353", "udp",
        "--", "create", "load_balancer", "name=lb_rej", "protocol=tcp",
        "vips:\"192.168.100.13:80\"=\"\"", "options:reject=true",
        "--", "create", "load_balancer", "name=lb_none", "protocol=udp",
        "--", "ls-lb-add", "sw3", "lb_none");
    String aff = uuidOf(nb, "load_balancer", "lb_aff");
    String rej = uuidOf(nb, "load_balancer", "lb_rej");
    String udp = uuidOf(nb, "load_balancer", "lb_udp");
    nbctl(nb, "--id=@g", "create", "load_balancer_group", "name=lbg",
        "load_balancer=" + aff + "," + rej + "," + udp,
        "--", "add", "logical_switch", "sw1", "load_balancer_group", "@g",
        "--", "add", "logical_switch", "sw2", "load_balancer_group", "@g");
    configureRouterLoadBalancers(nb);
    configureHealthChecks(nb);
  }

  /** Health-checked load balancers (see LB_TOPOLOGY). */
  private static void configureHealthChecks(RealOvsdbServer nb) {
    nbctl(nb, "lb-add", "lb_hc", "192.168.100.20:80",
        "10.0.0.2:80,10.0.0.3:80,10.0.0.5:80,10.0.1.9:80,10.2.0.5:80", "tcp",
        "--", "set", "load_balancer", "lb_hc", "ip_port_mappings:10.0.0.2=vm1:10.0.0.254",
        "ip_port_mappings:10.2.0.5=vm5:10.2.0.254",
        "ip_port_mappings:10.0.0.3=vm2:10.0.0.254", "ip_port_mappings:10.0.0.5=vm4:10.0.0.253",
        "--", "--id=@hc", "create", "load_balancer_health_check", "vip=\"192.168.100.20:80\"",
        "options:interval=5", "options:timeout=20", "options:success_count=3",
        "options:failure_count=3", "--", "add", "load_balancer", "lb_hc", "health_check", "@hc",
        "--", "ls-lb-add", "sw0", "lb_hc", "--", "lr-lb-add", "dr", "lb_hc");
    nbctl(nb, "lb-add", "lb_hc6", "[fd00::20]:8080", "[fd00::3]:8080", "udp",
        "--", "set", "load_balancer", "lb_hc6", "ip_port_mappings:\"[fd00::3]\"=\"vm2:fd00::fe\"",
        "--", "--id=@hc", "create", "load_balancer_health_check", "vip=\"[fd00::20]:8080\"",
        "--", "add", "load_balancer", "lb_hc6", "health_check", "@hc",
        "--", "ls-lb-add", "sw0", "lb_hc6");
    nbctl(nb, "lb-add", "lb_hc_free", "192.168.100.21:80", "10.0.1.4:80", "tcp",
        "--", "set", "load_balancer", "lb_hc_free", "ip_port_mappings:10.0.1.4=vm3:10.0.1.254",
        "--", "--id=@hc", "create", "load_balancer_health_check", "vip=\"192.168.100.21:80\"",
        "options:interval=10", "--", "add", "load_balancer", "lb_hc_free", "health_check", "@hc",
        "--", "lb-add", "lb_hc_miss", "192.168.100.22:80", "10.0.0.2:80", "tcp",
        "--", "set", "load_balancer", "lb_hc_miss", "ip_port_mappings:10.0.0.2=vm1:10.0.0.252",
        "--", "--id=@hc2", "create", "load_balancer_health_check", "vip=\"192.168.100.22\"",
        "--", "add", "load_balancer", "lb_hc_miss", "health_check", "@hc2",
        "--", "ls-lb-add", "sw1", "lb_hc_miss");
  }

  /**
   * Load balancers on the gateway router gw (with {@code lb_force_snat_ip=router_ip}) and on
   * dr, which has a distributed gateway port (see LB_TOPOLOGY).
   */
  private static void configureRouterLoadBalancers(RealOvsdbServer nb) {
    nbctl(nb, "set", "logical_router", "gw", "options:lb_force_snat_ip=router_ip",
        "--", "lb-add", "lb_gw", "172.16.0.200:80", "10.0.0.2:80,10.0.0.3:80", "tcp",
        "--", "lb-add", "lb_gw", "172.16.0.201", "10.0.0.2",
        "--", "lb-add", "lb_gw", "[fd00::200]:443", "[fd00::3]:8443", "tcp",
        "--", "set", "load_balancer", "lb_gw", "options:affinity_timeout=60",
        "--", "lb-add", "lb_gw_nat", "172.16.0.110:8080", "10.0.0.3:80", "tcp",
        "--", "lr-lb-add", "gw", "lb_gw", "--", "lr-lb-add", "gw", "lb_gw_nat",
        "--", "lb-add", "lb_dr", "172.17.0.50:80", "10.2.0.5:80,10.2.0.6:80", "tcp",
        "--", "lb-add", "lb_dr", "[fd02::100]:80", "[fd02::5]:80", "tcp",
        "--", "set", "load_balancer", "lb_dr", "options:add_route=true",
        "--", "create", "load_balancer", "name=lb_dr_rej", "protocol=tcp",
        "vips:\"172.17.0.51:80\"=\"\"", "options:reject=true",
        "--", "lr-lb-add", "dr", "lb_dr", "--", "lr-lb-add", "dr", "lb_dr_rej",
        "--", "lb-add", "lb_skip", "172.17.0.52:22", "10.2.0.6:22", "tcp",
        "--", "set", "load_balancer", "lb_skip", "options:skip_snat=true");
    String skip = uuidOf(nb, "load_balancer", "lb_skip");
    nbctl(nb, "--id=@g", "create", "load_balancer_group", "name=lbg_rtr",
        "load_balancer=" + skip,
        "--", "add", "logical_router", "gw", "load_balancer_group", "@g",
        "--", "add", "logical_router", "dr", "load_balancer_group", "@g");
  }

  private static String uuidOf(RealOvsdbServer nb, String table, String name) {
    return RealTools.run(RealTools.COMMAND_TIMEOUT, nbctlCommand(nb, "--bare",
        "--columns=_uuid", "find", table, "name=" + name)).check().stdout().strip();
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
