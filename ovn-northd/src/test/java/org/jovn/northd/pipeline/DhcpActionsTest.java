package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jovn.northd.model.SwitchDhcpDns.DhcpConfig;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv6Address;
import org.junit.jupiter.api.Test;

/** Edge cases of reading {@code DHCP_Options} rows that the golden files do not cover. */
class DhcpActionsTest {
  private static final Map<String, String> V4 = Map.of("lease_time", "60",
      "server_id", "10.0.0.1", "server_mac", "0a:00:00:00:ff:01");

  @Test
  void v4_cidrWithoutLength_offersOnlyThatAddressWithAllOnesNetmask() {
    DhcpConfig c = new DhcpConfig("10.0.0.5", V4);

    assertThat(DhcpActions.v4(c, Ipv4Address.parse("10.0.0.5"), Map.of()).orElseThrow()
        .options()).isEqualTo("reg0[3] = put_dhcp_opts(offerip = 10.0.0.5, lease_time = 60, "
            + "netmask = 255.255.255.255, server_id = 10.0.0.1); next;");
    assertThat(DhcpActions.v4(c, Ipv4Address.parse("10.0.0.6"), Map.of())).isEmpty();
  }

  @Test
  void v4_malformedCidr_offersNothing() {
    assertThat(DhcpActions.v4(new DhcpConfig("10.0.0.0/33", V4),
        Ipv4Address.parse("10.0.0.5"), Map.of())).isEmpty();
    assertThat(DhcpActions.v4(new DhcpConfig("ten", V4),
        Ipv4Address.parse("10.0.0.5"), Map.of())).isEmpty();
  }

  @Test
  void v6_serverIdNotAMac_offersNothingAndHasNoServer() {
    DhcpConfig c = new DhcpConfig("fd00::/64", Map.of("server_id", "fd00::1"));

    assertThat(DhcpActions.v6(c, Ipv6Address.parse("fd00::5"))).isEmpty();
    assertThat(DhcpActions.v6Server(c)).isEmpty();
  }

  @Test
  void v6_maskWrittenAsAddress_sameAsPrefixLength() {
    DhcpConfig c = new DhcpConfig("fd00::/ffff:ffff:ffff:ffff::",
        Map.of("server_id", "0a:00:00:00:ff:01"));

    assertThat(DhcpActions.v6(c, Ipv6Address.parse("fd00::5"))).isPresent();
    assertThat(DhcpActions.v6(c, Ipv6Address.parse("fd01::5"))).isEmpty();
  }

  @Test
  void mapped_ipv4MappedAddress_printedAsIpv4() {
    assertThat(DhcpActions.mapped(new Ipv6Address(0, 0xffff_0a00_0001L))).isEqualTo("10.0.0.1");
    assertThat(DhcpActions.mapped(Ipv6Address.parse("fd00::1"))).isEqualTo("fd00::1");
  }
}
