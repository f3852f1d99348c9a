package org.jovn.northd.ipam;

import java.util.HashSet;
import java.util.Set;
import org.jovn.northd.net.MacAddress;

/**
 * The Ethernet addresses under the deployment's MAC prefix and which of them are taken, across
 * every switch and router. Addresses outside the prefix are not this pool's business: they are
 * ignored when taken and never handed out. Not thread-safe.
 */
final class MacPool {
  /** Suffixes handed out lie in [1, SPACE - 1]: never all zeros or all ones. */
  private static final long SPACE = 0xffffffL;

  private final long prefix;
  private final Set<Long> taken = new HashSet<>();

  /** A pool under {@code prefix}, whose low 24 bits must be zero. */
  MacPool(MacAddress prefix) {
    if ((prefix.value() & SPACE) != 0) {
      throw new IllegalArgumentException("MAC prefix " + prefix + " has bits in its last 3 octets");
    }
    this.prefix = prefix.value();
  }

  /** Whether the address starts with the prefix (its first three octets are the prefix's). */
  boolean owns(MacAddress mac) {
    return ((mac.value() ^ prefix) >>> 24) == 0;
  }

  /** Takes an address; addresses outside the prefix are ignored. */
  void take(MacAddress mac) {
    if (owns(mac)) {
      taken.add(mac.value());
    }
  }

  /**
   * An address not taken, searching from a suffix derived from {@code hint} (the port's IPv4
   * address as an int, or 0 without one): the first free one of {@code (hint & 0xffffff) + 1},
   * {@code + 2}, ... wrapping within [1, 0xfffffe]. Does not take it. When everything is taken,
   * the last address tried.
   */
  MacAddress unused(int hint) {
    long base = hint & SPACE;
    long mac = prefix | 1;
    for (long i = 0; i < SPACE - 1; i++) {
      mac = prefix | (((base + i) % (SPACE - 1)) + 1);
      if (!taken.contains(mac)) {
        break;
      }
    }
    return new MacAddress(mac);
  }
}
