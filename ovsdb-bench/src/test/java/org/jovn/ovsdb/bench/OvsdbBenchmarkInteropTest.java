package org.jovn.ovsdb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every workload, with tiny sizes, against the real {@code ovsdb-server} (OVS 3.1, Debian's
 * openvswitch-switch package) serving a fresh {@code OVN_Northbound} database created by the real
 * {@code ovsdb-tool}. Asserts that each workload produced sane figures; no timing thresholds.
 * Skipped when {@code -Djovn.interop=false}.
 */
class OvsdbBenchmarkInteropTest {
  private static final Path NB_SCHEMA = Path.of("../ovsdb-core/src/main/resources/org/jovn/ovsdb/"
      + "schemas/ovn-nb.ovsschema");

  @TempDir
  Path dir;

  private Process server;
  private Remote remote;

  @BeforeEach
  void startServer() throws Exception {
    assumeFalse("false".equals(System.getProperty("jovn.interop")), "jovn.interop=false");
    Path db = dir.resolve("nb.db");
    Process create = new ProcessBuilder("ovsdb-tool", "create", db.toString(),
        NB_SCHEMA.toString()).redirectErrorStream(true).start();
    assertThat(create.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(create.exitValue()).as(new String(create.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8)).isZero();
    Path socket = dir.resolve("db.sock");
    server = new ProcessBuilder("ovsdb-server", "--remote=punix:" + socket,
        "--unixctl=" + dir.resolve("ctl"), "--log-file=" + dir.resolve("server.log"),
        db.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile())
        .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(socket) && System.nanoTime() < deadline && server.isAlive()) {
      Thread.sleep(20);
    }
    assertThat(socket).as("ovsdb-server socket").exists();
    remote = Remote.parse("unix:" + socket);
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private BenchOptions tiny() {
    return new BenchOptions(remote, List.of(new Workload.Insert(1), new Workload.Insert(8),
        new Workload.Bulk(), new Workload.Fanout(5), new Workload.Memory()),
        Duration.ofMillis(500), 0, 2, 100, 20, 1000, 100, server.pid(), 100);
  }

  @Test
  void run_tinySizes_everyWorkloadReportsSaneFigures() throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    List<WorkloadResult> results =
        OvsdbBenchmark.run(tiny(), new PrintStream(text, true, StandardCharsets.UTF_8));

    assertThat(results).extracting(WorkloadResult::failure).containsOnlyNulls();
    assertThat(results).extracting(WorkloadResult::workload)
        .containsExactly("insert-1", "insert-8", "bulk", "fanout-5", "memory");
    for (WorkloadResult insert : results.subList(0, 2)) {
      assertThat(insert.transactions()).isPositive();
      assertThat(insert.value("txn/s").orElseThrow()).isPositive();
      assertThat(insert.value("p50").orElseThrow()).isPositive()
          .isLessThanOrEqualTo(insert.value("p99").orElseThrow());
    }
    WorkloadResult bulk = results.get(2);
    assertThat(bulk.rows()).isEqualTo(100);
    assertThat(bulk.value("rows/s").orElseThrow()).isPositive();
    WorkloadResult fanout = results.get(3);
    assertThat(fanout.transactions()).isEqualTo(20);
    assertThat(fanout.value("p50").orElseThrow()).isPositive();
    assertThat(fanout.note()).contains("monitor_cond", "100 updates matched");
    WorkloadResult memory = results.get(4);
    assertThat(memory.rows()).isEqualTo(1000);
    assertThat(memory.transactions()).isEqualTo(10);
    assertThat(memory.value("rss").orElseThrow()).isPositive();
    assertThat(memory.value("bytes/row")).isPresent();
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("insert-1", "fanout-5", "memory")
        .doesNotContain("FAILED");
    assertThat(addressSetRows()).as("rows left behind").isZero();
  }

  @Test
  void run_commandLineWithMetricsOut_writesTabSeparatedFigures() throws Exception {
    Path tsv = dir.resolve("metrics.tsv");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = OvsdbBenchmark.run(List.of(remote.toString(), "--workloads=insert-4,bulk",
        "--count=50", "--bulk-rows=10", "--warmup=0", "--metrics-out=" + tsv),
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = Files.readAllLines(tsv);
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("insert-4\ttxn/s\t").endsWith("\ttxn/s\thigher");
    assertThat(lines.get(3)).startsWith("bulk\ttime\t").endsWith("\tms\tlower");
  }

  private long addressSetRows() {
    try (RpcTransport transport = RpcTransport.create(1)) {
      BenchClient client = BenchClient.connect(transport, remote, null);
      ObjectNode select = Json.object();
      select.put("op", "select");
      select.put("table", Ops.TABLE);
      select.set("where", Json.array());
      ArrayNode results = BenchClient.await(client.transact(Json.array(select)), "select");
      client.close();
      return results.get(0).path("rows").size();
    }
  }
}
