package org.jovn.ovsdb.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread that owns one database ("one writer"). It runs submitted tasks in order and,
 * after each batch of tasks (all that were waiting when it looked), calls the batch hook once: that is where the
 * engine makes the batch's commits durable with one fsync and then acknowledges them (group
 * commit). Under load many transactions share one fsync; alone, a transaction pays for one.
 *
 * <p>Thread-safe: {@link #execute} may be called from any thread.
 */
final class CommitLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommitLoop.class);
  private static final Runnable STOP = () -> {};

  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Runnable afterBatch;
  private final Thread thread;
  private volatile boolean closed;

  CommitLoop(String name, Runnable afterBatch) {
    this.afterBatch = afterBatch;
    this.thread = new Thread(this::run, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues a task; returns false (and drops it) after close. */
  boolean execute(Runnable task) {
    if (closed) {
      return false;
    }
    queue.add(task);
    return true;
  }

  /** True when called on the loop's thread. */
  boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  private void run() {
    List<Runnable> batch = new ArrayList<>();
    while (true) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch);
        for (Runnable r : batch) {
          if (r == STOP) {
            afterBatch.run();
            return;
          }
          runSafely(r);
        }
        batch.clear();
        runSafely(afterBatch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void runSafely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException | Error e) {
      LOG.error("database task failed", e);
    }
  }

  /** Finishes queued tasks, runs the batch hook a last time and stops the thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.add(STOP);
    if (!inLoop()) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
