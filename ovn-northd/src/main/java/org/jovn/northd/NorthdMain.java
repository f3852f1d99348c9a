package org.jovn.northd;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Runs northd in the foreground until {@code exit} on the control socket or SIGTERM, with
 * ovn-northd's flags. ({@code jovn northd} is the same command with the jovn launcher's
 * logging.)
 */
@Command(name = "northd", mixinStandardHelpOptions = true,
    description = "Translates the OVN Northbound database into the Southbound database.")
public final class NorthdMain implements Callable<Integer> {
  @Mixin
  NorthdOptions options = new NorthdOptions();

  public static void main(String[] args) {
    System.exit(new CommandLine(new NorthdMain()).execute(args));
  }

  @Override
  public Integer call() {
    if (options.logFile != null && !options.logFile.isEmpty()) {
      redirectOutput(Path.of(options.logFile));
    }
    return run(options);
  }

  /** Starts northd as the options say and blocks until it is told to exit. */
  public static int run(NorthdOptions options) {
    try (NorthdDaemon daemon = NorthdDaemon.start(options.config())) {
      if (options.pidfile != null && !options.pidfile.isEmpty()) {
        writePidfile(Path.of(options.pidfile));
      }
      Runtime.getRuntime().addShutdownHook(
          new Thread(() -> daemon.exitRequested().complete(null), "shutdown"));
      daemon.exitRequested().join();
    }
    return 0;
  }

  private static void writePidfile(Path file) {
    try {
      Files.writeString(file, ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static void redirectOutput(Path file) {
    try {
      PrintStream out = new PrintStream(new FileOutputStream(file.toFile(), true), true);
      System.setOut(out);
      System.setErr(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }
}
