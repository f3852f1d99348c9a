package org.jovn.ovn.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Blocking waits on futures that turn every failure into a {@link BenchException}. Stateless. */
final class Waits {
  private Waits() {}

  /**
   * The future's value, waiting at most {@code timeout}.
   *
   * @throws BenchException naming {@code what} when the future fails or is late
   */
  static <T> T get(CompletableFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new BenchException(what + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new BenchException(what + ": not done within " + seconds(timeout), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(what + ": interrupted", e);
    }
  }

  /**
   * Like {@link #get}, but gives up at once when {@code process} exits first.
   *
   * @throws BenchException naming {@code what} when the future fails or is late, or the
   *     process exits
   */
  static <T> T getWhileAlive(CompletableFuture<T> future, ManagedProcess process,
      Duration timeout, String what) {
    get(CompletableFuture.anyOf(future, process.onExit()), timeout, what);
    if (!future.isDone()) {
      throw new BenchException(what + ": " + process.name() + " exited with status "
          + process.exitValue());
    }
    return get(future, Duration.ZERO, what);
  }

  static String seconds(Duration d) {
    return String.format("%.1f s", d.toMillis() / 1000.0);
  }
}
