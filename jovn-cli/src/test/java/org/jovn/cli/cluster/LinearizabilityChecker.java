package org.jovn.cli.cluster;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks that a history of operations on integer registers (one per key) is linearizable: a
 * Wing &amp; Gong search with Lowe's memoization of (linearized set, register value), run for
 * each key on its own (registers are independent, so the history is linearizable if and only if
 * each key's sub-history is). Meant for small histories (tens of operations per key).
 *
 * <p>An operation whose outcome is unknown (its client saw an error or lost the connection) may
 * take effect at any time after its invocation, or never; a read whose outcome is unknown says
 * nothing and is ignored. A failed compare-and-set is an observation: the register did not hold
 * the expected value at some point while it ran (record it as a read when the value it saw is
 * known: that constrains the search far more).
 *
 * <p>Written values should be unique: then an unknown write whose value nobody observed (no
 * read returned it, no successful compare-and-set expected it) is dropped before the search,
 * which is sound only when no failed compare-and-set is recorded for that key (such a write
 * could explain the failure). The search gives up, reporting failure, after {@link #MAX_STATES}
 * states.
 */
final class LinearizabilityChecker {
  static final int MAX_STATES = 2_000_000;

  private LinearizabilityChecker() {}

  enum Kind { READ, WRITE, CAS }

  enum Outcome { OK, FAIL, UNKNOWN }

  /**
   * One operation of the history.
   *
   * @param invoke when the client sent it (any monotonic clock)
   * @param response when the client got the answer ({@link Long#MAX_VALUE} if unknown)
   * @param value for READ the value read; for WRITE the value written; for CAS the new value
   * @param expected for CAS, the value required
   */
  record Op(int client, String key, Kind kind, long expected, long value, Outcome outcome,
      long invoke, long response) {
    Op {
      if (outcome == Outcome.UNKNOWN) {
        response = Long.MAX_VALUE;
      }
      if (outcome == Outcome.FAIL && kind != Kind.CAS) {
        throw new IllegalArgumentException("only a CAS can fail definitely: " + kind);
      }
    }

    @Override
    public String toString() {
      String what = switch (kind) {
        case READ -> "read=" + value;
        case WRITE -> "write(" + value + ")";
        case CAS -> "cas(" + expected + "->" + value + ")";
      };
      return "c" + client + " " + key + " " + what + " " + outcome + " [" + invoke + ", "
          + (response == Long.MAX_VALUE ? "inf" : response) + "]";
    }
  }

  /**
   * Returns null when the history is linearizable, else the key whose sub-history is not (with
   * its operations), for the failure message.
   *
   * @param initial each key's value before the history
   */
  static String check(List<Op> history, Map<String, Long> initial) {
    Map<String, List<Op>> byKey = new TreeMap<>();
    for (Op op : history) {
      if (op.kind() == Kind.READ && op.outcome() == Outcome.UNKNOWN) {
        continue;
      }
      byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
    }
    for (Map.Entry<String, List<Op>> e : byKey.entrySet()) {
      long start = initial.getOrDefault(e.getKey(), 0L);
      List<Op> ops = withoutUnobservedUnknowns(e.getValue());
      Search search = new Search(ops);
      boolean ok;
      try {
        ok = search.run(new BitSet(), start);
      } catch (IllegalStateException tooBig) {
        return "key " + e.getKey() + ": search gave up after " + MAX_STATES + " states ("
            + ops.size() + " operations)";
      }
      if (!ok) {
        StringBuilder b = new StringBuilder("key " + e.getKey() + " (initially " + start
            + ") is not linearizable:\n");
        e.getValue().stream().sorted(java.util.Comparator.comparingLong(Op::invoke))
            .forEach(op -> b.append("  ").append(op).append('\n'));
        return b.toString();
      }
    }
    return null;
  }

  private static List<Op> withoutUnobservedUnknowns(List<Op> ops) {
    if (ops.stream().anyMatch(o -> o.outcome() == Outcome.FAIL)) {
      return ops;
    }
    Set<Long> observed = new HashSet<>();
    for (Op o : ops) {
      if (o.outcome() == Outcome.OK && o.kind() == Kind.READ) {
        observed.add(o.value());
      } else if (o.outcome() == Outcome.OK && o.kind() == Kind.CAS) {
        observed.add(o.expected());
      }
    }
    return ops.stream().filter(o -> o.outcome() != Outcome.UNKNOWN
        || observed.contains(o.value())).toList();
  }

  /** The depth-first search over one register's operations. */
  private static final class Search {
    private final List<Op> ops;
    private final BitSet required = new BitSet();
    private final Set<State> seen = new HashSet<>();

    private record State(BitSet done, long value) {}

    Search(List<Op> ops) {
      this.ops = ops;
      for (int i = 0; i < ops.size(); i++) {
        if (ops.get(i).outcome() != Outcome.UNKNOWN) {
          required.set(i);
        }
      }
    }

    boolean run(BitSet done, long value) {
      BitSet missing = (BitSet) required.clone();
      missing.andNot(done);
      if (missing.isEmpty()) {
        return true;
      }
      if (!seen.add(new State((BitSet) done.clone(), value))) {
        return false;
      }
      if (seen.size() > MAX_STATES) {
        throw new IllegalStateException("too many states");
      }
      // Whatever is linearized next must have been invoked before every pending operation
      // that has completed returned.
      long horizon = Long.MAX_VALUE;
      for (int i = missing.nextSetBit(0); i >= 0; i = missing.nextSetBit(i + 1)) {
        horizon = Math.min(horizon, ops.get(i).response());
      }
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        if (done.get(i) || op.invoke() > horizon) {
          continue;
        }
        Long next = step(op, value);
        if (next != null) {
          done.set(i);
          boolean ok = run(done, next);
          done.clear(i);
          if (ok) {
            return true;
          }
        }
      }
      return false;
    }

    /** The register's value after OP, or null when OP cannot happen on VALUE. */
    private static Long step(Op op, long value) {
      return switch (op.kind()) {
        case READ -> op.value() == value ? value : null;
        case WRITE -> op.value();
        case CAS -> op.outcome() == Outcome.FAIL ? (op.expected() != value ? value : null)
            : op.expected() == value ? op.value() : null;
      };
    }
  }
}
