package org.jovn.northd.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jovn.northd.model.LoadBalancerInput.Backend;
import org.jovn.northd.model.LoadBalancerInput.Vip;
import org.junit.jupiter.api.Test;

/** How VIP keys and backends parse, as OVN 23.03's ovn-northd parses them. */
class LoadBalancerInputTest {
  @Test
  void vip_ipv4WithPort_parsesAddressPortAndBackends() {
    Vip vip = LoadBalancerInput.vip("172.16.0.10:80", "10.0.0.1:8080,10.0.0.2:8080").orElseThrow();
    assertThat(vip.address()).isEqualTo("172.16.0.10");
    assertThat(vip.port()).isEqualTo(80);
    assertThat(vip.ipv6()).isFalse();
    assertThat(vip.backends()).containsExactly(new Backend("10.0.0.1", 8080),
        new Backend("10.0.0.2", 8080));
    assertThat(vip.backendIps()).isEqualTo("10.0.0.1:8080,10.0.0.2:8080");
  }

  @Test
  void vip_ipv6InBrackets_isNormalized() {
    Vip vip = LoadBalancerInput.vip("[fd01:0::10]:53", "[fd00::1]:5353").orElseThrow();
    assertThat(vip.address()).isEqualTo("fd01::10");
    assertThat(vip.ipv6()).isTrue();
    assertThat(vip.backends()).containsExactly(new Backend("fd00::1", 5353));
  }

  @Test
  void vip_withoutPortAndWithoutBackends_parses() {
    assertThat(LoadBalancerInput.vip("172.16.0.11", "10.0.0.1").orElseThrow().port()).isZero();
    assertThat(LoadBalancerInput.vip("172.16.0.12:80", "").orElseThrow().backends()).isEmpty();
  }

  @Test
  void vip_badKeyOrBackend_isLeftOut() {
    for (List<String> bad : List.of(List.of("172.16.0.300:80", "10.0.0.1:80"),
        List.of("172.16.0.10:80", "10.0.0.1"), List.of("172.16.0.10", "10.0.0.1:80"),
        List.of("172.16.0.10:80", "[fd00::1]:80"), List.of("172.16.0.10:0", "10.0.0.1:80"),
        List.of("172.16.0.10:80", "10.0.0.1:70000"))) {
      assertThat(LoadBalancerInput.vip(bad.get(0), bad.get(1))).as("%s", bad).isEmpty();
    }
  }

  @Test
  void lbBackends_healthChecked_onlyHealthyAsIpPort_noneHealthyMeansNoBalancing() {
    Vip vip = LoadBalancerInput.vip("[fd00::10]:80", " [fd00::2]:8080, [fd00::3]:8080")
        .orElseThrow();
    assertThat(vip.lbBackends()).as("as written").isEqualTo(" [fd00::2]:8080, [fd00::3]:8080");
    Vip checked = vip.withHealthy(List.of(vip.backends().get(1)));
    assertThat(checked.lbBackends()).isEqualTo("[fd00::3]:8080");
    assertThat(checked.balances()).isTrue();
    assertThat(vip.withHealthy(List.of()).balances()).isFalse();
  }
}
