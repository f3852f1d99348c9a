package org.jovn.ovsdb.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one workload measured. Immutable.
 *
 * @param workload the workload's name, e.g. {@code insert-64}
 * @param transactions transactions committed (for fan-out: the timed ones)
 * @param rows rows inserted
 * @param elapsed wall-clock time of the measured part
 * @param metrics the reported figures, in display order (names unique)
 * @param note free text for the human-readable table, e.g. which monitor method was used; may be
 *     empty, never null
 * @param failure why the workload failed (then the figures are empty), or null if it succeeded
 */
public record WorkloadResult(String workload, long transactions, long rows, Duration elapsed,
    List<Metric> metrics, String note, String failure) {
  /** Validates and copies. */
  public WorkloadResult {
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(elapsed, "elapsed");
    metrics = List.copyOf(metrics);
    Objects.requireNonNull(note, "note");
  }

  /** Returns the result of a workload that failed with {@code message}. */
  public static WorkloadResult failed(String workload, String message) {
    return new WorkloadResult(workload, 0, 0, Duration.ZERO, List.of(), "", message);
  }

  /** Returns true if the workload completed. */
  public boolean succeeded() {
    return failure == null;
  }

  /** Returns the value of the metric named {@code name}, or empty if there is none. */
  public OptionalDouble value(String name) {
    for (Metric m : metrics) {
      if (m.name().equals(name)) {
        return OptionalDouble.of(m.value());
      }
    }
    return OptionalDouble.empty();
  }
}
