package org.jovn.cli;

import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jovn} command: one entry point for every jovn program. */
@Command(name = "jovn", mixinStandardHelpOptions = true, version = "jovn 0.1.0",
    description = "Open Virtual Network in Java.",
    subcommands = {
        CentralCommand.class,
        NorthdCommand.class,
        OvsdbServerCommand.class,
        OvsdbToolCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class Jovn implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit status (for tests and embedding). */
  public static int run(String... args) {
    // The daemons' start-up time counts: when the first word names a daemon, only that
    // command's model is built (picocli reads every command's annotations when it builds one).
    Supplier<Object> daemon = args.length == 0 ? null : DAEMONS.get(args[0]);
    if (daemon != null) {
      return new CommandLine(new DaemonRoot()).addSubcommand(args[0], daemon.get())
          .setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
    return new CommandLine(new Jovn()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  /** {@code jovn} with one daemon's command under it. */
  @Command(name = "jovn")
  private static final class DaemonRoot implements Runnable {
    @Override
    public void run() {}
  }

  private static final Map<String, Supplier<Object>> DAEMONS = Map.of(
      "central", CentralCommand::new,
      "northd", NorthdCommand::new,
      "ovsdb-server", OvsdbServerCommand::new);

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
