package org.jovn.northd.ipam;

import java.util.Optional;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.MacAddress;

/**
 * An entry of {@code Logical_Switch_Port.addresses} that asks for dynamic addresses, in one of
 * the forms ovn-nb(5) lists: {@code "dynamic"}, {@code "dynamic IP"}, {@code "dynamic IPV6"},
 * {@code "dynamic IP IPV6"} and {@code "MAC dynamic"}.
 *
 * <p>As in ovn-northd, the word after {@code dynamic} is read as an IPv6 candidate whenever it
 * is made of hex digits, colons and dots, so {@code "dynamic 10.0.0.5"} carries both an IPv4
 * address and an IPv6 text that does not parse; {@link #ipv6()} is empty for it.
 *
 * @param mac the Ethernet address of the {@code "MAC dynamic"} form
 * @param ipv4 the IPv4 address of the {@code "dynamic IP"} and {@code "dynamic IP IPV6"} forms
 * @param ipv6Text the IPv6 word of the {@code "dynamic IPV6"} and {@code "dynamic IP IPV6"}
 *     forms, as written (it may not parse)
 */
record DynamicRequest(Optional<MacAddress> mac, Optional<Ipv4Address> ipv4,
    Optional<String> ipv6Text) {
  /** Longest IPv6 word ovn-northd reads. */
  private static final int IPV6_MAX = 46;

  /** The request an entry makes, or empty if the entry is not a dynamic one. */
  static Optional<DynamicRequest> parse(String entry) {
    if (entry.isEmpty() || Character.isWhitespace(entry.charAt(0))
        || Character.isWhitespace(entry.charAt(entry.length() - 1))) {
      return Optional.empty();
    }
    String[] w = entry.split("\\s+");
    if (w.length == 2 && w[1].equals("dynamic")) {
      return MacAddress.tryParse(w[0])
          .map(m -> new DynamicRequest(Optional.of(m), Optional.empty(), Optional.empty()));
    }
    if (!w[0].equals("dynamic") || w.length > 3) {
      return Optional.empty();
    }
    if (w.length == 1) {
      return Optional.of(new DynamicRequest(Optional.empty(), Optional.empty(), Optional.empty()));
    }
    Optional<Ipv4Address> v4 = Ipv4Address.tryParse(w[1]);
    if (w.length == 2) {
      Optional<String> v6 = Optional.of(w[1]).filter(DynamicRequest::isIpv6Word);
      return v4.isPresent() || v6.isPresent()
          ? Optional.of(new DynamicRequest(Optional.empty(), v4, v6)) : Optional.empty();
    }
    return v4.isPresent() && isIpv6Word(w[2])
        ? Optional.of(new DynamicRequest(Optional.empty(), v4, Optional.of(w[2])))
        : Optional.empty();
  }

  private static boolean isIpv6Word(String w) {
    return w.length() <= IPV6_MAX
        && w.chars().allMatch(c -> c == ':' || c == '.' || (c >= '0' && c <= '9')
            || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  }

  /** The requested IPv6 address, if the IPv6 word parses. */
  Optional<Ipv6Address> ipv6() {
    return ipv6Text.flatMap(Ipv6Address::tryParse);
  }
}
