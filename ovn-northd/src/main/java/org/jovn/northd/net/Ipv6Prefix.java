package org.jovn.northd.net;

import java.util.Optional;

/**
 * An IPv6 address with a prefix length ({@code fd00::1/64}); the address keeps its host bits.
 *
 * @param address the address
 * @param length the prefix length, 0 to 128
 */
public record Ipv6Prefix(Ipv6Address address, int length) {
  public Ipv6Prefix {
    if (length < 0 || length > 128) {
      throw new IllegalArgumentException("prefix length " + length + " is out of range [0, 128]");
    }
  }

  /**
   * Parses {@code ADDR/N}, or {@code ADDR} as a /128.
   *
   * @throws IllegalArgumentException naming the text if it is neither
   */
  public static Ipv6Prefix parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("\"" + text + "\" is not an IPv6 network"));
  }

  /** Parses {@code ADDR/N} or {@code ADDR}, or empty. */
  public static Optional<Ipv6Prefix> tryParse(String text) {
    int slash = text.indexOf('/');
    Optional<Ipv6Address> a = Ipv6Address.tryParse(slash < 0 ? text : text.substring(0, slash));
    if (a.isEmpty()) {
      return Optional.empty();
    }
    if (slash < 0) {
      return Optional.of(new Ipv6Prefix(a.get(), 128));
    }
    String len = text.substring(slash + 1);
    if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int n = Integer.parseInt(len);
    return n > 128 ? Optional.empty() : Optional.of(new Ipv6Prefix(a.get(), n));
  }

  private static long maskOf(int bits) {
    return bits <= 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
  }

  /** The network address (host bits cleared). */
  public Ipv6Address network() {
    return new Ipv6Address(address.high() & maskOf(length), address.low() & maskOf(length - 64));
  }

  /** Whether the address is in this network. */
  public boolean contains(Ipv6Address a) {
    return new Ipv6Prefix(a, length).network().equals(network());
  }

  /** The network as OVN prints it in matches: {@code fd00::/64}. */
  public String networkString() {
    return network() + "/" + length;
  }

  @Override
  public String toString() {
    return address + "/" + length;
  }
}
