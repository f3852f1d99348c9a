package org.jovn.northd.ipam;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jovn.northd.net.Ipv4Address;

/**
 * The IPv4 addresses of one switch's {@code other_config:subnet} and which of them are taken.
 *
 * <p>The pool covers the subnet from its first host address (network + 1) to its broadcast
 * address. The first host address is taken from the start; the broadcast address can be taken
 * (by a static address or an exclusion) but is never handed out. Taken addresses are kept as
 * disjoint ranges, so a /8 with a few exclusions costs a few entries. Not thread-safe.
 */
final class Ipv4Pool {
  /** First address of the pool: the subnet's network address + 1, unsigned. */
  private final long start;
  /** Addresses in the pool: the subnet's size - 1. */
  private final long size;
  /** Taken offsets from {@link #start}: range start to range end (exclusive), coalesced. */
  private final TreeMap<Long, Long> taken = new TreeMap<>();

  /**
   * A pool for a subnet with the given network address and prefix length (0 to 31), with its
   * first host address taken.
   */
  Ipv4Pool(Ipv4Address network, int length) {
    if (length < 0 || length > 31) {
      throw new IllegalArgumentException("prefix length " + length + " is out of range [0, 31]");
    }
    long mask = (0xffffffffL << (32 - length)) & 0xffffffffL;
    this.start = (Integer.toUnsignedLong(network.value()) & mask) + 1;
    this.size = ~mask & 0xffffffffL;
    take(0, 1);
  }

  /** The first address of the pool (network + 1), always taken. */
  Ipv4Address first() {
    return new Ipv4Address((int) start);
  }

  /** Takes one address; addresses outside the pool are ignored. */
  void take(Ipv4Address ip) {
    long offset = offset(ip);
    if (offset >= 0 && offset < size) {
      take(offset, offset + 1);
    }
  }

  /**
   * Takes the addresses from {@code from} to {@code to} inclusive, clamped to the pool.
   *
   * @return false if no address of the range is in the pool
   */
  boolean takeRange(long from, long to) {
    long a = Math.max(from, start);
    long b = Math.min(to + 1, start + size);
    if (b <= a) {
      return false;
    }
    take(a - start, b - start);
    return true;
  }

  /**
   * Whether the address may be handed out to a port: in the pool, not the broadcast address,
   * and not taken.
   */
  boolean isFree(Ipv4Address ip) {
    long offset = offset(ip);
    return offset >= 0 && offset < size - 1 && !isTaken(offset);
  }

  /** The lowest address that may be handed out, or empty when the subnet is exhausted. */
  Optional<Ipv4Address> lowestFree() {
    long candidate = 0;
    Map.Entry<Long, Long> e = taken.floorEntry(0L);
    if (e != null && e.getValue() > 0) {
      candidate = e.getValue();
    }
    return candidate < size - 1 ? Optional.of(new Ipv4Address((int) (start + candidate)))
        : Optional.empty();
  }

  private long offset(Ipv4Address ip) {
    return Integer.toUnsignedLong(ip.value()) - start;
  }

  private boolean isTaken(long offset) {
    Map.Entry<Long, Long> e = taken.floorEntry(offset);
    return e != null && e.getValue() > offset;
  }

  /** Marks offsets [from, to) taken, merging with overlapping or adjacent ranges. */
  private void take(long from, long to) {
    long a = from;
    long b = to;
    Map.Entry<Long, Long> before = taken.floorEntry(a);
    if (before != null && before.getValue() >= a) {
      a = before.getKey();
      b = Math.max(b, before.getValue());
    }
    for (Map.Entry<Long, Long> e = taken.ceilingEntry(a); e != null && e.getKey() <= b;
        e = taken.ceilingEntry(a)) {
      b = Math.max(b, e.getValue());
      taken.remove(e.getKey());
    }
    taken.put(a, b);
  }
}
