package org.jovn.ovsdb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
  @Test
  void percentile_oneToHundred_isNearestRank() {
    long[] sorted = LongStream.rangeClosed(1, 100).toArray();
    assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(50);
    assertThat(LatencyStats.percentile(sorted, 99)).isEqualTo(99);
    assertThat(LatencyStats.percentile(sorted, 100)).isEqualTo(100);
    assertThat(LatencyStats.percentile(sorted, 0.5)).isEqualTo(1);
  }

  @Test
  void percentile_tenSamples_p99IsTheLargest() {
    long[] sorted = LongStream.rangeClosed(1, 10).toArray();
    assertThat(LatencyStats.percentile(sorted, 99)).isEqualTo(10);
    assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(5);
    assertThat(LatencyStats.percentile(sorted, 51)).isEqualTo(6);
  }

  @Test
  void percentile_oneSample_isThatSample() {
    assertThat(LatencyStats.percentile(new long[] {7}, 50)).isEqualTo(7);
    assertThat(LatencyStats.percentile(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void percentile_outOfRangeOrEmpty_throws() {
    assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 100]");
    assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LatencyStats.percentile(new long[0], 50))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_unsortedSamples_sortsACopy() {
    long[] samples = {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000};
    LatencyStats stats = LatencyStats.of(samples);
    assertThat(stats).isEqualTo(new LatencyStats(5, 3_000_000, 5_000_000, 5_000_000));
    assertThat(stats.p50Millis()).isEqualTo(3.0);
    assertThat(samples[0]).isEqualTo(5_000_000);
  }

  @Test
  void of_noSamples_isEmpty() {
    assertThat(LatencyStats.of(new long[0])).isEqualTo(LatencyStats.EMPTY);
  }

  @Test
  void merge_twoRecorders_concatenates() {
    LatencyRecorder a = new LatencyRecorder();
    LatencyRecorder b = new LatencyRecorder();
    for (int i = 0; i < 3000; i++) {
      a.record(i);
    }
    b.record(-1);
    assertThat(LatencyRecorder.merge(java.util.List.of(a, b))).hasSize(3001).endsWith(2999, -1);
  }
}
