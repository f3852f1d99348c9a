package org.jovn.northd.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One Ethernet address and the IP addresses that go with it: an entry of
 * {@code Logical_Switch_Port.addresses} ({@code "0a:00:00:00:00:01 10.0.0.1 fd00::1"}), or a
 * logical router port's {@code mac} and {@code networks}.
 *
 * @param mac the Ethernet address
 * @param ipv4 IPv4 addresses, each with its prefix length (/32 where none was given)
 * @param ipv6 IPv6 addresses, each with its prefix length (/128 where none was given)
 */
public record PortAddresses(MacAddress mac, List<Ipv4Prefix> ipv4, List<Ipv6Prefix> ipv6) {
  public PortAddresses {
    ipv4 = List.copyOf(ipv4);
    ipv6 = List.copyOf(ipv6);
  }

  /**
   * Parses {@code "MAC [IP[/LEN]]..."}; empty if the text does not start with an Ethernet
   * address or an IP is malformed (the special words {@code unknown}, {@code router} and
   * {@code dynamic} are the caller's business).
   */
  public static Optional<PortAddresses> parse(String text) {
    String[] words = text.trim().split("\\s+");
    Optional<MacAddress> mac = MacAddress.tryParse(words[0]);
    if (mac.isEmpty()) {
      return Optional.empty();
    }
    List<Ipv4Prefix> v4 = new ArrayList<>();
    List<Ipv6Prefix> v6 = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      if (!add(words[i], v4, v6)) {
        return Optional.empty();
      }
    }
    return Optional.of(new PortAddresses(mac.get(), v4, v6));
  }

  /**
   * A logical router port's addresses: its {@code mac} and {@code networks}
   * ({@code 10.0.0.254/24}).
   *
   * @throws IllegalArgumentException naming the value that is malformed
   */
  public static PortAddresses ofRouterPort(String mac, Collection<String> networks) {
    List<Ipv4Prefix> v4 = new ArrayList<>();
    List<Ipv6Prefix> v6 = new ArrayList<>();
    for (String n : networks) {
      if (!add(n, v4, v6)) {
        throw new IllegalArgumentException("\"" + n + "\" is not an IP network");
      }
    }
    return new PortAddresses(MacAddress.parse(mac), v4, v6);
  }

  private static boolean add(String word, List<Ipv4Prefix> v4, List<Ipv6Prefix> v6) {
    if (word.indexOf(':') >= 0) {
      Optional<Ipv6Prefix> p = Ipv6Prefix.tryParse(word);
      p.ifPresent(v6::add);
      return p.isPresent();
    }
    Optional<Ipv4Prefix> p = Ipv4Prefix.tryParse(word);
    p.ifPresent(v4::add);
    return p.isPresent();
  }

  /** Whether there is no IP address at all. */
  public boolean hasNoIp() {
    return ipv4.isEmpty() && ipv6.isEmpty();
  }
}
