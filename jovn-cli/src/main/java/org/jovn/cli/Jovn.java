package org.jovn.cli;

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
    return new CommandLine(new Jovn()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
