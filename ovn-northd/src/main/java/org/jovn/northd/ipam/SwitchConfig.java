package org.jovn.northd.ipam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;

/**
 * A logical switch's address-management settings, read from its {@code other_config} as
 * ovn-northd reads them. Values that do not parse are treated as absent, as ovn-northd does
 * after logging them.
 *
 * @param subnet {@code subnet}, a CIDR network of length 0 to 31 (host bits may be set; they are
 *     ignored)
 * @param excluded {@code exclude_ips}: inclusive ranges of unsigned IPv4 addresses, read up to
 *     the first syntax error
 * @param ipv6Prefix the first 64 bits of {@code ipv6_prefix}
 * @param macOnly {@code mac_only=true}, read only when neither {@code subnet} nor
 *     {@code ipv6_prefix} is set (even to a bad value)
 */
record SwitchConfig(Optional<Ipv4Prefix> subnet, List<Range> excluded,
    Optional<Long> ipv6Prefix, boolean macOnly) {
  SwitchConfig {
    excluded = List.copyOf(excluded);
  }

  /** An inclusive range of unsigned IPv4 addresses; {@code from > to} makes an empty range. */
  record Range(long from, long to) {}

  static SwitchConfig of(Map<String, String> otherConfig) {
    String subnetText = otherConfig.get("subnet");
    String ipv6Text = otherConfig.get("ipv6_prefix");
    Optional<Ipv4Prefix> subnet = Optional.ofNullable(subnetText).flatMap(SwitchConfig::subnet);
    List<Range> excluded = subnet.isEmpty() ? List.of()
        : excludeRanges(otherConfig.getOrDefault("exclude_ips", ""));
    Optional<Long> v6 = Optional.ofNullable(ipv6Text).flatMap(SwitchConfig::ipv6Prefix);
    boolean macOnly = subnetText == null && ipv6Text == null
        && "true".equalsIgnoreCase(otherConfig.get("mac_only"));
    return new SwitchConfig(subnet, excluded, v6, macOnly);
  }

  /** Whether ovn-northd manages addresses on this switch at all. */
  boolean managed() {
    return subnet.isPresent() || ipv6Prefix.isPresent() || macOnly;
  }

  /** A fresh pool for the subnet with the first address and the exclusions taken. */
  Optional<Ipv4Pool> newPool() {
    return subnet.map(s -> {
      Ipv4Pool pool = new Ipv4Pool(s.network(), s.length());
      for (Range r : excluded) {
        pool.takeRange(r.from(), r.to());
      }
      return pool;
    });
  }

  /** {@code A.B.C.D/N} or {@code A.B.C.D/M.M.M.M} with a CIDR mask, not a single host. */
  static Optional<Ipv4Prefix> subnet(String text) {
    int slash = text.indexOf('/');
    Optional<Ipv4Prefix> p;
    if (slash >= 0 && text.indexOf('.', slash) >= 0) {
      Optional<Ipv4Address> addr = Ipv4Address.tryParse(text.substring(0, slash));
      Optional<Ipv4Address> mask = Ipv4Address.tryParse(text.substring(slash + 1));
      p = addr.flatMap(a -> mask.flatMap(m -> cidrLength(m.value())
          .map(len -> new Ipv4Prefix(a, len))));
    } else {
      p = slash < 0 ? Optional.empty() : Ipv4Prefix.tryParse(text);
    }
    return p.filter(x -> x.length() < 32);
  }

  private static Optional<Integer> cidrLength(int mask) {
    int len = Integer.numberOfLeadingZeros(~mask);
    return (len == 32 || mask << len == 0) ? Optional.of(len) : Optional.empty();
  }

  /** A /64 prefix ({@code ADDR/64} or {@code ADDR/MASK}), or any address taken as its /64. */
  static Optional<Long> ipv6Prefix(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Ipv6Address.tryParse(text).map(Ipv6Address::high);
    }
    String len = text.substring(slash + 1);
    if (len.indexOf(':') >= 0) {
      Optional<Ipv6Address> mask = Ipv6Address.tryParse(len);
      if (mask.isEmpty() || mask.get().high() != -1L || mask.get().low() != 0) {
        return Optional.empty();
      }
      return Ipv6Address.tryParse(text.substring(0, slash)).map(Ipv6Address::high);
    }
    return Ipv6Prefix.tryParse(text).filter(p -> p.length() == 64).map(p -> p.address().high());
  }

  /**
   * {@code exclude_ips}: addresses and {@code FROM..TO} ranges separated by white space, read
   * until a word that is neither; as inclusive unsigned ranges.
   */
  static List<Range> excludeRanges(String text) {
    List<Range> out = new ArrayList<>();
    ExcludeLexer lexer = new ExcludeLexer(text);
    while (!lexer.atEnd()) {
      Optional<Ipv4Address> from = lexer.address();
      if (from.isEmpty()) {
        break;
      }
      long a = Integer.toUnsignedLong(from.get().value());
      long b = a;
      if (lexer.ellipsis()) {
        Optional<Ipv4Address> to = lexer.address();
        if (to.isEmpty()) {
          break;
        }
        b = Integer.toUnsignedLong(to.get().value());
      }
      out.add(new Range(a, b));
    }
    return out;
  }

  /** Splits {@code exclude_ips} into IPv4 addresses and {@code ..}. */
  private static final class ExcludeLexer {
    private final String text;
    private int pos;

    ExcludeLexer(String text) {
      this.text = text;
      skipSpace();
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    /** Consumes {@code ..} if it comes next. */
    boolean ellipsis() {
      if (text.startsWith("..", pos)) {
        pos += 2;
        skipSpace();
        return true;
      }
      return false;
    }

    /** Consumes the next word if it is an IPv4 address; empty (and stuck) otherwise. */
    Optional<Ipv4Address> address() {
      int end = pos;
      while (end < text.length() && ((text.charAt(end) >= '0' && text.charAt(end) <= '9')
          || (text.charAt(end) == '.' && !text.startsWith("..", end)))) {
        end++;
      }
      Optional<Ipv4Address> a = Ipv4Address.tryParse(text.substring(pos, end));
      if (a.isPresent()) {
        pos = end;
        skipSpace();
      }
      return a;
    }

    private void skipSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
  }
}
