package org.jovn.northd.net;

import java.util.Optional;

/**
 * An IPv4 address, printed in dotted decimal.
 *
 * @param value the address, most significant octet first
 */
public record Ipv4Address(int value) implements Comparable<Ipv4Address> {
  /**
   * Parses dotted decimal.
   *
   * @throws IllegalArgumentException naming the text if it is not an IPv4 address
   */
  public static Ipv4Address parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("\"" + text + "\" is not an IPv4 address"));
  }

  /** Parses dotted decimal, or empty. */
  public static Optional<Ipv4Address> tryParse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    int v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      int b = Integer.parseInt(p);
      if (b > 255) {
        return Optional.empty();
      }
      v = (v << 8) | b;
    }
    return Optional.of(new Ipv4Address(v));
  }

  @Override
  public int compareTo(Ipv4Address o) {
    return Integer.compareUnsigned(value, o.value);
  }

  @Override
  public String toString() {
    return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "."
        + (value & 0xff);
  }
}
