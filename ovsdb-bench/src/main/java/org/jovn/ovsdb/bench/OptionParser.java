package org.jovn.ovsdb.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jovn.ovsdb.rpc.Remote;

/** Parses {@link BenchOptions} from command-line arguments. Stateless. */
final class OptionParser {
  static final String USAGE = """
      usage: bench ovsdb REMOTE [options]
        REMOTE                 tcp:HOST:PORT or unix:PATH of a server with OVN_Northbound
        --workloads=LIST       comma-separated: insert-N, bulk, fanout-N, memory
                               (default insert-1,insert-64,bulk,fanout-50,fanout-200;
                               memory only when named, and best last)
        --duration=TIME        per insert-N workload, e.g. 5s, 500ms (default 5s)
        --count=N              transactions per insert-N workload instead of a duration
        --connections=N        connections insert-N spreads its transactions over (default 1)
        --bulk-rows=N          rows in the bulk transaction (default 20000)
        --fanout-txns=N        transactions timed by fanout-N (default 200)
        --rows=N               rows inserted by memory (default 1000000)
        --batch=N              rows per memory transaction (default 10000)
        --server-pid=PID       server process whose VmRSS memory reports
        --warmup=N             unmeasured inserts sent first, then deleted (default 50000);
                               0 also skips fanout-N's 200 unmeasured transactions
        --metrics-out=FILE     also write every figure as tab-separated lines to FILE
                               (workload, metric, value, unit, higher|lower is better)
        --help, --help-workloads  print this text
      """;

  private OptionParser() {}

  static BenchOptions parse(List<String> args) {
    return parseCommand(args).options();
  }

  /** Options plus the settings only the command line has. */
  record Command(BenchOptions options, String metricsOut) {}

  static Command parseCommand(List<String> args) {
    String remote = null;
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        if (remote != null) {
          throw new IllegalArgumentException("unexpected argument \"" + arg + "\"");
        }
        remote = arg;
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq >= 0) {
        pairs.add(new String[] {arg.substring(2, eq), arg.substring(eq + 1)});
      } else if (i + 1 < args.size()) {
        pairs.add(new String[] {arg.substring(2), args.get(++i)});
      } else {
        throw new IllegalArgumentException("option " + arg + ": expected a value");
      }
    }
    if (remote == null) {
      throw new IllegalArgumentException("expected a REMOTE such as tcp:127.0.0.1:6641");
    }
    BenchOptions o = BenchOptions.defaults(Remote.parse(remote));
    String metricsOut = null;
    for (String[] p : pairs) {
      String v = p[1];
      switch (p[0]) {
        case "workloads" -> o = o.withWorkloads(workloads(v));
        case "duration" -> o = o.withDuration(duration(v), o.count());
        case "count" -> o = o.withDuration(o.duration(), number(p[0], v));
        case "connections" -> o = o.withConnections(intNumber(p[0], v));
        case "bulk-rows" -> o = o.withSizes(intNumber(p[0], v), o.fanoutTransactions(),
            o.memoryRows(), o.memoryBatch());
        case "fanout-txns" -> o = o.withSizes(o.bulkRows(), intNumber(p[0], v),
            o.memoryRows(), o.memoryBatch());
        case "rows" -> o = o.withSizes(o.bulkRows(), o.fanoutTransactions(),
            number(p[0], v), o.memoryBatch());
        case "batch" -> o = o.withSizes(o.bulkRows(), o.fanoutTransactions(),
            o.memoryRows(), intNumber(p[0], v));
        case "server-pid" -> o = o.withServerPid(number(p[0], v));
        case "warmup" -> o = o.withWarmup(number(p[0], v));
        case "metrics-out" -> metricsOut = v;
        default -> throw new IllegalArgumentException("unknown option --" + p[0]);
      }
    }
    return new Command(o, metricsOut);
  }

  static List<Workload> workloads(String list) {
    List<Workload> result = new ArrayList<>();
    for (String name : list.split(",")) {
      if (!name.isBlank()) {
        result.add(Workload.parse(name));
      }
    }
    return result;
  }

  /** Parses {@code 5s}, {@code 500ms}, {@code 1.5} (seconds) or ISO-8601 {@code PT5S}. */
  static Duration duration(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("pt")) {
        return Duration.parse(s);
      } else if (s.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
      } else if (s.endsWith("s")) {
        s = s.substring(0, s.length() - 1);
      }
      return Duration.ofNanos(Math.round(Double.parseDouble(s) * 1e9));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "--duration \"" + text + "\": expected e.g. 5s, 500ms or 1.5", e);
    }
  }

  private static long number(String name, String text) {
    try {
      return Long.parseLong(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " \"" + text + "\": expected an integer", e);
    }
  }

  private static int intNumber(String name, String text) {
    long value = number(name, text);
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw new IllegalArgumentException("--" + name + " " + value + ": too large");
    }
    return (int) value;
  }
}
