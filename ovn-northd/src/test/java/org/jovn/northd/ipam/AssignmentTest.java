package org.jovn.northd.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.MacAddress;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  @Test
  void ipv6Text_likeTheCLibrary() {
    assertThat(Assignment.ipv6Text(Ipv6Address.parse("fd00::800:ff:fe00:1")))
        .isEqualTo("fd00::800:ff:fe00:1");
    assertThat(Assignment.ipv6Text(Ipv6Address.parse("::1"))).isEqualTo("::1");
    assertThat(Assignment.ipv6Text(Ipv6Address.parse("::102:304"))).isEqualTo("::1.2.3.4");
    assertThat(Assignment.ipv6Text(new Ipv6Address(0, 0xffff01020304L)))
        .isEqualTo("::ffff:1.2.3.4");
    assertThat(Assignment.ipv6Text(Ipv6Address.parse("::1:ffff:102:304")))
        .isEqualTo("::1:ffff:102:304");
  }

  @Test
  void eui64_fromTheMac() {
    assertThat(Update.eui64(0xfd00000000000000L, MacAddress.parse("4e:fd:b2:00:00:07")))
        .isEqualTo(Ipv6Address.parse("fd00::4cfd:b2ff:fe00:7"));
  }
}
