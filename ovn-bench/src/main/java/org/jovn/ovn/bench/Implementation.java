package org.jovn.ovn.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A northd to measure: a label for the table and the command that starts it in the foreground.
 * The command gets ovn-northd's flags appended ({@code --ovnnb-db}, {@code --ovnsb-db},
 * {@code --unixctl}, {@code --pidfile}, {@code --log-file}), so it must accept them.
 *
 * @param label e.g. {@code real} or {@code ours}
 * @param command the program and its first arguments
 */
record Implementation(String label, List<String> command) {
  Implementation {
    Objects.requireNonNull(label, "label");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command for " + label + " is empty");
    }
  }

  /** The full command line for these databases, with its files in {@code dir}. */
  List<String> commandLine(String nbRemote, String sbRemote, Path dir) {
    List<String> line = new ArrayList<>(command);
    line.add("--ovnnb-db=" + nbRemote);
    line.add("--ovnsb-db=" + sbRemote);
    line.add("--unixctl=" + dir.resolve("northd.ctl"));
    line.add("--pidfile=" + pidfile(dir));
    line.add("--log-file=" + logFile(dir));
    return line;
  }

  static Path pidfile(Path dir) {
    return dir.resolve("northd.pid");
  }

  static Path logFile(Path dir) {
    return dir.resolve("northd.log");
  }
}
