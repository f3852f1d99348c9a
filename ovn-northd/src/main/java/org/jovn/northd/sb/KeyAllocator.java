package org.jovn.northd.sb;

import java.util.BitSet;

/**
 * Hands out the smallest tunnel keys not in use within {@code [min, max]}, as northd allocates
 * datapath keys (1 to 2^24-1) and port keys within a datapath (1 to 32767). Not thread-safe.
 */
final class KeyAllocator {
  private final BitSet used = new BitSet();
  private final int min;
  private final int max;
  private int next;

  KeyAllocator(int min, int max) {
    this.min = min;
    this.max = max;
    this.next = min;
  }

  /** Marks a key as taken; keys out of range are ignored. */
  void reserve(long key) {
    if (key >= min && key <= max) {
      used.set((int) key);
    }
  }

  /**
   * The next free key, now taken.
   *
   * @throws IllegalStateException when every key in range is taken
   */
  int allocate() {
    int k = used.nextClearBit(next);
    if (k > max) {
      throw new IllegalStateException("all tunnel keys in [" + min + ", " + max + "] are in use");
    }
    used.set(k);
    next = k + 1;
    return k;
  }
}
