package org.jovn.ovn.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child process (a database server or a northd) with its output in a file. Closing it sends
 * SIGTERM, then SIGKILL after a grace period; processes still running when the JVM exits (on
 * Ctrl-C, say) get SIGTERM from a shutdown hook. Not thread-safe; the starter owns and closes it.
 */
final class ManagedProcess implements AutoCloseable {
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(
        new Thread(() -> RUNNING.forEach(Process::destroy), "stop-children"));
  }

  private final String name;
  private final Process process;
  private final Path output;

  private ManagedProcess(String name, Process process, Path output) {
    this.name = name;
    this.process = process;
    this.output = output;
  }

  /**
   * Starts {@code command} with stdout and stderr appended to {@code output}.
   *
   * @throws BenchException when the command cannot be run
   */
  static ManagedProcess start(String name, List<String> command, Path output) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    try {
      Process process = builder.start();
      RUNNING.add(process);
      return new ManagedProcess(name, process, output);
    } catch (IOException e) {
      throw new BenchException("cannot start " + name + " (" + String.join(" ", command) + "): "
          + e.getMessage(), e);
    }
  }

  String name() {
    return name;
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  int exitValue() {
    return process.exitValue();
  }

  /**
   * Waits until {@code path} exists (a socket the process creates).
   *
   * @throws BenchException when the process exits first or {@code timeout} passes
   */
  void awaitPath(Path path, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(path)) {
      if (!process.isAlive()) {
        throw new BenchException(name + " exited with status " + process.exitValue()
            + " before creating " + path + "; its output ends with:\n" + tail(output, 20));
      }
      if (System.nanoTime() > deadline) {
        throw new BenchException(name + " did not create " + path + " within "
            + Waits.seconds(timeout));
      }
      sleep(Duration.ofMillis(10));
    }
  }

  /**
   * The process id the program wrote to {@code pidfile} (the one to measure when the command
   * is a wrapper), or the started process's when the file is missing or unreadable.
   */
  long pid(Path pidfile) {
    try {
      return Long.parseLong(Files.readString(pidfile, StandardCharsets.US_ASCII).trim());
    } catch (IOException | NumberFormatException e) {
      return process.pid();
    }
  }

  @Override
  public void close() {
    try {
      if (!process.isAlive()) {
        return;
      }
      process.destroy();
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      RUNNING.remove(process);
    }
  }

  /** The last {@code lines} lines of a file, or a note saying it cannot be read. */
  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (NoSuchFileException e) {
      return "(no " + file + ")";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }
}
