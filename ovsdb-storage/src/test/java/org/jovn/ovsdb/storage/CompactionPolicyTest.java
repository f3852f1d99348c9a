package org.jovn.ovsdb.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompactionPolicyTest {
    private static final long MB = 1024 * 1024;
    private Instant now = Instant.ofEpochMilli(1_000_000);
    private final InstantSource clock = () -> now;

    @Test
    void shouldCompact_beforeMinimumTime_never() {
        CompactionPolicy policy = new CompactionPolicy(clock, new SplittableRandom(1));
        now = now.plus(Duration.ofMinutes(9));
        assertThat(policy.shouldCompact(100 * MB, 0, 1000)).isFalse();
    }

    @Test
    void shouldCompact_afterMinimumTime_needsGrowthAndRecords() {
        CompactionPolicy policy = new CompactionPolicy(clock, new SplittableRandom(1));
        now = now.plus(Duration.ofMinutes(20));
        assertThat(policy.shouldCompact(11 * MB, 5 * MB, 100)).isTrue();
        assertThat(policy.shouldCompact(11 * MB, 5 * MB, 99)).isFalse();
        assertThat(policy.shouldCompact(11 * MB, 6 * MB, 100)).as("not twice the base").isFalse();
        assertThat(policy.shouldCompact(10 * MB, 0, 100)).as("not over 10 MiB").isFalse();
    }

    @Test
    void shouldCompact_afterOneDay_anyRecord() {
        CompactionPolicy policy = new CompactionPolicy(clock, new SplittableRandom(1));
        now = now.plus(Duration.ofDays(1));
        assertThat(policy.shouldCompact(1000, 1000, 1)).isTrue();
        assertThat(policy.shouldCompact(1000, 1000, 0)).isFalse();
    }

    @Test
    void compacted_failure_retriesWithinTwoMinutesKeepingMaximum() {
        CompactionPolicy policy = new CompactionPolicy(clock, new SplittableRandom(7));
        long max = policy.nextMaxMillis();
        policy.compacted(false);
        assertThat(policy.nextMinMillis() - now.toEpochMilli()).isBetween(60_000L, 120_000L);
        assertThat(policy.nextMaxMillis()).isEqualTo(max);
        policy.compacted(true);
        assertThat(policy.nextMinMillis() - now.toEpochMilli()).isBetween(600_000L, 1_200_000L);
    }
}
