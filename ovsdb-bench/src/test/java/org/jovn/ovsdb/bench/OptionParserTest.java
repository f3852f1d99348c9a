package org.jovn.ovsdb.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionParserTest {
  @Test
  void parse_remoteOnly_givesDefaults() {
    BenchOptions o = BenchOptions.parse(List.of("tcp:127.0.0.1:6641"));
    assertThat(o.remote().port()).isEqualTo(6641);
    assertThat(o.workloads()).extracting(Workload::name)
        .containsExactly("insert-1", "insert-64", "bulk", "fanout-50", "fanout-200");
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.memoryRows()).isEqualTo(1_000_000);
  }

  @Test
  void parse_everyOption_setsIt() {
    BenchOptions o = BenchOptions.parse(List.of("--workloads=insert-8,memory", "unix:/tmp/x.sock",
        "--duration", "500ms", "--count=10", "--connections=4", "--bulk-rows=100",
        "--fanout-txns=7", "--rows=1_000", "--batch=10", "--server-pid=42", "--warmup=0"));
    assertThat(o.workloads()).containsExactly(new Workload.Insert(8), new Workload.Memory());
    assertThat(o).isEqualTo(new BenchOptions(o.remote(), o.workloads(), Duration.ofMillis(500),
        10, 4, 100, 7, 1000, 10, 42, 0));
  }

  @Test
  void duration_forms_parse() {
    assertThat(OptionParser.duration("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(OptionParser.duration("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(OptionParser.duration("PT2S")).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> OptionParser.duration("soon"))
        .hasMessageContaining("--duration \"soon\"");
  }

  @Test
  void workload_badNames_throwNamingThem() {
    assertThat(Workload.parse("FANOUT-200")).isEqualTo(new Workload.Fanout(200));
    assertThatThrownBy(() -> Workload.parse("insert-x")).hasMessageContaining("\"insert-x\"");
    assertThatThrownBy(() -> Workload.parse("fanout-0")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Workload.parse("select")).hasMessageContaining("insert-N");
  }

  @Test
  void parse_badArguments_throw() {
    assertThatThrownBy(() -> BenchOptions.parse(List.of())).hasMessageContaining("REMOTE");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("ptcp:6641")))
        .hasMessageContaining("expected tcp:");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("tcp:h:1", "--nope=1")))
        .hasMessageContaining("--nope");
    assertThatThrownBy(() -> BenchOptions.parse(List.of("tcp:h:1", "--rows=0")))
        .hasMessageContaining("--rows 0: expected >= 1");
  }

  @Test
  void run_badArguments_exitsTwoWithUsage() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = OvsdbBenchmark.run(List.of("tcp:h:1", "--count=x"), System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--count \"x\"", "usage:");
  }
}
