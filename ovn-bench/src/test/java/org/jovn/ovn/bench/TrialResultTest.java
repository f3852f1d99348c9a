package org.jovn.ovn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrialResultTest {
  @Test
  void quantile_tenSamples_takesNearestRank() {
    List<Duration> samples = IntStream.rangeClosed(1, 10).map(i -> 11 - i)
        .mapToObj(Duration::ofMillis).toList();

    assertThat(TrialResult.quantile(samples, 0.5)).contains(Duration.ofMillis(5));
    assertThat(TrialResult.quantile(samples, 0.9)).contains(Duration.ofMillis(9));
    assertThat(TrialResult.quantile(List.of(), 0.5)).isEmpty();
  }

  @Test
  void parse_procStatus_readsRssAndPeak() {
    String status = "Name:\tovn-northd\nVmHWM:\t   26420 kB\nVmRSS:\t   25700 kB\nThreads:\t1\n";

    assertThat(ProcessMemory.parse(status, Path.of("status")))
        .isEqualTo(new ProcessMemory(25_700, 26_420));
  }
}
