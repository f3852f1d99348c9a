package org.jovn.northd.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.MacAddress;
import org.junit.jupiter.api.Test;

class DynamicRequestTest {
  @Test
  void parse_everyDocumentedForm() {
    assertThat(DynamicRequest.parse("dynamic")).contains(
        new DynamicRequest(Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(DynamicRequest.parse("dynamic 10.0.0.5")).contains(new DynamicRequest(
        Optional.empty(), Optional.of(Ipv4Address.parse("10.0.0.5")), Optional.of("10.0.0.5")));
    assertThat(DynamicRequest.parse("dynamic fd00::5").orElseThrow().ipv6())
        .contains(Ipv6Address.parse("fd00::5"));
    DynamicRequest both = DynamicRequest.parse("dynamic 10.0.0.5  fd00::5").orElseThrow();
    assertThat(both.ipv4()).contains(Ipv4Address.parse("10.0.0.5"));
    assertThat(both.ipv6()).contains(Ipv6Address.parse("fd00::5"));
    assertThat(DynamicRequest.parse("0a:00:00:00:00:01 dynamic").orElseThrow().mac())
        .contains(MacAddress.parse("0a:00:00:00:00:01"));
  }

  @Test
  void parse_otherEntries_notDynamic() {
    assertThat(DynamicRequest.parse("0a:00:00:00:00:01 10.0.0.1")).isEmpty();
    assertThat(DynamicRequest.parse("dynamic fd00::5 10.0.0.5")).isEmpty();
    assertThat(DynamicRequest.parse("dynamic ")).isEmpty();
    assertThat(DynamicRequest.parse("dynamicx")).isEmpty();
    assertThat(DynamicRequest.parse("dynamic host")).isEmpty();
    assertThat(DynamicRequest.parse("router")).isEmpty();
    assertThat(DynamicRequest.parse("")).isEmpty();
  }
}
