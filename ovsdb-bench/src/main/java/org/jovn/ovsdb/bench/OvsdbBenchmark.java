package org.jovn.ovsdb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry points of the OVSDB load tool. Speaks RFC 7047 JSON-RPC to any server holding an
 * {@code OVN_Northbound} database (ours or Open vSwitch's {@code ovsdb-server}) and measures the
 * {@link Workload}s named in {@link BenchOptions}, one after the other.
 *
 * <p>Workloads write only {@code Address_Set} rows named {@code bench-RUNID-WORKLOAD-N}, where
 * RUNID is random per run, and delete them before the next workload starts; other rows are left
 * alone. Run {@code memory} last: the server may keep the memory it grew.
 *
 * <p>Typical use from a command line: {@code return OvsdbBenchmark.run(args, System.out,
 * System.err);} (see {@link #run(List, PrintStream, PrintStream)} for the arguments).
 *
 * <p>Thread safety: the static methods may be called concurrently; each run owns its
 * connections and event loops and closes them before returning.
 */
public final class OvsdbBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(OvsdbBenchmark.class);

  private OvsdbBenchmark() {}

  /**
   * Runs the workloads of {@code options} in order, printing a header and one line per workload
   * to {@code out} as each finishes. A failing workload yields a {@link WorkloadResult} with a
   * {@linkplain WorkloadResult#failure() failure} and the next one still runs.
   *
   * @return one result per workload, in order
   * @throws BenchException if the server cannot be reached or has no {@code OVN_Northbound}
   */
  public static List<WorkloadResult> run(BenchOptions options, PrintStream out) {
    Objects.requireNonNull(options, "options");
    String runId = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    try (RpcTransport transport = RpcTransport.create(2)) {
      BenchContext context = new BenchContext(transport, options, runId);
      checkDatabase(context);
      warmUp(transport, options, runId);
      out.println(ResultTable.header(options));
      out.flush();
      List<WorkloadResult> results = new ArrayList<>();
      for (Workload w : options.workloads()) {
        WorkloadResult r = runOne(context, w);
        results.add(r);
        out.println(ResultTable.line(r));
        out.flush();
      }
      return results;
    }
  }

  /**
   * The command-line entry: parses {@code args} as {@link BenchOptions#parse} does, plus
   * {@code --metrics-out=FILE} (every figure as tab-separated {@code workload metric value unit
   * higher|lower} lines), runs, and prints the table to {@code out}.
   *
   * @return the exit status: 0 if every workload succeeded, 1 if one failed or the server could
   *     not be used, 2 for bad arguments (the message and usage go to {@code err})
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    OptionParser.Command command;
    try {
      if (args.contains("--help") || args.contains("-h")
          || args.contains("--help-workloads")) {
        out.print(OptionParser.USAGE);
        return 0;
      }
      command = OptionParser.parseCommand(args);
    } catch (IllegalArgumentException e) {
      err.println("bench ovsdb: " + e.getMessage());
      err.print(OptionParser.USAGE);
      return 2;
    }
    try {
      List<WorkloadResult> results = run(command.options(), out);
      if (command.metricsOut() != null) {
        Files.writeString(Path.of(command.metricsOut()), ResultTable.tsv(results),
            StandardCharsets.UTF_8);
      }
      return results.stream().allMatch(WorkloadResult::succeeded) ? 0 : 1;
    } catch (BenchException | IOException e) {
      err.println("bench ovsdb: " + e.getMessage());
      return 1;
    }
  }

  /** Standalone main; see {@link #run(List, PrintStream, PrintStream)}. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  private static WorkloadResult runOne(BenchContext context, Workload w) {
    LOG.debug("running {}", w.name());
    try {
      return switch (w) {
        case Workload.Insert insert -> new InsertRunner(context, insert).run();
        case Workload.Bulk bulk -> new BulkRunner(context, bulk).run();
        case Workload.Fanout fanout -> new FanoutRunner(context, fanout).run();
        case Workload.Memory memory -> new MemoryRunner(context, memory).run();
      };
    } catch (BenchException e) {
      return WorkloadResult.failed(w.name(), e.getMessage());
    }
  }

  /** Sends the unmeasured warm-up inserts, under a prefix of their own, and deletes them. */
  private static void warmUp(RpcTransport transport, BenchOptions options, String runId) {
    if (options.warmup() == 0) {
      return;
    }
    BenchOptions warm = options.withDuration(options.duration(), options.warmup())
        .withConnections(1);
    new InsertRunner(new BenchContext(transport, warm, runId + "-warmup"),
        new Workload.Insert(64)).run();
  }

  private static void checkDatabase(BenchContext context) {
    try (BenchClient client = context.connect()) {
      JsonNode dbs = BenchClient.await(client.call("list_dbs", Json.array()), "list_dbs");
      for (JsonNode db : dbs) {
        if (Ops.DATABASE.asText().equals(db.asText())) {
          return;
        }
      }
      throw new BenchException(context.options().remote() + " serves " + dbs
          + ", not OVN_Northbound");
    }
  }
}
