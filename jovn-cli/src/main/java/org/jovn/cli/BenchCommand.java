package org.jovn.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jovn.ovsdb.bench.OvsdbBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code jovn bench}: load tools. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Load tools.",
    subcommands = BenchCommand.Ovsdb.class)
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
}
