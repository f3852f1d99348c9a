package org.jovn.northd.model;

import java.util.List;

/**
 * Comparison by identity, which northd's caches rely on: replica snapshots hand out the very
 * same row and table objects for what did not change, and inputs reused as unchanged keep their
 * identity too.
 */
public final class Identity {
  private Identity() {}

  /** Whether both lists hold the very same objects, in order. */
  public static boolean sameObjects(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
