package org.jovn.ovsdb.data;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** UUID helpers. Stateless. */
public final class Uuids {
  /** The all-zero UUID. */
  public static final UUID ZERO = new UUID(0, 0);

  private Uuids() {}

  /** A random version-4 UUID drawn from the given generator (cheaper than SecureRandom). */
  public static UUID random(RandomGenerator random) {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }
}
