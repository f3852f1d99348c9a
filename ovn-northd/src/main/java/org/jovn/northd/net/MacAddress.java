package org.jovn.northd.net;

import java.util.Optional;

/**
 * An Ethernet address, printed as OVN prints it: six lowercase hex pairs separated by colons.
 *
 * @param value the 48-bit address in the low bits
 */
public record MacAddress(long value) {
  public MacAddress {
    if ((value >>> 48) != 0) {
      throw new IllegalArgumentException("not a 48-bit address: " + Long.toHexString(value));
    }
  }

  /**
   * Parses {@code xx:xx:xx:xx:xx:xx}.
   *
   * @throws IllegalArgumentException naming the text if it is not one
   */
  public static MacAddress parse(String text) {
    return tryParse(text).orElseThrow(
        () -> new IllegalArgumentException("\"" + text + "\" is not an Ethernet address"));
  }

  /** Parses {@code xx:xx:xx:xx:xx:xx}, or empty. */
  public static Optional<MacAddress> tryParse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 6) {
      return Optional.empty();
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 2) {
        return Optional.empty();
      }
      int b;
      try {
        b = Integer.parseInt(p, 16);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      v = (v << 8) | b;
    }
    return Optional.of(new MacAddress(v));
  }

  /** The IPv6 link-local address made from this address by EUI-64 (fe80::...). */
  public Ipv6Address linkLocal() {
    long eui = ((value >>> 24) << 40) | (0xfffeL << 24) | (value & 0xffffffL);
    eui ^= 0x0200000000000000L;
    return new Ipv6Address(0xfe80000000000000L, eui);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(17);
    for (int shift = 40; shift >= 0; shift -= 8) {
      int b = (int) ((value >>> shift) & 0xff);
      sb.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
      if (shift > 0) {
        sb.append(':');
      }
    }
    return sb.toString();
  }
}
