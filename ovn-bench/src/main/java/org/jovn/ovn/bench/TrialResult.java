package org.jovn.ovn.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one northd on one topology, filled in step by step: a failed step leaves the
 * later figures empty and records why. Confined to the thread running the trial, then read-only.
 */
final class TrialResult {
  private final String label;
  private Duration initialSync;
  private SbCounts sbCounts;
  private final List<Duration> adds = new ArrayList<>();
  private final List<Duration> deletes = new ArrayList<>();
  private final List<Duration> aclAdds = new ArrayList<>();
  private final List<Duration> vipAdds = new ArrayList<>();
  private ProcessMemory memory;
  private String failure;

  TrialResult(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  void initialSync(Duration d) {
    this.initialSync = d;
  }

  void sbCounts(SbCounts counts) {
    this.sbCounts = counts;
  }

  void add(Duration d) {
    adds.add(d);
  }

  void delete(Duration d) {
    deletes.add(d);
  }

  void aclAdd(Duration d) {
    aclAdds.add(d);
  }

  void vipAdd(Duration d) {
    vipAdds.add(d);
  }

  void memory(ProcessMemory m) {
    this.memory = m;
  }

  void failure(String why) {
    this.failure = why;
  }

  /** Time from starting northd until sb_cfg reached nb_cfg. */
  Optional<Duration> initialSync() {
    return Optional.ofNullable(initialSync);
  }

  Optional<SbCounts> sbCounts() {
    return Optional.ofNullable(sbCounts);
  }

  List<Duration> adds() {
    return List.copyOf(adds);
  }

  List<Duration> deletes() {
    return List.copyOf(deletes);
  }

  List<Duration> aclAdds() {
    return List.copyOf(aclAdds);
  }

  List<Duration> vipAdds() {
    return List.copyOf(vipAdds);
  }

  Optional<ProcessMemory> memory() {
    return Optional.ofNullable(memory);
  }

  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The nearest-rank {@code q}-quantile (the value at rank {@code ceil(q * n)} in ascending
   * order), or empty for no samples.
   */
  static Optional<Duration> quantile(List<Duration> samples, double q) {
    if (samples.isEmpty()) {
      return Optional.empty();
    }
    List<Duration> sorted = samples.stream().sorted(Comparator.naturalOrder()).toList();
    int rank = (int) Math.ceil(q * sorted.size());
    return Optional.of(sorted.get(Math.min(sorted.size(), Math.max(1, rank)) - 1));
  }
}
