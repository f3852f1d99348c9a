package org.jovn.northd.ipam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.MacAddress;

/**
 * A {@code "MAC [IP[/LEN]]..."} value read leniently, as ovn-northd reads static addresses and
 * {@code dynamic_addresses}: the Ethernet address, then IP addresses up to the first word that
 * is not one (the rest is ignored).
 *
 * @param mac the Ethernet address, empty if the value does not start with one (then there are
 *     no IP addresses either)
 * @param ipv4 the IPv4 addresses, in order, without prefix lengths
 * @param ipv6 the IPv6 addresses, in order, without prefix lengths
 */
record AddressList(Optional<MacAddress> mac, List<Ipv4Address> ipv4, List<Ipv6Address> ipv6) {
  private static final AddressList NONE = new AddressList(Optional.empty(), List.of(), List.of());

  AddressList {
    ipv4 = List.copyOf(ipv4);
    ipv6 = List.copyOf(ipv6);
  }

  static AddressList parse(String text) {
    String[] words = text.strip().split("\\s+");
    Optional<MacAddress> mac = MacAddress.tryParse(words[0]);
    if (mac.isEmpty()) {
      return NONE;
    }
    List<Ipv4Address> v4 = new ArrayList<>();
    List<Ipv6Address> v6 = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      Optional<Ipv4Prefix> p4 = Ipv4Prefix.tryParse(words[i]);
      if (p4.isPresent()) {
        v4.add(p4.get().address());
        continue;
      }
      Optional<Ipv6Prefix> p6 = Ipv6Prefix.tryParse(words[i]);
      if (p6.isEmpty()) {
        break;
      }
      v6.add(p6.get().address());
    }
    return new AddressList(mac, v4, v6);
  }
}
