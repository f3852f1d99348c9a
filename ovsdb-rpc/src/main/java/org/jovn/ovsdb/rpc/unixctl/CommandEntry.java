package org.jovn.ovsdb.rpc.unixctl;

import java.util.Objects;

/** A registered command with its usage text and argument count bounds. */
record CommandEntry(String usage, int minArgs, int maxArgs, UnixctlCommand command) {
  CommandEntry {
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(command, "command");
    if (minArgs < 0 || maxArgs < minArgs) {
      throw new IllegalArgumentException(
          "need 0 <= minArgs <= maxArgs, got " + minArgs + ", " + maxArgs);
    }
  }
}
