package org.jovn.northd.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.server.interop.Daemon;
import org.jovn.ovsdb.server.interop.RealTools;

/**
 * One northd process on given NB and SB remotes: jovn's {@code NorthdMain} in a JVM of its own
 * (so that {@link #kill} is a real SIGKILL), or the real ovn-northd when the system property
 * {@code jovn.northd.real} is {@code true}. Both take ovn-northd's flags; pidfile, control socket
 * and log file are {@code NAME.pid}, {@code NAME.ctl} and {@code NAME.log} in the directory given.
 * Close it.
 */
final class NorthdProcess implements AutoCloseable {
  private static final String MAIN_CLASS = "org.jovn.northd.NorthdMain";

  private final String name;
  private final Path control;
  private final Path pidfile;
  private final Daemon daemon;

  private NorthdProcess(String name, Path control, Path pidfile, Daemon daemon) {
    this.name = name;
    this.control = control;
    this.pidfile = pidfile;
    this.daemon = daemon;
  }

  static boolean real() {
    return Boolean.getBoolean("jovn.northd.real");
  }

  /** Starts northd {@code name}; it is running, not necessarily connected, when this returns. */
  static NorthdProcess start(Path dir, String name, String nb, String sb) {
    Path control = dir.resolve(name + ".ctl");
    Path log = dir.resolve(name + ".log");
    Path pidfile = dir.resolve(name + ".pid");
    List<String> command = new ArrayList<>(program());
    command.addAll(List.of("--ovnnb-db=" + nb, "--ovnsb-db=" + sb,
        "--pidfile=" + pidfile, "--unixctl=" + control, "--log-file=" + log));
    Daemon daemon = Daemon.start(name, dir, log, Daemon.rundirs(dir),
        command.toArray(String[]::new));
    return new NorthdProcess(name, control, pidfile, daemon);
  }

  /** The program and its leading arguments: the switch between jovn's northd and the real one. */
  private static List<String> program() {
    if (real()) {
      return List.of("ovn-northd");
    }
    // Surefire may put a manifest-only jar on java.class.path; its real class path is here.
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A small, quickly started JVM: the machines running these tests have few cores.
    return List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-ea",
        "-cp", classpath, MAIN_CLASS);
  }

  String name() {
    return name;
  }

  /**
   * What {@code ovs-appctl status} reports: {@code "active"}, {@code "standby"}, or
   * {@code "not answering"} while the control socket does not answer.
   */
  String status() {
    RealTools.Result r = RealTools.run("ovs-appctl", "-t", control.toString(), "status");
    String out = r.stdout().strip();
    return r.ok() && out.startsWith("Status: ") ? out.substring("Status: ".length()).strip()
        : "not answering";
  }

  boolean isAlive() {
    return daemon.isAlive();
  }

  /** Kills the process with SIGKILL and waits until it is gone. */
  void kill() {
    ProcessHandle process = process();
    process.destroyForcibly();
    process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
  }

  /** This northd's process, as its pidfile names it: a child of this JVM, never another. */
  private ProcessHandle process() {
    String content = RealTools.readOrNote(pidfile).strip();
    long pid;
    try {
      pid = Long.parseLong(content);
    } catch (NumberFormatException e) {
      throw new AssertionError("northd " + name + " wrote no pid: " + content, e);
    }
    return ProcessHandle.current().children().filter(p -> p.pid() == pid).findFirst()
        .orElseThrow(() -> new AssertionError(
            "northd " + name + "'s pid " + pid + " is no child process of this JVM"));
  }

  /** Its log file and console output, for failure messages. */
  String logs() {
    return daemon.logs();
  }

  /** Stops the process (SIGTERM, then SIGKILL). Idempotent. */
  @Override
  public void close() {
    daemon.close();
  }
}
