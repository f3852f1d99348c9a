package org.jovn.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jovn.ovn.bench.NorthdBenchmark;
import org.jovn.ovsdb.bench.OvsdbBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code jovn bench}: load tools. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load tools.",
    subcommands = {BenchCommand.Ovsdb.class, BenchCommand.Northd.class})
final class BenchCommand {

  /** {@code jovn bench ovsdb REMOTE [options]}: the OVSDB load tool. */
  @Command(name = "ovsdb", description = "Measures any OVSDB server: insert throughput with 1 "
      + "and 64 in flight, a 20,000-row transaction, monitor fan-out latency, memory per row. "
      + "Run with --help-workloads for options.")
  static final class Ovsdb implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "REMOTE [OPTION...]",
        description = "The server (tcp:IP:PORT or unix:PATH), then the tool's options.")
    List<String> args = new ArrayList<>();

    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() {
      Logging.configure(true, null, ch.qos.logback.classic.Level.WARN);
      List<String> all = new ArrayList<>(args);
      all.addAll(options);
      return OvsdbBenchmark.run(all, System.out, System.err);
    }
  }

  /**
   * {@code jovn bench northd [options]}: the northd benchmark. Ours is, unless {@code --ours}
   * says otherwise, this jar's {@code northd} started by the same java with the same JVM options.
   */
  @Command(name = "northd", description = "Benchmarks the real ovn-northd and ours side by side "
      + "on one generated topology. Run with --help for options.")
  static final class Northd implements Callable<Integer> {
    @Unmatched
    List<String> options = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      Logging.configure(true, null, ch.qos.logback.classic.Level.WARN);
      List<String> all = new ArrayList<>();
      String java = ProcessHandle.current().info().command().orElse("java");
      Path jar = Path.of(Jovn.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      all.add("--ours=" + java + " " + String.join(" ",
          ManagementFactory.getRuntimeMXBean().getInputArguments()) + " -cp " + jar + " "
          + Jovn.class.getName() + " northd");
      all.addAll(options);
      return NorthdBenchmark.run(all, System.out, System.err);
    }
  }
}
