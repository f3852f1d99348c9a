package org.jovn.cli;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jovn.northd.NorthdMain;
import org.jovn.northd.NorthdOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code jovn northd}: ovn-northd's replacement, with its flags ({@code --ovnnb-db},
 * {@code --ovnsb-db}, {@code --unixctl}, {@code --pidfile}, {@code --log-file}).
 */
@Command(name = "northd", mixinStandardHelpOptions = true,
    description = "Translates the OVN Northbound database into the Southbound database.")
final class NorthdCommand implements Callable<Integer> {
  @Mixin
  NorthdOptions options = new NorthdOptions();

  @Override
  public Integer call() {
    Path log = options.logFile == null || options.logFile.isEmpty() ? null
        : Path.of(options.logFile);
    Logging.configure(true, log, Level.INFO);
    return NorthdMain.run(options);
  }
}
