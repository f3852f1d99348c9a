package org.jovn.northd.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Compares rows that both sides name alike (port bindings, multicast groups). */
final class NamedRows {
  private NamedRows() {}

  /**
   * One line per name whose row differs or that only one side has, in name order; empty when
   * the two maps are equal.
   */
  static <V> List<String> differences(Map<String, V> real, Map<String, V> ours) {
    TreeSet<String> names = new TreeSet<>(real.keySet());
    names.addAll(ours.keySet());
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      V r = real.get(name);
      V o = ours.get(name);
      if (o == null) {
        lines.add("missing " + name + ": real " + r);
      } else if (r == null) {
        lines.add("extra " + name + ": ours " + o);
      } else if (!Objects.equals(r, o)) {
        lines.add("different " + name + ": real " + r + ", ours " + o);
      }
    }
    return lines;
  }
}
