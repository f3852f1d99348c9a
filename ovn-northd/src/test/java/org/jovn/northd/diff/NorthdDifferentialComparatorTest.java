package org.jovn.northd.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.jovn.ovsdb.json.Json;
import org.junit.jupiter.api.Test;

/** The differential report's own machinery, without real peers: decoding and matching up. */
class NorthdDifferentialComparatorTest {
  private static Flow flow(String dp, String stage, int table, int priority, String match,
      String actions) {
    return new Flow(dp, "ingress", stage, table, priority, match, actions);
  }

  @Test
  void compare_classifiesIdenticalDifferentMissingExtra() {
    List<Flow> real = List.of(
        flow("sw0", "ls_in_l2_lkup", 25, 50, "eth.dst == 0a:00:00:00:00:01", "outport = \"a\";"),
        flow("sw0", "ls_in_l2_lkup", 25, 50, "eth.dst == 0a:00:00:00:00:02", "outport = \"b\";"),
        flow("sw0", "ls_in_l2_lkup", 25, 0, "1", "next;"),
        flow("sw1", "ls_in_l2_lkup", 25, 0, "1", "next;"));
    List<Flow> ours = List.of(
        flow("sw0", "ls_in_l2_lkup", 25, 50, "eth.dst == 0a:00:00:00:00:01", "outport = \"a\";"),
        flow("sw0", "ls_in_l2_lkup", 25, 50, "eth.dst == 0a:00:00:00:00:02", "drop;"),
        flow("sw0", "ls_in_l2_lkup", 25, 0, "1", "next;"),
        flow("sw0", "ls_in_l2_lkup", 25, 10, "eth.mcast", "drop;"),
        flow("sw0", "ls_in_acl", 8, 0, "1", "next;"));

    List<StageComparison> stages = FlowComparator.compare(real, ours);

    assertThat(stages).extracting(s -> s.stage().name())
        .containsExactly("ls_in_acl", "ls_in_l2_lkup");
    StageComparison l2 = stages.get(1);
    assertThat(l2.identical()).isEqualTo(2);
    assertThat(l2.differences()).extracting(FlowDifference::kind, FlowDifference::datapath,
        FlowDifference::priority).containsExactly(
            Tuple.tuple(FlowDifference.Kind.DIFFERENT, "sw0", 50),
            Tuple.tuple(FlowDifference.Kind.EXTRA, "sw0", 10),
            Tuple.tuple(FlowDifference.Kind.MISSING, "sw1", 0));
    assertThat(stages.get(0).count(FlowDifference.Kind.EXTRA)).isEqualTo(1);
  }

  @Test
  void tableConflicts_reportsStageWithOtherTable() {
    List<Flow> real = List.of(flow("sw0", "ls_in_acl", 8, 0, "1", "next;"));
    List<Flow> ours = List.of(flow("sw0", "ls_in_acl", 9, 0, "1", "next;"));

    assertThat(FlowComparator.tableConflicts(real, ours)).singleElement().asString()
        .contains("ls_in_acl", "[8]", "[9]");
    assertThat(FlowComparator.tableConflicts(real, real)).isEmpty();
  }

  @Test
  void report_allowListCoversOnlyItsEntries_andFlagsStaleOnes() {
    List<StageComparison> stages = FlowComparator.compare(
        List.of(flow("lr0", "lr_in_ip_input", 3, 80, "ip4 && sctp", "sctp_abort;")), List.of());
    Allowance sctp = new Allowance("lr_in_ip_input", FlowDifference.Kind.MISSING, "sctp",
        "not implemented");
    Allowance stale = new Allowance("lr_in_ip_input", FlowDifference.Kind.EXTRA, "",
        "closed gap");

    DiffReport report = new DiffReport("t", "topology", stages, List.of(sctp, stale), List.of(),
        List.of(), List.of(), List.of(), "1 flow", "0 flows");

    assertThat(report.unexplained()).isEmpty();
    assertThat(report.stale()).containsExactly(stale);
    assertThat(report.markdown()).contains("| lr_in_ip_input | ingress | 3 | 0 | 0 | 1 | 0 |",
        "allowed: not implemented");
  }

  @Test
  void decode_expandsDatapathGroupAndNamesPorts() {
    String dp1 = "[\"uuid\",\"00000000-0000-0000-0000-000000000001\"]";
    String dp2 = "[\"uuid\",\"00000000-0000-0000-0000-000000000002\"]";
    String group = "[\"uuid\",\"00000000-0000-0000-0000-00000000000a\"]";
    String port = "[\"uuid\",\"00000000-0000-0000-0000-00000000000b\"]";
    Map<String, JsonNode> tables = Map.of(
        "Datapath_Binding", Json.parse("[{\"_uuid\":" + dp1
            + ",\"external_ids\":[\"map\",[[\"name\",\"sw0\"]]]},{\"_uuid\":" + dp2
            + ",\"external_ids\":[\"map\",[[\"name\",\"sw1\"]]]}]"),
        "Logical_DP_Group", Json.parse("[{\"_uuid\":" + group + ",\"datapaths\":[\"set\",["
            + dp1 + "," + dp2 + "]]}]"),
        "Logical_Flow", Json.parse("[{\"logical_datapath\":[\"set\",[]],\"logical_dp_group\":"
            + group + ",\"pipeline\":\"ingress\",\"table_id\":8,\"priority\":0,\"match\":\"1\","
            + "\"actions\":\"next;\","
            + "\"external_ids\":[\"map\",[[\"stage-name\",\"ls_in_acl\"]]]}]"),
        "Port_Binding", Json.parse("[{\"_uuid\":" + port + ",\"logical_port\":\"vm1\","
            + "\"datapath\":" + dp1 + ",\"type\":\"\",\"options\":[\"map\",[]],"
            + "\"mac\":\"0a:00:00:00:00:01 10.0.0.2\",\"port_security\":[\"set\",[]],"
            + "\"up\":false}]"),
        "Multicast_Group", Json.parse("[{\"datapath\":" + dp1 + ",\"name\":\"_MC_flood\","
            + "\"tunnel_key\":32768,\"ports\":" + port + "}]"));

    SouthboundDump dump = SouthboundDump.decode(tables);

    assertThat(dump.flows()).extracting(Flow::datapath).containsExactlyInAnyOrder("sw0", "sw1");
    assertThat(dump.flows()).allMatch(f -> f.stage().equals("ls_in_acl") && f.table() == 8);
    assertThat(dump.ports().get("vm1")).isEqualTo(new SouthboundDump.Port("sw0", "", Map.of(),
        List.of("0a:00:00:00:00:01 10.0.0.2"), List.of()));
    assertThat(dump.groups()).containsExactly(Map.entry("sw0 _MC_flood",
        new SouthboundDump.Group(32768, List.of("vm1"))));
    assertThat(dump.portUp()).containsExactly(Map.entry("vm1", "false"));
  }
}
