package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jovn.cli.cluster.LinearizabilityChecker.Kind;
import org.jovn.cli.cluster.LinearizabilityChecker.Op;
import org.jovn.cli.cluster.LinearizabilityChecker.Outcome;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {
  private static Op read(int c, long v, long from, long to) {
    return new Op(c, "x", Kind.READ, 0, v, Outcome.OK, from, to);
  }

  private static Op write(int c, long v, Outcome o, long from, long to) {
    return new Op(c, "x", Kind.WRITE, 0, v, o, from, to);
  }

  private static Op cas(int c, long exp, long v, Outcome o, long from, long to) {
    return new Op(c, "x", Kind.CAS, exp, v, o, from, to);
  }

  @Test
  void check_concurrentWriteAndReads_linearizable() {
    List<Op> h = List.of(
        write(1, 1, Outcome.OK, 0, 10),
        read(2, 0, 1, 2),      // before the write took effect
        read(3, 1, 3, 4),      // after it took effect (still concurrent with it)
        cas(1, 1, 2, Outcome.OK, 11, 20),
        cas(2, 1, 3, Outcome.FAIL, 12, 21),
        read(3, 2, 22, 23));
    assertThat(LinearizabilityChecker.check(h, Map.of("x", 0L))).isNull();
  }

  @Test
  void check_readGoesBackInTime_notLinearizable() {
    List<Op> h = List.of(
        write(1, 1, Outcome.OK, 0, 10),
        read(2, 1, 11, 12),
        read(3, 0, 13, 14));   // a stale read after a newer value was read
    assertThat(LinearizabilityChecker.check(h, Map.of("x", 0L))).contains("key x");
  }

  @Test
  void check_bothCasSucceedFromSameValue_notLinearizable() {
    List<Op> h = List.of(
        cas(1, 0, 1, Outcome.OK, 0, 10),
        cas(2, 0, 2, Outcome.OK, 1, 11));
    assertThat(LinearizabilityChecker.check(h, Map.of("x", 0L))).isNotNull();
  }

  @Test
  void check_unknownWriteMayTakeEffectLateOrNever() {
    List<Op> late = List.of(
        write(1, 5, Outcome.UNKNOWN, 0, 0),
        read(2, 0, 10, 11),
        read(2, 5, 20, 21));
    List<Op> never = List.of(
        write(1, 5, Outcome.UNKNOWN, 0, 0),
        read(2, 0, 10, 11),
        read(2, 0, 20, 21));
    List<Op> beforeInvoked = List.of(
        read(2, 5, 0, 1),
        write(1, 5, Outcome.UNKNOWN, 10, 0));
    assertThat(LinearizabilityChecker.check(late, Map.of())).isNull();
    assertThat(LinearizabilityChecker.check(never, Map.of())).isNull();
    assertThat(LinearizabilityChecker.check(beforeInvoked, Map.of())).isNotNull();
  }
}
