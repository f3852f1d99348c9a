package org.jovn.northd.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jovn.northd.net.Ipv4Prefix;
import org.junit.jupiter.api.Test;

class SwitchConfigTest {
  @Test
  void subnet_cidrForms_parsedAndHostsRejected() {
    assertThat(SwitchConfig.subnet("10.0.0.5/24")).contains(Ipv4Prefix.parse("10.0.0.5/24"));
    assertThat(SwitchConfig.subnet("10.0.0.0/255.255.255.0"))
        .contains(Ipv4Prefix.parse("10.0.0.0/24"));
    assertThat(SwitchConfig.subnet("10.0.0.0/255.0.255.0")).isEmpty();
    assertThat(SwitchConfig.subnet("10.0.0.0/32")).isEmpty();
    assertThat(SwitchConfig.subnet("10.0.0.0")).isEmpty();
    assertThat(SwitchConfig.subnet("10.0.0.0/33")).isEmpty();
  }

  @Test
  void ipv6Prefix_only64Bits() {
    assertThat(SwitchConfig.ipv6Prefix("fd00::/64")).contains(0xfd00000000000000L);
    assertThat(SwitchConfig.ipv6Prefix("fd00:1:2:3:4::9")).contains(0xfd00000100020003L);
    assertThat(SwitchConfig.ipv6Prefix("fd00::/ffff:ffff:ffff:ffff::"))
        .contains(0xfd00000000000000L);
    assertThat(SwitchConfig.ipv6Prefix("fd00::/48")).isEmpty();
    assertThat(SwitchConfig.ipv6Prefix("nope")).isEmpty();
  }

  @Test
  void excludeRanges_addressesAndRangesUntilASyntaxError() {
    assertThat(SwitchConfig.excludeRanges("10.0.0.4 10.0.0.10..10.0.0.20  10.0.0.30 .. 10.0.0.31"))
        .extracting(r -> r.from() & 0xff, r -> r.to() & 0xff)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, 4L),
            org.assertj.core.groups.Tuple.tuple(10L, 20L),
            org.assertj.core.groups.Tuple.tuple(30L, 31L));
    assertThat(SwitchConfig.excludeRanges("10.0.0.4,10.0.0.5")).hasSize(1);
    assertThat(SwitchConfig.excludeRanges("10.0.0.4..")).isEmpty();
    assertThat(SwitchConfig.excludeRanges("")).isEmpty();
  }

  @Test
  void macOnly_onlyWithoutSubnetOrPrefixKeys() {
    assertThat(SwitchConfig.of(Map.of("mac_only", "TRUE")).managed()).isTrue();
    assertThat(SwitchConfig.of(Map.of("mac_only", "yes")).managed()).isFalse();
    assertThat(SwitchConfig.of(Map.of("mac_only", "true", "ipv6_prefix", "x")).managed())
        .isFalse();
    assertThat(SwitchConfig.of(Map.of()).managed()).isFalse();
  }
}
