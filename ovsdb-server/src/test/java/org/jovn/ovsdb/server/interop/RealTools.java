package org.jovn.ovsdb.server.interop;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Runs the real OVS/OVN command-line programs and waits for conditions. */
public final class RealTools {
  /** How long one command may take before it is killed. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private RealTools() {}

  /** Skips the calling test only when {@code -Djovn.interop=false}. */
  public static void assumeInteropEnabled() {
    assumeFalse("false".equals(System.getProperty("jovn.interop")),
        "interop tests disabled by -Djovn.interop=false");
  }

  /** What a command printed and how it exited. */
  public record Result(List<String> command, int exit, String stdout, String stderr) {
    public boolean ok() {
      return exit == 0;
    }

    /** This result, or an AssertionError describing it when the exit status is not zero. */
    public Result check() {
      if (exit != 0) {
        throw new AssertionError(this.toString());
      }
      return this;
    }

    @Override
    public String toString() {
      return String.join(" ", command) + "\n  exit " + exit + "\n  stdout: " + stdout
          + "\n  stderr: " + stderr;
    }
  }

  /** Runs a command with an empty stdin and the default timeout. */
  public static Result run(String... command) {
    return run(Map.of(), command);
  }

  /** Runs a command with extra environment variables, an empty stdin and the default timeout. */
  public static Result run(Map<String, String> env, String... command) {
    return run(env, COMMAND_TIMEOUT, null, Arrays.asList(command));
  }

  /** Runs a command; on timeout it is killed and the result has exit status -1. */
  public static Result run(Map<String, String> env, Duration timeout, String stdin,
      List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    try {
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      boolean exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!exited) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
      return new Result(List.copyOf(command), exited ? p.exitValue() : -1,
          out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS)
              + (exited ? "" : "\n(killed after " + timeout + ")"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("reading output of " + command, e);
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try (in) {
        f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        f.completeExceptionally(e);
      }
    }, "drain");
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** Runs a command with an empty stdin and the given timeout. */
  public static Result run(Duration timeout, List<String> command) {
    return run(Map.of(), timeout, null, command);
  }

  /** {@code command} prefixed with {@code ip netns exec NS}. */
  public static String[] inNetns(String ns, String... command) {
    List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    all.addAll(Arrays.asList(command));
    return all.toArray(String[]::new);
  }

  /**
   * Polls {@code condition} every 100 ms until it holds; fails after {@code timeout} with the
   * message {@code describe} gives at that moment.
   */
  public static void waitUntil(Duration timeout, BooleanSupplier condition,
      Supplier<String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + ": " + describe.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The contents of a file, or a note that it is missing: for failure messages. */
  public static String readOrNote(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(" + file.getFileName() + " missing)";
    } catch (IOException e) {
      return "(" + file.getFileName() + " unreadable: " + e + ")";
    }
  }

  /**
   * The first {@code python3} on the PATH that can import the {@code ovs} package (a pyenv or
   * virtualenv python3 earlier on the PATH may lack the Debian python3-openvswitch package).
   */
  public static String pythonWithOvs() {
    String path = System.getenv().getOrDefault("PATH", "");
    List<String> candidates = new ArrayList<>();
    for (String dir : path.split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "python3");
      if (Files.isExecutable(p)) {
        candidates.add(p.toString());
      }
    }
    for (String python : candidates) {
      if (run(python, "-c", "import ovs.db.idl").ok()) {
        return python;
      }
    }
    throw new AssertionError("no python3 on the PATH imports ovs.db.idl: " + candidates);
  }
}
