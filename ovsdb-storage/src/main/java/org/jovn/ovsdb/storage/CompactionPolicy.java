package org.jovn.ovsdb.storage;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a standalone database should be compacted: the rule of ovsdb-server's
 * {@code ovsdb_storage_should_snapshot()} and {@code ovsdb_log_grew_lots()} (ovsdb/storage.c,
 * ovsdb/log.c).
 *
 * <ul>
 *   <li>Never before a randomised minimum time: 10 minutes plus a random 0-10 minutes after the
 *       database was opened or last compacted (1 minute plus 0-1 minutes after a failed
 *       compaction).
 *   <li>Before the maximum time (one day after opening or the last successful compaction):
 *       compact if at least {@value #MIN_RECORDS} records have been read or written since
 *       opening <em>and</em> the log grew lots: it is larger than {@value #MIN_SIZE_BYTES}
 *       bytes and half its size exceeds the size right after the last compaction.
 *   <li>After the maximum time: compact if there has been any record at all.
 * </ul>
 *
 * <p>Time and randomness are injected. Not thread-safe; owned by the database's writer thread.
 */
public final class CompactionPolicy {
    /** Minimum records since opening for a size-triggered compaction. */
    public static final long MIN_RECORDS = 100;
    /** The log must exceed this many bytes to have "grown lots". */
    public static final long MIN_SIZE_BYTES = 10L * 1024 * 1024;

    private static final long TEN_MINUTES = Duration.ofMinutes(10).toMillis();
    private static final long ONE_DAY = Duration.ofDays(1).toMillis();

    private final InstantSource clock;
    private final RandomGenerator random;
    private long nextMin;
    private long nextMax;

    /** Creates a policy as of now, the moment the database is opened. */
    public CompactionPolicy(InstantSource clock, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        schedule(false);
    }

    /** ovsdb_log_grew_lots(): larger than 10 MiB and more than twice the base size. */
    public static boolean grewLots(long size, long baseSize) {
        return size > MIN_SIZE_BYTES && size / 2 > baseSize;
    }

    /** Applies the rule to {@code log}'s current size, base size and record count. */
    public boolean shouldCompact(LogFile log) {
        return shouldCompact(log.size(), log.baseSize(), log.recordsSinceOpen());
    }

    /**
     * Applies the rule.
     *
     * @param size the log's size in bytes
     * @param baseSize the size right after the last compaction
     * @param records records read plus written since the database was opened
     */
    public boolean shouldCompact(long size, long baseSize, long records) {
        long now = clock.millis();
        if (now < nextMin) {
            return false;
        }
        if (now < nextMax) {
            return records >= MIN_RECORDS && grewLots(size, baseSize);
        }
        return records > 0;
    }

    /** Records the outcome of a compaction and schedules the next window. */
    public void compacted(boolean succeeded) {
        schedule(!succeeded);
    }

    /** Milliseconds since the epoch before which no compaction happens. */
    public long nextMinMillis() {
        return nextMin;
    }

    /** Milliseconds since the epoch after which any growth triggers compaction. */
    public long nextMaxMillis() {
        return nextMax;
    }

    private void schedule(boolean quick) {
        long base = quick ? TEN_MINUTES / 10 : TEN_MINUTES;
        long range = base;
        long now = clock.millis();
        nextMin = now + base + random.nextLong(range);
        if (!quick) {
            nextMax = now + ONE_DAY;
        }
    }
}
