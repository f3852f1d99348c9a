package org.jovn.northd.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which Open vSwitch's string set ({@code struct sset}, a hash map of strings)
 * hands back its members, which is where ovn-northd takes the order of the members of a set it
 * prints into a flow ({@code eth.src == {a, b}}). A set of strings is hashed with OVS's
 * Murmur-based {@code hash_bytes} (basis 0), kept in {@code 2^k} buckets that double as it
 * grows, each bucket a list with the newest member first; iteration walks the buckets in order.
 *
 * <p>Stateless and thread-safe.
 */
public final class HashOrder {
  private HashOrder() {}

  /**
   * The members of a string set built by adding {@code members} in this order (duplicates
   * ignored), in the order the set iterates them.
   */
  public static List<String> ofStringSet(List<String> members) {
    Set<String> unique = new LinkedHashSet<>(members);
    List<List<Node>> buckets = new ArrayList<>();
    buckets.add(new ArrayList<>());
    int mask = 0;
    int n = 0;
    for (String s : unique) {
      Node node = new Node(s, hashString(s));
      buckets.get(node.hash & mask).add(0, node);
      n++;
      if (n / 2 > mask) {
        int newMask = capacityMask(n);
        if (newMask > mask) {
          buckets = rehash(buckets, newMask);
          mask = newMask;
        }
      }
    }
    List<String> out = new ArrayList<>(n);
    for (List<Node> bucket : buckets) {
      bucket.forEach(node -> out.add(node.value));
    }
    return out;
  }

  private record Node(String value, int hash) {}

  /** Moves every node into new buckets, as OVS's hmap resize does (bucket by bucket). */
  private static List<List<Node>> rehash(List<List<Node>> old, int mask) {
    List<List<Node>> fresh = new ArrayList<>(mask + 1);
    for (int i = 0; i <= mask; i++) {
      fresh.add(new ArrayList<>());
    }
    for (List<Node> bucket : old) {
      for (Node node : bucket) {
        fresh.get(node.hash & mask).add(0, node);
      }
    }
    return fresh;
  }

  /** OVS's {@code calc_mask}: the bucket mask for a map holding {@code capacity} nodes. */
  private static int capacityMask(int capacity) {
    int mask = capacity / 2;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask |= (mask & 1) << 1;
    return mask;
  }

  /** OVS's {@code hash_string(s, 0)}: {@code hash_bytes} over the UTF-8 bytes. */
  static int hashString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int hash = 0;
    int i = 0;
    for (; i + 4 <= b.length; i += 4) {
      hash = add(hash, word(b, i, 4));
    }
    if (i < b.length) {
      hash = add(hash, word(b, i, b.length - i));
    }
    return finish(hash ^ b.length);
  }

  /** Little-endian word of up to four bytes, zero-padded. */
  private static int word(byte[] b, int from, int len) {
    int w = 0;
    for (int k = 0; k < len; k++) {
      w |= (b[from + k] & 0xff) << (8 * k);
    }
    return w;
  }

  private static int add(int hash, int data) {
    if (data != 0) {
      data *= 0xcc9e2d51;
      data = Integer.rotateLeft(data, 15);
      data *= 0x1b873593;
      hash ^= data;
    }
    hash = Integer.rotateLeft(hash, 13);
    return hash * 5 + 0xe6546b64;
  }

  private static int finish(int hash) {
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    hash *= 0xc2b2ae35;
    hash ^= hash >>> 16;
    return hash;
  }
}
