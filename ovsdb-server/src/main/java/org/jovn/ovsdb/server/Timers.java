package org.jovn.ovsdb.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** One daemon thread for the server's timers; tasks must only hand work to other threads. */
final class Timers {
  private static final ScheduledExecutorService SCHEDULER =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ovsdb-timers");
        t.setDaemon(true);
        return t;
      });

  private Timers() {}

  static ScheduledFuture<?> schedule(long delayMs, Runnable task) {
    return SCHEDULER.schedule(task, delayMs, TimeUnit.MILLISECONDS);
  }

  static ScheduledFuture<?> every(long periodMs, Runnable task) {
    return SCHEDULER.scheduleWithFixedDelay(task, periodMs, periodMs, TimeUnit.MILLISECONDS);
  }
}
