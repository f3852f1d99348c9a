package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The member order of OVS string sets, checked against sets the real ovn-northd 23.03.1 printed
 * into flows ({@code eth.src == {...}} of a router port's self-originated ARP flow: the port's
 * MAC first, then the NAT external MACs in NAT row order).
 */
class HashOrderTest {
  @Test
  void ofStringSet_twoMembers_orderOfRealNorthd() {
    assertThat(HashOrder.ofStringSet(List.of("0a:00:00:00:fd:01", "0a:00:00:00:fd:05")))
        .containsExactly("0a:00:00:00:fd:05", "0a:00:00:00:fd:01");
    assertThat(HashOrder.ofStringSet(List.of("0a:00:00:00:fd:02", "0a:00:00:00:fd:05")))
        .containsExactly("0a:00:00:00:fd:05", "0a:00:00:00:fd:02");
  }

  @Test
  void ofStringSet_sixMembersAcrossTwoResizes_orderOfRealNorthd() {
    List<String> added = List.of("0a:00:00:00:fd:01", "0a:00:00:00:fd:08", "0a:00:00:00:fd:09",
        "0a:00:00:00:fd:05", "0a:00:00:00:fd:15", "0a:00:00:00:fd:50");

    assertThat(HashOrder.ofStringSet(added)).containsExactly("0a:00:00:00:fd:50",
        "0a:00:00:00:fd:15", "0a:00:00:00:fd:05", "0a:00:00:00:fd:09", "0a:00:00:00:fd:01",
        "0a:00:00:00:fd:08");
  }

  @Test
  void ofStringSet_duplicates_keptOnce() {
    assertThat(HashOrder.ofStringSet(List.of("a", "b", "a"))).hasSize(2).contains("a", "b");
  }
}
