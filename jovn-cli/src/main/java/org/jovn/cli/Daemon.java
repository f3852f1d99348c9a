package org.jovn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OVS-style daemon plumbing: {@code --detach} (the process starts a copy of itself in the
 * background, waits until the copy says it is ready, then exits) and {@code --pidfile}.
 */
final class Daemon {
  static final String DETACHED_ENV = "JOVN_DETACHED";

  private Daemon() {}

  /** True in the background copy started by {@link #detach}. */
  static boolean isDetachedChild() {
    return "1".equals(System.getenv(DETACHED_ENV));
  }

  /**
   * Starts this command again in the background without {@code --detach} and waits until it is
   * ready.
   *
   * @return the exit status for the foreground process
   */
  static int detach(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Jovn.class.getName());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put(DETACHED_ENV, "1");
    try {
      Process p = pb.start();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
          StandardCharsets.UTF_8))) {
        String line = r.readLine();
        if ("READY".equals(line)) {
          return 0;
        }
        System.err.println("jovn: background process failed to start"
            + (line == null ? "" : ": " + line));
        return 1;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** In the background copy: tells the foreground process that startup succeeded. */
  static void signalReady() {
    if (isDetachedChild()) {
      System.out.println("READY");
      System.out.flush();
      System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    }
  }

  /** In the background copy: tells the foreground process why startup failed. */
  static void signalFailure(String message) {
    if (isDetachedChild()) {
      System.out.println("FAILED " + message);
      System.out.flush();
    }
  }

  /** Writes the pid file and deletes it at exit. */
  static void writePidfile(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, ProcessHandle.current().pid() + "\n");
      file.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write pidfile " + file, e);
    }
  }

  /** The OVS run directory: $OVS_RUNDIR, else /var/run/openvswitch. */
  static Path runDir() {
    String d = System.getenv("OVS_RUNDIR");
    return Path.of(d != null && !d.isEmpty() ? d : "/var/run/openvswitch");
  }
}
