package org.jovn.northd;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * ovn-northd's command-line options, shared by every command that starts northd (a picocli
 * mixin).
 */
public final class NorthdOptions {
  @Option(names = "--ovnnb-db", paramLabel = "DATABASE", description = "Northbound database "
      + "remotes, comma-separated (default: unix:/var/run/ovn/ovnnb_db.sock).")
  String nbDb = "unix:/var/run/ovn/ovnnb_db.sock";

  @Option(names = "--ovnsb-db", paramLabel = "DATABASE", description = "Southbound database "
      + "remotes, comma-separated (default: unix:/var/run/ovn/ovnsb_db.sock).")
  String sbDb = "unix:/var/run/ovn/ovnsb_db.sock";

  @Option(names = "--unixctl", paramLabel = "SOCKET",
      description = "The control socket (default: none).")
  Path unixctl;

  @Option(names = "--pidfile", arity = "0..1", fallbackValue = "", paramLabel = "FILE",
      description = "Write the process id to FILE.")
  public String pidfile;

  @Option(names = "--log-file", arity = "0..1", fallbackValue = "", paramLabel = "FILE",
      description = "Also log to FILE.")
  public String logFile;

  @Option(names = "--n-threads", paramLabel = "N", hidden = true,
      description = "Accepted for ovn-northd compatibility; northd computes on one thread.")
  int threads;

  /** The configuration these options describe. */
  public NorthdConfig config() {
    return new NorthdConfig(split(nbDb), split(sbDb), unixctl);
  }

  private static List<String> split(String remotes) {
    return Arrays.stream(remotes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
