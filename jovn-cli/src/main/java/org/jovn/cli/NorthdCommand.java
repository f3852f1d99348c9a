package org.jovn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jovn.northd.NorthdMain;
import org.jovn.northd.NorthdOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jovn northd}: ovn-northd's replacement, with its flags ({@code --ovnnb-db},
 * {@code --ovnsb-db}, {@code --unixctl}, {@code --pidfile}, {@code --log-file}).
 */
@Command(name = "northd", mixinStandardHelpOptions = true,
    description = "Translates the OVN Northbound database into the Southbound database.")
final class NorthdCommand implements Callable<Integer> {
  @Mixin
  NorthdOptions options = new NorthdOptions();

  @Option(names = {"-v", "--verbose"}, arity = "0..1", fallbackValue = "dbg",
      description = "Log more: -v (or --verbose=dbg) logs each computation and transaction.")
  List<String> verbose = new ArrayList<>();

  @Override
  public Integer call() {
    Path log = options.logFile == null || options.logFile.isEmpty() ? null
        : Path.of(options.logFile);
    Logging.configure(true, log, Verbosity.level(verbose));
    return NorthdMain.run(options);
  }
}
