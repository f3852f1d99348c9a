package org.jovn.ovsdb.server.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real daemon (ovn-northd, ovs-vswitchd, ...) run in the foreground as a child process, so
 * that this test owns it and can stop it by its own handle. Its stdout and stderr go to
 * {@code NAME.out} in the directory given; daemons also get {@code --log-file} from the caller.
 */
public final class Daemon implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path output;
  private final Path logFile;

  private Daemon(String name, Process process, Path output, Path logFile) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.logFile = logFile;
  }

  /**
   * Starts {@code command}; {@code logFile} is the daemon's own log (for failure messages).
   */
  public static Daemon start(String name, Path dir, Path logFile, Map<String, String> env,
      String... command) {
    Path out = dir.resolve(name + ".out");
    ProcessBuilder pb = new ProcessBuilder(List.of(command))
        .redirectErrorStream(true)
        .redirectOutput(out.toFile());
    pb.environment().putAll(env);
    try {
      Process process = pb.start();
      process.getOutputStream().close();
      return new Daemon(name, process, out, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + Arrays.toString(command), e);
    }
  }

  /**
   * The real ovn-northd on the given NB and SB remotes, with pidfile, control socket and log
   * file in {@code dir}.
   */
  public static Daemon northd(Path dir, String nb, String sb) {
    return northd(dir, "ovn-northd", nb, sb);
  }

  /** Like {@link #northd(Path, String, String)}, its files named after {@code name}. */
  public static Daemon northd(Path dir, String name, String nb, String sb) {
    return start(name, dir, dir.resolve(name + ".log"), rundirs(dir),
        "ovn-northd", "--ovnnb-db=" + nb, "--ovnsb-db=" + sb,
        "--pidfile=" + dir.resolve(name + ".pid"), "--unixctl=" + dir.resolve(name + ".ctl"),
        "--log-file=" + dir.resolve(name + ".log"));
  }

  /**
   * The real ovs-vswitchd inside namespace {@code netns} on Open_vSwitch database {@code db};
   * its bridges' management sockets are {@code dir/BRIDGE.mgmt}.
   */
  public static Daemon vswitchd(Path dir, String netns, String db) {
    return start("ovs-vswitchd", dir, dir.resolve("ovs-vswitchd.log"), rundirs(dir),
        RealTools.inNetns(netns, "ovs-vswitchd", db,
            "--pidfile=" + dir.resolve("ovs-vswitchd.pid"),
            "--unixctl=" + dir.resolve("ovs-vswitchd.ctl"),
            "--log-file=" + dir.resolve("ovs-vswitchd.log")));
  }

  /** The real ovn-controller inside namespace {@code netns} on Open_vSwitch database {@code db}. */
  public static Daemon controller(Path dir, String netns, String db) {
    return start("ovn-controller", dir, dir.resolve("ovn-controller.log"), rundirs(dir),
        RealTools.inNetns(netns, "ovn-controller", db,
            "--pidfile=" + dir.resolve("ovn-controller.pid"),
            "--log-file=" + dir.resolve("ovn-controller.log")));
  }

  /** Environment that moves every default OVS/OVN run, log and db directory into {@code dir}. */
  public static Map<String, String> rundirs(Path dir) {
    String d = dir.toString();
    return Map.of("OVS_RUNDIR", d, "OVS_LOGDIR", d, "OVS_DBDIR", d, "OVN_RUNDIR", d,
        "OVN_LOGDIR", d, "OVN_DBDIR", d);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The daemon's log file and console output, for assertion messages. */
  public String logs() {
    return "----- " + name + (process.isAlive() ? " (running)" : " (exited " + exitValue() + ")")
        + " log -----\n" + RealTools.readOrNote(logFile) + "\n----- " + name + " console -----\n"
        + RealTools.readOrNote(output) + "\n";
  }

  private String exitValue() {
    try {
      return String.valueOf(process.exitValue());
    } catch (IllegalThreadStateException e) {
      return "?";
    }
  }

  /** Stops the daemon: SIGTERM, then SIGKILL after 10 s. Idempotent. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
