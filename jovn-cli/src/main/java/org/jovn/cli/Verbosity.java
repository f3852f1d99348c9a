package org.jovn.cli;

import ch.qos.logback.classic.Level;
import java.util.List;

/** Maps OVS's {@code -v[module:destination:]level} flags onto a log level. */
final class Verbosity {
  private Verbosity() {}

  /** The most verbose level named by the flags; INFO when none names one. */
  static Level level(List<String> flags) {
    Level level = Level.INFO;
    for (String f : flags) {
      String last = f.contains(":") ? f.substring(f.lastIndexOf(':') + 1) : f;
      Level l = switch (last) {
        case "dbg", "debug" -> Level.DEBUG;
        case "off", "emer", "err" -> null;
        default -> null;
      };
      if (l != null && l.toInt() < level.toInt()) {
        level = l;
      }
    }
    return level;
  }
}
