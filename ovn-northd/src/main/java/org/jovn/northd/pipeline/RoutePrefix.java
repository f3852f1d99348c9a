package org.jovn.northd.pipeline;

import java.util.Optional;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Prefix;

/**
 * An IPv4 or IPv6 address with a prefix length, as a static route's {@code ip_prefix} or
 * {@code nexthop} is written ({@code 10.2.0.0/16}, {@code fd00::5}).
 *
 * @param v4 whether it is IPv4
 * @param address the address as written, host bits kept, in canonical form
 * @param network the network address (host bits cleared)
 * @param plen the prefix length (32 or 128 when none is written)
 */
record RoutePrefix(boolean v4, String address, String network, int plen) {
  /** Parses IPv4 first, then IPv6; empty if it is neither. */
  static Optional<RoutePrefix> parse(String text) {
    Optional<Ipv4Prefix> v4 = Ipv4Prefix.tryParse(text);
    if (v4.isPresent()) {
      Ipv4Prefix p = v4.get();
      return Optional.of(new RoutePrefix(true, p.address().toString(), p.network().toString(),
          p.length()));
    }
    return Ipv6Prefix.tryParse(text).map(p -> new RoutePrefix(false, p.address().toString(),
        p.network().toString(), p.length()));
  }

  /** Whether this is a single address (/32 or /128). */
  boolean isHost() {
    return plen == (v4 ? 32 : 128);
  }
}
