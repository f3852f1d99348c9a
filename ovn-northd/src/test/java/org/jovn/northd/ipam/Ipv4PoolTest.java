package org.jovn.northd.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import org.jovn.northd.net.Ipv4Address;
import org.junit.jupiter.api.Test;

class Ipv4PoolTest {
  private static Ipv4Address ip(String s) {
    return Ipv4Address.parse(s);
  }

  @Test
  void lowestFree_freshSubnet_isNetworkPlusTwo() {
    Ipv4Pool pool = new Ipv4Pool(ip("10.0.0.77"), 24);
    assertThat(pool.first()).isEqualTo(ip("10.0.0.1"));
    assertThat(pool.lowestFree()).contains(ip("10.0.0.2"));
    assertThat(pool.isFree(ip("10.0.0.0"))).isFalse();
    assertThat(pool.isFree(ip("10.0.0.1"))).isFalse();
    assertThat(pool.isFree(ip("10.0.0.254"))).isTrue();
    assertThat(pool.isFree(ip("10.0.0.255"))).isFalse();
    assertThat(pool.isFree(ip("10.0.1.2"))).isFalse();
  }

  @Test
  void take_rangesMergeAndSkip() {
    Ipv4Pool pool = new Ipv4Pool(ip("10.0.0.0"), 24);
    pool.take(ip("10.0.0.3"));
    pool.take(ip("10.0.0.2"));
    pool.take(ip("10.0.0.5"));
    assertThat(pool.lowestFree()).contains(ip("10.0.0.4"));
    pool.take(ip("10.0.0.4"));
    assertThat(pool.lowestFree()).contains(ip("10.0.0.6"));
    pool.take(ip("192.168.0.1"));
    assertThat(pool.lowestFree()).contains(ip("10.0.0.6"));
  }

  @Test
  void takeRange_clampedToThePool() {
    Ipv4Pool pool = new Ipv4Pool(ip("10.0.0.0"), 24);
    assertThat(pool.takeRange(Integer.toUnsignedLong(ip("9.0.0.0").value()),
        Integer.toUnsignedLong(ip("10.0.0.9").value()))).isTrue();
    assertThat(pool.lowestFree()).contains(ip("10.0.0.10"));
    assertThat(pool.takeRange(Integer.toUnsignedLong(ip("11.0.0.0").value()),
        Integer.toUnsignedLong(ip("11.0.0.9").value()))).isFalse();
  }

  @Test
  void lowestFree_allButBroadcastTaken_isEmpty() {
    Ipv4Pool pool = new Ipv4Pool(ip("10.0.0.0"), 30);
    assertThat(pool.lowestFree()).contains(ip("10.0.0.2"));
    pool.take(ip("10.0.0.2"));
    assertThat(pool.lowestFree()).isEmpty();
    assertThat(new Ipv4Pool(ip("10.0.0.0"), 31).lowestFree()).isEmpty();
  }

  @Test
  void lowestFree_wholeAddressSpace_works() {
    Ipv4Pool pool = new Ipv4Pool(ip("0.0.0.0"), 0);
    pool.take(ip("0.0.0.2"));
    assertThat(pool.lowestFree()).contains(ip("0.0.0.3"));
    assertThat(pool.isFree(ip("255.255.255.254"))).isTrue();
    assertThat(pool.isFree(ip("255.255.255.255"))).isFalse();
  }
}
