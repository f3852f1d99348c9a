package org.jovn.northd.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IPv6 address, printed in RFC 5952's canonical form as OVN prints it
 * ({@code fe80::200:ff:fe00:ff01}).
 *
 * @param high the first 64 bits
 * @param low the last 64 bits
 */
public record Ipv6Address(long high, long low) {
  /**
   * Parses any textual IPv6 form (no zone, no brackets).
   *
   * @throws IllegalArgumentException naming the text if it is not an IPv6 address
   */
  public static Ipv6Address parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("\"" + text + "\" is not an IPv6 address"));
  }

  /** Parses any textual IPv6 form, or empty. Never resolves names. */
  public static Optional<Ipv6Address> tryParse(String text) {
    if (text.isEmpty() || text.indexOf(':') < 0 || text.indexOf('%') >= 0
        || !text.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
      return Optional.empty();
    }
    try {
      InetAddress a = InetAddress.getByName(text);
      byte[] b = a.getAddress();
      if (!(a instanceof Inet6Address) || b.length != 16) {
        return Optional.empty();
      }
      return Optional.of(new Ipv6Address(toLong(b, 0), toLong(b, 8)));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static long toLong(byte[] b, int from) {
    long v = 0;
    for (int i = from; i < from + 8; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }

  /** The solicited-node multicast address {@code ff02::1:ffXX:XXXX} of this address. */
  public Ipv6Address solicitedNode() {
    return new Ipv6Address(0xff02000000000000L, 0x00000001ff000000L | (low & 0xffffffL));
  }

  /** Whether this is a link-local unicast address (fe80::/10). */
  public boolean isLinkLocal() {
    return (high >>> 54) == (0xfe80L >>> 6);
  }

  /** The 16-bit group {@code i} (0 to 7). */
  int group(int i) {
    long half = i < 4 ? high : low;
    return (int) ((half >>> (16 * (3 - (i & 3)))) & 0xffff);
  }

  @Override
  public String toString() {
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (group(i) != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && group(j) == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(group(i)));
    }
    return sb.toString();
  }
}
