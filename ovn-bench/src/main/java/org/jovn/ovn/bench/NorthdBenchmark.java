package org.jovn.ovn.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jovn.ovsdb.schema.DatabaseSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The northd benchmark: the real {@code ovn-northd} and ours, one after the other, on the same
 * generated topology ({@link TopologyGenerator}) and the same database server binary, so that
 * only northd differs.
 *
 * <p>Workload, per size and per northd: a fresh Northbound and Southbound database, each served
 * by its own {@code ovsdb-server} on a unix socket; the topology written into the Northbound
 * ({@link NbLoader}) and {@code nb_cfg} incremented; then northd is started and timed until
 * {@code NB_Global.sb_cfg} reaches {@code nb_cfg} (start to Southbound synced, process start-up
 * included); the Southbound's rows counted; K port adds and then K port deletes, each one
 * transaction that also increments {@code nb_cfg}, timed until {@code sb_cfg} catches up (what
 * {@code ovn-nbctl --wait=sb} waits for), reported as median and p90; with {@code --acls}
 * and {@code --vips} ({@link PolicyGenerator}), K ACL adds to port groups and K VIP adds to
 * switch load balancers, timed the same way; last, northd's resident
 * memory ({@code VmRSS} and {@code VmHWM}).
 *
 * <p>Run it with {@code bin/bench-northd}, which builds what is needed and passes our northd's
 * command. Thread safety: {@link #run} may be called concurrently with distinct work
 * directories.
 */
@Command(name = "bench-northd", sortOptions = false,
    description = "Benchmarks the real ovn-northd and ours side by side on one generated "
        + "topology: start to SB synced, port add/delete (and ACL add, VIP add) to SB "
        + "(--wait=sb), resident memory.")
public final class NorthdBenchmark implements Callable<Integer> {
  @Option(names = "--switches", paramLabel = "N", description = "Logical switches at scale 1 "
      + "(default: ${DEFAULT-VALUE}).")
  int switches = TopologySize.DEFAULT.switches();

  @Option(names = "--ports", paramLabel = "N", description = "VIF ports in all at scale 1 "
      + "(default: ${DEFAULT-VALUE}).")
  int ports = TopologySize.DEFAULT.ports();

  @Option(names = "--routers", paramLabel = "N", description = "Logical routers at scale 1 "
      + "(default: ${DEFAULT-VALUE}).")
  int routers = TopologySize.DEFAULT.routers();

  @Option(names = "--acls", paramLabel = "N", description = "ACLs on port groups at scale 1, "
      + "with a port group and an address set per switch; also times ACL adds "
      + "(default: ${DEFAULT-VALUE}).")
  int acls = 0;

  @Option(names = "--vips", paramLabel = "N", description = "Load balancer VIPs on switches at "
      + "scale 1; also times VIP adds (default: ${DEFAULT-VALUE}).")
  int vips = 0;

  @Option(names = "--nat", description = "NAT on every router: an snat per switch subnet and "
      + PolicySize.DNAT_PER_ROUTER + " dnat_and_snat rules.")
  boolean nat;

  @Option(names = "--part2", description = "Shorthand for --acls=500 --vips=500 --nat.")
  boolean part2;

  @Option(names = "--scale", split = ",", paramLabel = "F", defaultValue = "1",
      description = "Multiply "
      + "every count by F; several factors give one table each (default: 1).")
  List<Integer> scales;

  @Option(names = "--changes", paramLabel = "K", description = "Measured port adds, and as "
      + "many deletes (default: ${DEFAULT-VALUE}).")
  int changes = 10;

  @Option(names = "--warmup", paramLabel = "N", description = "Unmeasured add-and-delete pairs "
      + "first (default: ${DEFAULT-VALUE}).")
  int warmup = 0;

  @Option(names = "--real", paramLabel = "COMMAND", description = "The real northd, words "
      + "split at spaces (default: ${DEFAULT-VALUE}).")
  String real = "ovn-northd";

  @Option(names = "--ours", paramLabel = "COMMAND", description = "Our northd, words split at "
      + "spaces, e.g. \"java -jar jovn.jar northd\"; needed unless --real-only.")
  String ours;

  @Option(names = "--real-only", description = "Measure the real northd only.")
  boolean realOnly;

  @Option(names = "--ours-only", description = "Measure ours only.")
  boolean oursOnly;

  @Option(names = "--ovsdb-server", paramLabel = "PROGRAM", description = "Database server "
      + "for both (default: ${DEFAULT-VALUE}).")
  String ovsdbServer = "ovsdb-server";

  @Option(names = "--ovsdb-tool", paramLabel = "PROGRAM", description = "Creates the "
      + "databases (default: ${DEFAULT-VALUE}).")
  String ovsdbTool = "ovsdb-tool";

  @Option(names = "--nb-schema", paramLabel = "FILE", description = "Default: the installed "
      + "OVN's (/usr/share/ovn/ovn-nb.ovsschema), else the bundled one.")
  Path nbSchema;

  @Option(names = "--sb-schema", paramLabel = "FILE", description = "Likewise for OVN_Southbound.")
  Path sbSchema;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest wait for any one "
      + "step (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds = 1800;

  @Option(names = "--rows-per-transaction", paramLabel = "N", description = "Northbound load "
      + "transaction size (default: ${DEFAULT-VALUE}).")
  int rowsPerTransaction = 10_000;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Where databases and logs go "
      + "(default: a new temporary directory, removed unless --keep or a trial fails).")
  Path workDir;

  @Option(names = "--keep", description = "Keep the work directory.")
  boolean keep;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
  boolean help;

  @Spec
  CommandSpec spec;

  private PrintStream out = System.out;
  private PrintStream err = System.err;

  public static void main(String[] args) {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /**
   * Parses {@code args} (see {@code --help}), runs every size and prints one table per size to
   * {@code out}, progress and problems to {@code err}.
   *
   * @return 0 when every trial succeeded, 1 when one failed, 2 for bad arguments
   */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    NorthdBenchmark bench = new NorthdBenchmark();
    bench.out = out;
    bench.err = err;
    // A later --ours (or any option) wins, so a caller can override what a wrapper passed.
    return new CommandLine(bench).setOverwrittenOptionsAllowed(true)
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .execute(args.toArray(String[]::new));
  }

  @Override
  public Integer call() throws IOException {
    List<Implementation> implementations = implementations();
    List<TopologyGenerator> generators = generators();
    BenchSettings settings = settings();
    Path dir = workDir != null ? Files.createDirectories(workDir)
        : Files.createTempDirectory("bench-northd");
    BenchTools tools = new BenchTools(ovsdbServer, ovsdbTool, schema(nbSchema, "ovn-nb", dir),
        schema(sbSchema, "ovn-sb", dir));
    header(implementations);
    boolean failed = false;
    for (int i = 0; i < scales.size(); i++) {
      int scale = scales.get(i);
      TopologyGenerator generator = generators.get(i);
      Topology topology = generator.generate();
      TopologySize size = topology.size();
      PolicyGenerator policyGenerator = policyGenerator(size, scale);
      Policies policies = policyGenerator.generate();
      List<TrialResult> results = new ArrayList<>();
      for (Implementation impl : implementations) {
        err.printf("%n== %s, %s northd%n", size, impl.label());
        Path trialDir = Files.createDirectories(dir.resolve("x" + scale + "-" + impl.label()));
        TrialResult r = new NorthdTrial(impl, generator, topology, policyGenerator, policies,
            tools, settings, err).run(trialDir);
        failed |= r.failure().isPresent();
        results.add(r);
      }
      ResultTable.print(out, topology, policies, settings, results);
    }
    finish(dir, failed);
    return failed ? 1 : 0;
  }

  /** One generator per scale, checked before anything runs. */
  private List<TopologyGenerator> generators() {
    List<TopologyGenerator> list = new ArrayList<>();
    try {
      for (int scale : scales) {
        TopologySize size = new TopologySize(switches, ports, routers).scaled(scale);
        TopologyGenerator generator = new TopologyGenerator(size);
        if (warmup + changes > generator.churnCapacity()) {
          throw new IllegalArgumentException("--warmup + --changes: " + (warmup + changes)
              + " exceeds the " + generator.churnCapacity() + " spare addresses of " + size);
        }
        list.add(generator);
        policyGenerator(size, scale);
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return list;
  }

  /** The policy asked for, scaled; {@code --part2} sets what was not given. */
  private PolicyGenerator policyGenerator(TopologySize size, int scale) {
    PolicySize policy = part2
        ? new PolicySize(acls > 0 ? acls : 500, vips > 0 ? vips : 500, true)
        : new PolicySize(acls, vips, nat);
    return new PolicyGenerator(size, policy.scaled(scale));
  }

  private BenchSettings settings() {
    try {
      return new BenchSettings(Duration.ofSeconds(timeoutSeconds), rowsPerTransaction, changes,
          warmup);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private List<Implementation> implementations() {
    CommandLine cl = spec.commandLine();
    if (realOnly && oursOnly) {
      throw new ParameterException(cl, "--real-only and --ours-only exclude each other");
    }
    List<Implementation> list = new ArrayList<>();
    if (!oursOnly) {
      list.add(new Implementation("real", words(real)));
    }
    if (!realOnly) {
      if (ours == null || ours.isBlank()) {
        throw new ParameterException(cl, "--ours=COMMAND is needed (or --real-only)");
      }
      list.add(new Implementation("ours", words(ours)));
    }
    return list;
  }

  private void header(List<Implementation> implementations) {
    out.println("northd benchmark: each northd alone on fresh databases served by "
        + ovsdbServer + "; ratio = real/ours (above 1: ours faster or smaller)");
    for (Implementation impl : implementations) {
      String version = impl.label().equals("real") ? " (" + Versions.of(impl.command()) + ")" : "";
      out.printf("  %s: %s%s%n", impl.label(), String.join(" ", impl.command()), version);
    }
    out.flush();
  }

  private void finish(Path dir, boolean failed) {
    if (keep || failed || workDir != null) {
      err.printf("%nfiles (databases, northd logs) are in %s%n", dir);
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }

  /** The schema file given, else the installed OVN's, else the bundled one written to dir. */
  private static Path schema(Path given, String name, Path dir) throws IOException {
    if (given != null) {
      return given;
    }
    Path installed = Path.of("/usr/share/ovn", name + ".ovsschema");
    if (Files.isReadable(installed)) {
      return installed;
    }
    return Files.writeString(dir.resolve(name + ".ovsschema"),
        DatabaseSchema.bundled(name).jsonText());
  }

  private static List<String> words(String command) {
    return Arrays.stream(command.trim().split("\\s+")).toList();
  }
}
