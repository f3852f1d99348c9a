package org.jovn.northd.net;

import java.util.Optional;

/**
 * An IPv4 address with a prefix length, as in {@code Logical_Router_Port.networks}
 * ({@code 10.0.0.254/24}): the address keeps its host bits.
 *
 * @param address the address
 * @param length the prefix length, 0 to 32
 */
public record Ipv4Prefix(Ipv4Address address, int length) {
  public Ipv4Prefix {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length " + length + " is out of range [0, 32]");
    }
  }

  /**
   * Parses {@code A.B.C.D/N}, or {@code A.B.C.D} as a /32.
   *
   * @throws IllegalArgumentException naming the text if it is neither
   */
  public static Ipv4Prefix parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("\"" + text + "\" is not an IPv4 network"));
  }

  /** Parses {@code A.B.C.D/N} or {@code A.B.C.D}, or empty. */
  public static Optional<Ipv4Prefix> tryParse(String text) {
    int slash = text.indexOf('/');
    String addr = slash < 0 ? text : text.substring(0, slash);
    Optional<Ipv4Address> a = Ipv4Address.tryParse(addr);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    if (slash < 0) {
      return Optional.of(new Ipv4Prefix(a.get(), 32));
    }
    String len = text.substring(slash + 1);
    if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int n = Integer.parseInt(len);
    return n > 32 ? Optional.empty() : Optional.of(new Ipv4Prefix(a.get(), n));
  }

  /** The netmask as an int. */
  public int mask() {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  /** The network address (host bits cleared). */
  public Ipv4Address network() {
    return new Ipv4Address(address.value() & mask());
  }

  /** The broadcast address (host bits set). */
  public Ipv4Address broadcast() {
    return new Ipv4Address(address.value() | ~mask());
  }

  /** Whether the address is in this network. */
  public boolean contains(Ipv4Address a) {
    return (a.value() & mask()) == (address.value() & mask());
  }

  /** The network as OVN prints it in matches: {@code 10.0.0.0/24}. */
  public String networkString() {
    return network() + "/" + length;
  }

  @Override
  public String toString() {
    return address + "/" + length;
  }
}
