package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.lrp;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.port;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.routerPort;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.sw;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.flow.Stage;
import org.jovn.northd.model.SwitchAcls;
import org.jovn.northd.model.SwitchDhcpDns;
import org.jovn.northd.model.SwitchDhcpDns.DhcpConfig;
import org.jovn.northd.model.SwitchDhcpDns.PortDhcp;
import org.jovn.northd.model.SwitchInput;
import org.junit.jupiter.api.Test;

/**
 * Native DHCP and DNS flows against what the real ovn-northd 23.03.1 wrote for the same
 * Northbound contents (golden files {@code dhcp-dns-*.txt}, whose headers list the ovn-nbctl
 * commands). One switch is compared whole; the others in the stages DHCP and DNS add to:
 * DHCP options and response, DNS lookup and response, and the egress ACL bypass at priority
 * 34000.
 */
class SwitchDhcpDnsGoldenTest {
  private static final DhcpConfig D4 = new DhcpConfig("10.0.0.0/24", Map.of(
      "lease_time", "3600", "router", "10.0.0.1", "server_id", "10.0.0.1",
      "server_mac", "c0:ff:ee:00:00:01", "dns_server", "{10.0.0.53, 8.8.8.8}",
      "domain_name", "\"ovn.test\"", "mtu", "1442"));
  private static final DhcpConfig D4_NO_LEASE = new DhcpConfig("10.0.0.0/24", Map.of(
      "server_id", "10.0.0.1", "server_mac", "c0:ff:ee:00:00:01", "router", "10.0.0.1"));
  private static final DhcpConfig D4_DOTTED_MASK = new DhcpConfig("10.0.0.0/255.255.255.0",
      Map.of("lease_time", "60", "server_id", "10.0.0.2", "server_mac", "c0:ff:ee:00:00:03",
          "hostname", "\"fromopts\""));
  private static final DhcpConfig D6 = new DhcpConfig("fd00::/64", Map.of(
      "server_id", "c0:ff:ee:00:00:02", "dns_server", "{fd00::53}"));
  private static final DhcpConfig D6_STATELESS = new DhcpConfig("fd00::/64", Map.of(
      "server_id", "c0:ff:ee:00:00:02", "dhcpv6_stateless", "true",
      "domain_search", "ovn.test"));

  /** The stages DHCP and DNS add flows to (the ACL stage only at the bypass priority). */
  private static final Predicate<LogicalFlow> OURS = f -> switch (f.stage()) {
    case LS_IN_DHCP_OPTIONS, LS_IN_DHCP_RESPONSE, LS_IN_DNS_LOOKUP, LS_IN_DNS_RESPONSE -> true;
    case LS_OUT_ACL -> f.priority() == SwitchDhcpFlows.ACL_BYPASS;
    default -> false;
  };

  @Test
  void flows_vmsWithDhcpv4Dhcpv6AndDns_wholeSwitchMatchesRealNorthd() throws IOException {
    DhcpConfig d4 = new DhcpConfig("10.0.0.0/24", Map.of("lease_time", "3600",
        "router", "10.0.0.1", "server_id", "10.0.0.1", "server_mac", "00:00:00:00:ff:01",
        "dns_server", "10.0.0.1"));
    DhcpConfig d6 = new DhcpConfig("fd00::/64", Map.of("server_id", "00:00:00:00:ff:01"));
    SwitchInput in = with(sw("swJ",
        port("vm1").addresses("0a:00:00:00:00:01 10.0.0.11 fd00::11")
            .portSecurity("0a:00:00:00:00:01 10.0.0.11 fd00::11"),
        port("vm2").addresses("0a:00:00:00:00:02 10.0.0.12"),
        routerPort("swJ-lrJ", lrp("lrJ-swJ", "00:00:00:00:ff:01", "10.0.0.1/24", "fd00::1/64"))),
        Map.of("vm1", dhcp(d4, d6), "vm2", dhcp(d4, null)), true);

    List<String> golden = SwitchPipelineFixtures.golden("dhcp-dns-swJ-full");
    List<LogicalFlow> flows = SwitchPipeline.flows(in);
    assertThat(SwitchPipelineFixtures.render(flows)).containsExactlyElementsOf(
        golden.stream().filter(l -> l.startsWith("Pipeline: ") || l.startsWith("  table="))
            .toList());
    assertThat(SwitchPipelineFixtures.portTags(flows)).containsExactlyInAnyOrderElementsOf(
        golden.stream().filter(l -> l.startsWith("Port: ")).toList());
  }

  @Test
  void flows_portKindsAndOptionEdgeCases_dhcpAndDnsStagesMatchRealNorthd() throws IOException {
    Map<String, PortDhcp> dhcp = new HashMap<>();
    dhcp.put("vm1", dhcp(D4, D6));
    dhcp.put("vm2", dhcp(D4, null));
    dhcp.put("vm3", dhcp(D4_NO_LEASE, null));
    dhcp.put("vm4", dhcp(D4, D6));
    dhcp.put("vm5", dhcp(D4_DOTTED_MASK, D6_STATELESS));
    dhcp.put("vm6", dhcp(D4, D6));
    dhcp.put("v\"q", dhcp(D4, D6_STATELESS));
    dhcp.put("ext1", new PortDhcp(Optional.of(D4), Optional.of(D6), true));
    dhcp.put("ext2", dhcp(D4, null));
    dhcp.put("swH-lrH", dhcp(D4, null));
    SwitchInput in = with(sw("swH",
        port("vm1").addresses("0a:00:00:00:00:01 10.0.0.11 fd00::11"),
        port("vm2").addresses("0a:00:00:00:00:02 192.168.9.2"),
        port("vm3").addresses("0a:00:00:00:00:03 10.0.0.13"),
        port("vm4").addresses("0a:00:00:00:00:04 10.0.0.14").disabled(),
        port("vm5").addresses("0a:00:00:00:00:05 10.0.0.15 fd00::15")
            .option("hostname", "\"vm5host\""),
        port("vm6").addresses("0a:00:00:00:00:06 192.168.9.6 10.0.0.16 10.0.0.26",
            "0a:00:00:00:00:16 10.0.0.36 fd00::36"),
        port("v\"q").addresses("0a:00:00:00:00:07 10.0.0.17 fd00::17"),
        port("ext1").type("external").addresses("0a:00:00:00:00:e1 10.0.0.41 fd00::41"),
        port("ext2").type("external").addresses("0a:00:00:00:00:e2 10.0.0.42"),
        port("ln1").type("localnet").addresses("unknown").option("network_name", "phys"),
        port("ln2").type("localnet").addresses("unknown").option("network_name", "phys2"),
        routerPort("swH-lrH", lrp("lrH-swH", "00:00:00:00:ff:01", "10.0.0.1/24", "fd00::1/64"))),
        dhcp, true);

    assertOurStagesMatch("dhcp-dns-swH-ports", in);
  }

  @Test
  void flows_statefulAclAndUserNetmask_bypassCommitsAndNetmaskListedTwice() throws IOException {
    DhcpConfig d4 = new DhcpConfig("10.0.0.0/24", Map.of("lease_time", "3600",
        "server_id", "10.0.0.1", "server_mac", "00:00:00:00:ff:01", "netmask", "255.255.0.0"));
    DhcpConfig d6 = new DhcpConfig("fd00::/64", Map.of("server_id", "00:00:00:00:ff:01"));
    SwitchInput plain = with(sw("swK",
        port("vm1").addresses("0a:00:00:00:00:01 10.0.0.11 fd00::11")),
        Map.of("vm1", dhcp(d4, d6)), true);
    SwitchAcls acls = new SwitchAcls(List.of(new SwitchAcls.Rule(true, 1000, "ip4",
        SwitchAcls.Action.ALLOW_RELATED, false, Optional.empty(), Optional.empty(),
        Optional.empty(), 0, false, false)), false, true);
    SwitchInput in = new SwitchInput(plain.uuid(), plain.name(), plain.otherConfig(),
        plain.ports(), acls, plain.dhcpDns());

    assertOurStagesMatch("dhcp-dns-swK-stateful-acl", in);
  }

  @Test
  void flows_dnsRowsWithoutRecords_noDnsFlows() {
    SwitchInput in = with(sw("swI"), Map.of(), false);

    assertThat(SwitchPipeline.flows(in).stream().filter(OURS).map(LogicalFlow::priority))
        .containsOnly(0);
  }

  private static void assertOurStagesMatch(String name, SwitchInput in) throws IOException {
    List<String> golden = SwitchPipelineFixtures.golden(name);
    List<String> goldenFlows = new ArrayList<>();
    for (String line : golden.stream().filter(l -> l.startsWith("  table=")).toList()) {
      if (ourStageLine(line)) {
        goldenFlows.add(line);
      }
    }
    List<LogicalFlow> flows = SwitchPipeline.flows(in).stream().filter(OURS).toList();
    assertThat(SwitchPipelineFixtures.render(flows).stream()
        .filter(l -> l.startsWith("  table=")).toList())
        .as("%s: DHCP, DNS and ACL bypass flows", name)
        .containsExactlyElementsOf(goldenFlows);
    assertThat(SwitchPipelineFixtures.portTags(flows)).as("%s: their in_out_port tags", name)
        .containsExactlyInAnyOrderElementsOf(golden.stream()
            .filter(l -> l.startsWith("Port: ") && ourStageTag(l)).toList());
  }

  private static boolean ourStageLine(String line) {
    for (Stage s : List.of(Stage.LS_IN_DHCP_OPTIONS, Stage.LS_IN_DHCP_RESPONSE,
        Stage.LS_IN_DNS_LOOKUP, Stage.LS_IN_DNS_RESPONSE)) {
      if (line.contains("(" + s.stageName() + " ") || line.contains("(" + s.stageName() + ")")) {
        return true;
      }
    }
    return line.contains("(ls_out_acl ") && line.contains("priority=34000");
  }

  private static boolean ourStageTag(String line) {
    return line.contains(" ls_in_dhcp_") || line.contains(" ls_in_dns_")
        || line.contains(" ls_out_acl 34000 ");
  }

  static PortDhcp dhcp(DhcpConfig v4, DhcpConfig v6) {
    return new PortDhcp(Optional.ofNullable(v4), Optional.ofNullable(v6), false);
  }

  static SwitchInput with(SwitchInput in, Map<String, PortDhcp> dhcp, boolean dns) {
    return new SwitchInput(in.uuid(), in.name(), in.otherConfig(), in.ports(), in.acls(),
        new SwitchDhcpDns(dhcp, dns));
  }
}
