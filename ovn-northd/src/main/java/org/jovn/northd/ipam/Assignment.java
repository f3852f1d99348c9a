package org.jovn.northd.ipam;

import java.util.Optional;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.MacAddress;

/**
 * The addresses given to one port: what {@code dynamic_addresses} holds.
 *
 * @param mac the Ethernet address
 * @param ipv4 the IPv4 address, never 0.0.0.0
 * @param ipv6 the IPv6 address, never ::
 */
record Assignment(MacAddress mac, Optional<Ipv4Address> ipv4, Optional<Ipv6Address> ipv6) {
  Assignment {
    ipv4 = ipv4.filter(a -> a.value() != 0);
    ipv6 = ipv6.filter(a -> a.high() != 0 || a.low() != 0);
  }

  /** As ovn-northd writes it: {@code "0a:00:00:00:00:03 10.0.0.2 fd00::800:ff:fe00:3"}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(mac.toString());
    ipv4.ifPresent(a -> sb.append(' ').append(a));
    ipv6.ifPresent(a -> sb.append(' ').append(ipv6Text(a)));
    return sb.toString();
  }

  /**
   * An IPv6 address as the C library prints it: RFC 5952's compressed form, except that
   * addresses whose first 80 bits are zero and whose next 16 are all zeros or all ones end in
   * dotted decimal ({@code ::1.2.3.4}, {@code ::ffff:1.2.3.4}).
   */
  static String ipv6Text(Ipv6Address a) {
    long w45 = a.low() >>> 32;
    boolean v4tail = a.high() == 0 && (w45 == 0xffffL || (w45 == 0 && (a.low() >>> 16) != 0));
    if (!v4tail) {
      return a.toString();
    }
    String tail = new Ipv4Address((int) a.low()).toString();
    return w45 == 0 ? "::" + tail : "::ffff:" + tail;
  }
}
