package org.jovn.ovn.bench;

import java.time.Duration;
import java.util.Objects;

/**
 * How every trial runs, whatever the size and the northd (see also {@link BenchTools}).
 *
 * @param timeout the longest wait for any one step (a load transaction, a sync)
 * @param rowsPerTransaction about how many rows each load transaction holds
 * @param changes measured port adds, and as many deletes
 * @param warmupChanges unmeasured add-and-delete pairs before the measured ones
 */
record BenchSettings(Duration timeout, int rowsPerTransaction, int changes, int warmupChanges) {
  BenchSettings {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " is not positive");
    }
    if (rowsPerTransaction < 1) {
      throw new IllegalArgumentException(
          "rows per transaction: " + rowsPerTransaction + " is not at least 1");
    }
    if (changes < 1) {
      throw new IllegalArgumentException("changes: " + changes + " is not at least 1");
    }
    if (warmupChanges < 0) {
      throw new IllegalArgumentException("warm-up changes: " + warmupChanges + " is negative");
    }
  }
}
