package org.jovn.northd.ipam;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jovn.northd.net.MacAddress;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * Dynamic address assignment for logical switch ports, as ovn-northd 23.03 does it.
 *
 * <p>A port asks for addresses with an {@code addresses} entry {@code "dynamic"},
 * {@code "dynamic IP"}, {@code "dynamic IPV6"}, {@code "dynamic IP IPV6"} or
 * {@code "MAC dynamic"}; its switch says what to assign in {@code other_config}: an IPv4 address
 * from {@code subnet} (minus {@code exclude_ips}), an IPv6 address in the /64
 * {@code ipv6_prefix} made from the MAC by EUI-64, or with {@code mac_only=true} a MAC alone.
 * The result goes to the port's {@code dynamic_addresses}, written as
 * {@code "0a:00:00:00:00:03 10.0.0.2 fd00::800:ff:fe00:3"}.
 *
 * <p>Addresses: a new IPv4 address is the lowest one of the subnet that is not taken, where the
 * subnet's network address, its first host address (network + 1), its broadcast address, the
 * excluded addresses, the static IPv4 addresses of the switch's ports, the IPv4 networks of the
 * router ports attached to the switch and every other assignment on the switch are taken. A new
 * MAC is the deployment's 3-octet prefix followed by a 24-bit suffix unused anywhere (among the
 * static MACs of all switch and router ports and all assignments): the first free one from the
 * IPv4 address's last 24 bits + 1 (from 1 without IPv4).
 *
 * <p>Stateless and thread-safe.
 */
public final class Ipam {
  private Ipam() {}

  /**
   * The {@code dynamic_addresses} that must change, by {@code Logical_Switch_Port} UUID: a new
   * value, or empty to clear the column. Ports not in the map keep theirs.
   *
   * <p>Contract, matching ovn-northd:
   * <ul>
   *   <li>On a switch that assigns nothing (no valid {@code subnet} or {@code ipv6_prefix} and
   *       no {@code mac_only}), and on a port with no dynamic entry, an existing value is
   *       cleared. Switch ports of type {@code router} attached to a router port are left
   *       alone. Of several dynamic entries, the first in sorted order counts.</li>
   *   <li>An existing assignment is kept part by part: its MAC while it is under
   *       {@code macPrefix} (or equals the MAC the port names); its IPv4 address while the
   *       switch has a subnet holding it, it is not the broadcast address, nothing listed above
   *       takes it (ports are checked in UUID order, so of two ports holding the same address
   *       the first keeps it), and it is the address the port asks for, if the port asks for a
   *       free one; its IPv6 address while the switch has a prefix, unless the MAC changes or
   *       the port asks for another address with the prefix's bits. As in ovn-northd, changing
   *       {@code ipv6_prefix} alone does not renumber a kept IPv6 address.</li>
   *   <li>Parts that are not kept are assigned anew, after every kept address is taken, port by
   *       port in switch then port UUID order: the address the port asks for if it fits, else
   *       a new one.</li>
   * </ul>
   * Where ovn-northd gets there over several runs, each reacting to the previous one's writes
   * (a requested address is first given unchecked, then replaced if taken), the result is the
   * settled one, so the next call on the applied result returns an empty map (a port asking
   * for its subnet's broadcast address, on which ovn-northd never settles, gets a new address
   * instead). The result is a
   * function of the snapshot and prefix alone. Switches are processed in UUID order, where
   * ovn-northd's order is that of a hash table; this matters only when two switches' new ports
   * would get the same MAC.
   *
   * @param nb a Northbound snapshot with tables {@code Logical_Switch},
   *     {@code Logical_Switch_Port} and {@code Logical_Router_Port}
   * @param macPrefix the deployment's MAC prefix, as {@link #macPrefix} returns it
   * @return an unmodifiable map
   * @throws IllegalArgumentException if {@code macPrefix} does not start with three octets or
   *     they are all zero
   */
  public static Map<UUID, Optional<String>> assign(ReplicaSnapshot nb, String macPrefix) {
    MacAddress prefix = parsePrefix(macPrefix).orElseThrow(() -> new IllegalArgumentException(
        "mac_prefix \"" + macPrefix + "\" is not three octets xx:xx:xx other than 00:00:00"));
    return Allocator.run(IpamInput.read(nb), prefix);
  }

  /**
   * The MAC prefix northd uses and keeps in {@code NB_Global options:mac_prefix}: the first
   * three octets of {@code configured} in lowercase ({@code "0A:00:00:11"} gives
   * {@code "0a:00:00"}), or when it is null, malformed or all zeros, {@link #newMacPrefix}.
   *
   * @param configured the current {@code options:mac_prefix}, or null
   */
  public static String macPrefix(String configured, RandomGenerator random) {
    return Optional.ofNullable(configured).flatMap(Ipam::parsePrefix).map(Ipam::format)
        .orElseGet(() -> newMacPrefix(random));
  }

  /**
   * A random prefix as ovn-northd picks one: three random octets with the locally administered
   * bit set and the multicast bit clear, such as {@code "4e:fd:b2"}. Draws one {@code int}.
   */
  public static String newMacPrefix(RandomGenerator random) {
    long v = random.nextInt() & 0xffffffL;
    v = (v & ~0x010000L) | 0x020000L;
    return format(new MacAddress(v << 24));
  }

  /** {@code "xx:xx:xx"} for the first three octets. */
  private static String format(MacAddress prefix) {
    return prefix.toString().substring(0, 8);
  }

  /**
   * The first three {@code :}-separated hex numbers of the text (each taken modulo 256, anything
   * after them ignored) as a MAC with a zero suffix; empty if there are not three or all are 0.
   */
  static Optional<MacAddress> parsePrefix(String text) {
    long v = 0;
    int pos = 0;
    for (int i = 0; i < 3; i++) {
      if (i > 0) {
        if (pos >= text.length() || text.charAt(pos) != ':') {
          return Optional.empty();
        }
        pos++;
      }
      int end = pos;
      long octet = 0;
      while (end < text.length() && Character.digit(text.charAt(end), 16) >= 0
          && text.charAt(end) < 0x80) {
        octet = ((octet << 4) | Character.digit(text.charAt(end), 16)) & 0xff;
        end++;
      }
      if (end == pos) {
        return Optional.empty();
      }
      v = (v << 8) | octet;
      pos = end;
    }
    return v == 0 ? Optional.empty() : Optional.of(new MacAddress(v << 24));
  }
}
