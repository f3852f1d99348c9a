package org.jovn.northd.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Address assignment on inputs built in memory, under MAC prefix 0a:00:00. Expected values
 * follow ovn-northd 23.03: new IPv4 addresses from network + 2 up, MAC suffix = last 24 bits of
 * the IPv4 address + 1 (1 without IPv4).
 */
class IpamTest {
  private final Inputs nb = new Inputs();

  @Test
  void assign_dynamicPorts_getLowestAddressesAfterTheFirst() {
    nb.sw(List.of(nb.port("p1", "dynamic"), nb.port("p2", "dynamic")),
        "subnet", "10.0.0.0/24");
    assertThat(nb.run()).containsExactly(
        Map.entry("p1", Optional.of("0a:00:00:00:00:03 10.0.0.2")),
        Map.entry("p2", Optional.of("0a:00:00:00:00:04 10.0.0.3")));
  }

  @Test
  void assign_subnetWithExcludes_skipsExcluded() {
    nb.sw(List.of(nb.port("p1", "dynamic"), nb.port("p2", "dynamic"), nb.port("p3", "dynamic")),
        "subnet", "10.0.0.0/24", "exclude_ips", "10.0.0.2 10.0.0.4..10.0.0.6");
    assertThat(nb.settled()).containsExactly(
        Map.entry("p1", "0a:00:00:00:00:04 10.0.0.3"),
        Map.entry("p2", "0a:00:00:00:00:08 10.0.0.7"),
        Map.entry("p3", "0a:00:00:00:00:09 10.0.0.8"));
  }

  @Test
  void assign_excludeListWithSyntaxError_usesEntriesBeforeIt() {
    nb.sw(List.of(nb.port("p1", "dynamic")),
        "subnet", "10.0.0.0/24", "exclude_ips", "10.0.0.2..10.0.0.3 bad 10.0.0.4");
    assertThat(nb.settled()).containsEntry("p1", "0a:00:00:00:00:05 10.0.0.4");
  }

  @Test
  void assign_staticAndRouterAddresses_areAvoided() {
    nb.sw(List.of(nb.port("vm", "0a:00:00:00:00:10 10.0.0.2"), nb.port("p1", "dynamic")),
        List.of("10.0.0.1", "10.0.0.3"), "subnet", "10.0.0.0/24");
    assertThat(nb.settled()).containsExactly(Map.entry("p1", "0a:00:00:00:00:05 10.0.0.4"));
  }

  @Test
  void assign_macSuffixTakenAnywhere_takesTheNextOne() {
    nb.sw(List.of(nb.port("other", "0a:00:00:00:00:03 192.168.0.9")));
    nb.routerMac("0a:00:00:00:00:04").routerMac("0b:00:00:00:00:05");
    nb.sw(List.of(nb.port("p1", "dynamic")), "subnet", "10.0.0.0/24");
    assertThat(nb.settled()).containsEntry("p1", "0a:00:00:00:00:05 10.0.0.2");
  }

  @Test
  void assign_ipv6Prefix_eui64FromTheMac() {
    nb.sw(List.of(nb.port("p1", "dynamic"), nb.port("p2", "aa:bb:cc:dd:ee:ff dynamic")),
        "subnet", "10.0.0.0/24", "ipv6_prefix", "fd00::/64");
    assertThat(nb.settled()).containsExactly(
        Map.entry("p1", "0a:00:00:00:00:03 10.0.0.2 fd00::800:ff:fe00:3"),
        Map.entry("p2", "aa:bb:cc:dd:ee:ff 10.0.0.3 fd00::a8bb:ccff:fedd:eeff"));
  }

  @Test
  void assign_requestedAddresses_areUsed() {
    nb.sw(List.of(nb.port("p1", "dynamic 10.0.0.100"), nb.port("p2", "dynamic fd00::99"),
        nb.port("p3", "dynamic 10.0.0.50 fd00::50")), "subnet", "10.0.0.0/24",
        "ipv6_prefix", "fd00::");
    assertThat(nb.settled()).containsExactly(
        Map.entry("p1", "0a:00:00:00:00:65 10.0.0.100 fd00::800:ff:fe00:65"),
        Map.entry("p2", "0a:00:00:00:00:03 10.0.0.2 fd00::99"),
        Map.entry("p3", "0a:00:00:00:00:33 10.0.0.50 fd00::50"));
  }

  @Test
  void assign_requestedIpTaken_getsADynamicOneAndTheMacOfTheRequest() {
    nb.sw(List.of(nb.port("vm", "0a:00:00:00:01:00 10.0.0.100"),
        nb.port("p1", "dynamic 10.0.0.100"), nb.port("p2", "dynamic 10.0.0.255")),
        "subnet", "10.0.0.0/24");
    assertThat(nb.settled()).containsExactly(
        Map.entry("p1", "0a:00:00:00:00:65 10.0.0.2"),
        Map.entry("p2", "0a:00:00:00:01:01 10.0.0.3"));
  }

  @Test
  void assign_macOnly_assignsAMacAlone() {
    nb.sw(List.of(nb.port("q1", "dynamic"), nb.port("q2", "dynamic 1.2.3.4")),
        "mac_only", "true");
    assertThat(nb.settled()).containsExactly(
        Map.entry("q1", "0a:00:00:00:00:01"), Map.entry("q2", "0a:00:00:02:03:05"));
  }

  @Test
  void assign_subnetExhausted_givesNoIpv4() {
    nb.routerMac("0a:00:00:00:00:02");
    nb.sw(List.of(nb.port("p1", "dynamic"), nb.port("p2", "dynamic"), nb.port("p3", "dynamic"),
        nb.port("p4", "dynamic")), List.of("10.0.0.2", "10.0.0.4"),
        "subnet", "10.0.0.0/29", "ipv6_prefix", "fd00::");
    assertThat(nb.settled()).containsExactly(
        Map.entry("p1", "0a:00:00:00:00:04 10.0.0.3 fd00::800:ff:fe00:4"),
        Map.entry("p2", "0a:00:00:00:00:06 10.0.0.5 fd00::800:ff:fe00:6"),
        Map.entry("p3", "0a:00:00:00:00:07 10.0.0.6 fd00::800:ff:fe00:7"),
        Map.entry("p4", "0a:00:00:00:00:01 fd00::800:ff:fe00:1"));
  }

  @Test
  void assign_validAssignment_isKept() {
    nb.sw(List.of(nb.held("p1", "0a:00:00:00:00:09 10.0.0.7 fd00::1", "dynamic"),
        nb.held("p2", "0a:00:00:00:00:03", "dynamic")), "subnet", "10.0.0.0/24",
        "ipv6_prefix", "fd00::/64");
    assertThat(nb.run()).containsExactly(
        Map.entry("p2", Optional.of("0a:00:00:00:00:03 10.0.0.2 fd00::800:ff:fe00:3")));
  }

  @Test
  void assign_keptAddressesFirst_newPortsAvoidThem() {
    nb.sw(List.of(nb.port("p1", "dynamic"), nb.held("p2", "0a:00:00:00:00:03 10.0.0.2",
        "dynamic")), "subnet", "10.0.0.0/24");
    assertThat(nb.run()).containsExactly(
        Map.entry("p1", Optional.of("0a:00:00:00:00:04 10.0.0.3")));
  }

  @Test
  void assign_heldAddressNowExcluded_movesAndKeepsTheMac() {
    nb.sw(List.of(nb.held("p1", "0a:00:00:00:00:03 10.0.0.2", "dynamic")),
        "subnet", "10.0.0.0/24", "exclude_ips", "10.0.0.2");
    assertThat(nb.run()).containsExactly(
        Map.entry("p1", Optional.of("0a:00:00:00:00:03 10.0.0.3")));
  }

  @Test
  void assign_sameAddressHeldTwice_laterPortMoves() {
    nb.sw(List.of(nb.held("p1", "0a:00:00:00:00:03 10.0.0.2", "dynamic"),
        nb.held("p2", "0a:00:00:00:00:04 10.0.0.2", "dynamic")), "subnet", "10.0.0.0/24");
    assertThat(nb.run()).containsExactly(
        Map.entry("p2", Optional.of("0a:00:00:00:00:04 10.0.0.3")));
  }

  @Test
  void assign_macOutsidePrefix_getsANewMacAndKeepsTheIp() {
    nb.sw(List.of(nb.held("p1", "0b:00:00:00:00:03 10.0.0.9", "dynamic")),
        "subnet", "10.0.0.0/24");
    assertThat(nb.run()).containsExactly(
        Map.entry("p1", Optional.of("0a:00:00:00:00:0a 10.0.0.9")));
  }

  @Test
  void assign_requestChanged_followsTheRequest() {
    nb.sw(List.of(nb.held("p1", "0a:00:00:00:00:03 10.0.0.2", "dynamic 10.0.0.50"),
        nb.held("p2", "0a:00:00:00:00:04 10.0.0.3", "0a:00:00:00:00:99 dynamic")),
        "subnet", "10.0.0.0/24");
    assertThat(nb.run()).containsExactly(
        Map.entry("p1", Optional.of("0a:00:00:00:00:03 10.0.0.50")),
        Map.entry("p2", Optional.of("0a:00:00:00:00:99 10.0.0.3")));
  }

  @Test
  void assign_subnetRemoved_dropsIpv4AndKeepsTheMac() {
    nb.sw(List.of(nb.held("p1", "0a:00:00:00:00:03 10.0.0.2", "dynamic")), "mac_only", "true");
    assertThat(nb.run()).containsExactly(Map.entry("p1", Optional.of("0a:00:00:00:00:03")));
  }

  @Test
  void assign_ipv6PrefixChanged_keepsTheIpv6UntilTheMacChanges() {
    nb.sw(List.of(nb.held("p1", "0a:00:00:00:00:01 fd00::800:ff:fe00:1", "dynamic"),
        nb.held("p2", "0b:00:00:00:00:02 fd00::900:ff:fe00:2", "dynamic")),
        "ipv6_prefix", "fd11::");
    assertThat(nb.run()).containsExactly(
        Map.entry("p2", Optional.of("0a:00:00:00:00:02 fd11::800:ff:fe00:2")));
  }

  @Test
  void assign_unmanagedSwitch_clearsEveryPort() {
    nb.sw(List.of(nb.held("p1", "0a:00:00:00:00:03 10.0.0.2", "dynamic"),
        nb.attached("r1", Optional.of("0a:00:00:00:00:04"), "router"), nb.port("p2", "dynamic")),
        "subnet", "bad", "mac_only", "true");
    assertThat(nb.run()).containsExactly(
        Map.entry("p1", Optional.empty()), Map.entry("r1", Optional.empty()));
  }

  @Test
  void assign_noDynamicEntry_clears() {
    nb.sw(List.of(nb.held("p1", "0a:00:00:00:00:03 10.0.0.2", "0a:00:00:00:00:09 10.0.0.9")),
        "subnet", "10.0.0.0/24");
    assertThat(nb.run()).containsExactly(Map.entry("p1", Optional.empty()));
  }

  @Test
  void assign_attachedRouterPort_isLeftAlone() {
    nb.sw(List.of(nb.attached("r1", Optional.of("junk"), "dynamic"),
        nb.attached("r2", Optional.empty(), "dynamic")), "subnet", "10.0.0.0/24");
    assertThat(nb.run()).isEmpty();
  }

  @Test
  void assign_severalDynamicEntries_firstInSortedOrderCounts() {
    nb.sw(List.of(nb.port("p1", "dynamic 10.0.0.9", "dynamic 10.0.0.7")),
        "subnet", "10.0.0.0/24");
    assertThat(nb.settled()).containsEntry("p1", "0a:00:00:00:00:08 10.0.0.7");
  }

  @Test
  void assign_applied_nextPassChangesNothing() {
    nb.sw(List.of(nb.port("p1", "dynamic"), nb.held("p2", "0a:00:00:00:00:03 10.0.0.2",
        "dynamic"), nb.held("p3", "0a:00:00:00:00:04 10.0.0.2", "dynamic 10.0.0.2"),
        nb.port("p4", "dynamic 10.0.0.255"), nb.port("p5", "dynamic fd99::1")),
        "subnet", "10.0.0.0/24", "ipv6_prefix", "fd00::");
    IpamInput in = nb.input();
    var first = Allocator.run(in, Inputs.PREFIX);
    assertThat(first).isNotEmpty();
    assertThat(Allocator.run(in.with(first), Inputs.PREFIX)).isEmpty();
  }

  @Test
  void macPrefix_configured_firstThreeOctetsInLowercase() {
    SplittableRandom r = new SplittableRandom(1);
    assertThat(Ipam.macPrefix("0A:b:00:11:22:33", r)).isEqualTo("0a:0b:00");
    assertThat(Ipam.macPrefix("52:54:00", r)).isEqualTo("52:54:00");
  }

  @Test
  void macPrefix_absentBadOrZero_random() {
    assertThat(Ipam.macPrefix(null, new SplittableRandom(7)))
        .isEqualTo(Ipam.newMacPrefix(new SplittableRandom(7)));
    assertThat(Ipam.macPrefix("zz:00:00", new SplittableRandom(7)))
        .isEqualTo(Ipam.newMacPrefix(new SplittableRandom(7)));
    assertThat(Ipam.macPrefix("00:00:00", new SplittableRandom(7)))
        .isEqualTo(Ipam.newMacPrefix(new SplittableRandom(7)));
  }

  @Test
  void newMacPrefix_anyDraw_isLocallyAdministeredUnicast() {
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 1000; i++) {
      String p = Ipam.newMacPrefix(r);
      assertThat(p).matches("[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}");
      int first = Integer.parseInt(p.substring(0, 2), 16);
      assertThat(first & 1).isZero();
      assertThat(first & 2).isEqualTo(2);
    }
  }

  @Test
  void assign_badPrefix_throws() {
    assertThatThrownBy(() -> Ipam.assign(null, "00:00:00"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("00:00:00");
  }
}
