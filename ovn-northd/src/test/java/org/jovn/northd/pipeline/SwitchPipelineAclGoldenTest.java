package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.lrp;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.port;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.routerPort;
import static org.jovn.northd.pipeline.SwitchPipelineFixtures.sw;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.SwitchAcls;
import org.jovn.northd.model.SwitchAcls.Action;
import org.jovn.northd.model.SwitchAcls.Rule;
import org.jovn.northd.model.SwitchInput;
import org.junit.jupiter.api.Test;

/**
 * Compares the flows of switches with ACLs, line for line, with what the real ovn-northd
 * 23.03.1 wrote for the same Northbound contents (the golden files {@code golden/sw?-acl*.txt}
 * and {@code swK-port-group-without-acls.txt}; their headers list the {@code ovn-nbctl}
 * commands). The inputs here are the ACLs as {@link SwitchAcls#read} gathers them from the
 * switch and from the port groups that have ports on it.
 */
class SwitchPipelineAclGoldenTest {
  private static final boolean IN = true;
  private static final boolean OUT = false;

  @Test
  void flows_statelessAclsOfSwitchAndPortGroup_matchRealNorthd() throws IOException {
    SwitchInput in = withAcls(sw("swH",
        port("h1").addresses("0a:00:00:00:0a:01 10.8.0.1"),
        port("h2").addresses("0a:00:00:00:0a:02 10.8.0.2 fd08::2", "unknown"),
        port("lnH").type("localnet").addresses("unknown").option("network_name", "phys"),
        routerPort("h-lr0", lrp("lrp-h", "00:00:00:00:0a:ff", "10.8.0.254/24"))),
        false, true,
        acl(IN, 1000, "ip4 && tcp.dst == 8080", Action.DROP),
        acl(OUT, 900, "ip4.src == 10.8.0.1", Action.ALLOW),
        acl(IN, 800, "udp", Action.REJECT),
        acl(OUT, 700, "tcp.dst == 80", Action.ALLOW_STATELESS).log("web", "alert"),
        acl(IN, 600, "ip4.dst == $as1", Action.ALLOW).afterLb(),
        acl(IN, 500, "icmp4", Action.DROP).log(null, null).meter("m1"),
        acl(OUT, 400, "tcp.dst == 23", Action.REJECT).log("rej", null),
        acl(OUT, 300, "arp", Action.ALLOW).label(1234),
        // port group pg1 (h1 is in it)
        acl(OUT, 1100, "outport == @pg1 && ip4.src == $pg1_ip4", Action.ALLOW),
        acl(IN, 1100, "inport == @pg1 && ip6", Action.DROP).log(null, "debug"));
    assertMatchesGolden("swH-acls-stateless", in);
  }

  @Test
  void flows_statefulAclsOfSwitchAndPortGroups_matchRealNorthd() throws IOException {
    SwitchInput in = withAcls(sw("swI",
        port("i1").addresses("0a:00:00:00:0b:01 10.9.0.1 fd09::1"),
        port("i2").addresses("0a:00:00:00:0b:02"),
        port("lnI").type("localnet").addresses("unknown").option("network_name", "phys"),
        routerPort("i-lr0", lrp("lrp-i", "00:00:00:00:0b:ff", "10.9.0.254/24", "fd09::fe/64"))),
        false, true,
        acl(IN, 1000, "ip4 && tcp.dst == 8080", Action.DROP),
        acl(OUT, 1001, "tcp.dst == 22", Action.ALLOW_RELATED),
        acl(IN, 1002, "ip", Action.ALLOW_RELATED).label(77),
        acl(OUT, 1003, "icmp4", Action.ALLOW_RELATED).log("lr", null).label(78).logRelated(),
        acl(IN, 1004, "icmp6", Action.ALLOW).log(null, null).label(79).logRelated(),
        acl(IN, 900, "udp", Action.REJECT),
        acl(OUT, 901, "udp.dst == 53", Action.REJECT).log("r2", "notice").meter("m1"),
        acl(OUT, 902, "tcp.dst == 25", Action.DROP).log(null, null),
        acl(IN, 903, "ip4.dst == 10.9.0.99", Action.ALLOW_STATELESS),
        acl(OUT, 904, "ip6.src == $as1", Action.ALLOW_STATELESS),
        acl(IN, 905, "tcp.dst == 443", Action.ALLOW_RELATED).afterLb(),
        acl(IN, 906, "tcp.dst == 444", Action.DROP).afterLb(),
        acl(IN, 907, "tcp.dst == 445", Action.REJECT).afterLb(),
        // port group pg1 (i1 is in it)
        acl(OUT, 1100, "outport == @pg1 && ip4.src == $pg1_ip4", Action.ALLOW),
        acl(IN, 1100, "inport == @pg1 && ip6", Action.DROP).log(null, "debug"),
        // port group pg2 (i2 is in it)
        acl(OUT, 1200, "outport == @pg2 && ip4.src == $pg2_ip4", Action.ALLOW_RELATED),
        acl(IN, 1200, "inport == @pg2 && ip6.dst == $pg2_ip6", Action.ALLOW_STATELESS));
    assertMatchesGolden("swI-acls-stateful", in);
  }

  @Test
  void flows_portGroupWithoutAcls_matchRealNorthd() throws IOException {
    SwitchInput in = sw("swK", port("k1").addresses("0a:00:00:00:0c:01 10.10.0.1"));
    assertMatchesGolden("swK-port-group-without-acls", in);
  }

  @Test
  void flows_statefulAclsDefaultDropWithoutCtInvMatch_matchRealNorthd() throws IOException {
    SwitchInput in = withAcls(sw("swL",
        port("l1").addresses("0a:00:00:00:0d:01 10.11.0.1"),
        routerPort("l-lr1", lrp("lrp-l", "00:00:00:00:0d:ff", "10.11.0.254/24"))),
        true, false,
        acl(OUT, 1000, "tcp", Action.ALLOW_RELATED).log(null, null).label(5).logRelated(),
        acl(IN, 900, "udp", Action.DROP),
        acl(IN, 800, "icmp4", Action.REJECT));
    assertMatchesGolden("swL-acls-default-drop-no-ct-inv", in);
  }

  @Test
  void flows_statelessAclDefaultDrop_matchRealNorthd() throws IOException {
    SwitchInput in = withAcls(sw("swM", port("m1").addresses("0a:00:00:00:0e:01 10.12.0.1")),
        true, false, acl(IN, 100, "ip4", Action.ALLOW));
    assertMatchesGolden("swM-acl-default-drop", in);
  }

  private static SwitchInput withAcls(SwitchInput in, boolean defaultDrop, boolean ctInvMatch,
      AclBuilder... acls) {
    List<Rule> rules = new ArrayList<>();
    for (AclBuilder a : acls) {
      rules.add(a.build());
    }
    return new SwitchInput(in.uuid(), in.name(), in.otherConfig(), in.ports(),
        new SwitchAcls(rules, defaultDrop, ctInvMatch), in.dhcpDns());
  }

  static AclBuilder acl(boolean ingress, int priority, String match, Action action) {
    return new AclBuilder(ingress, priority, match, action);
  }

  /** An ACL under construction, with the columns {@code ovn-nbctl acl-add} options set. */
  static final class AclBuilder {
    private final boolean ingress;
    private final int priority;
    private final String match;
    private final Action action;
    private boolean log;
    private String name;
    private String severity;
    private String meter;
    private long label;
    private boolean afterLb;
    private boolean logRelated;

    AclBuilder(boolean ingress, int priority, String match, Action action) {
      this.ingress = ingress;
      this.priority = priority;
      this.match = match;
      this.action = action;
    }

    /** {@code --log [--name=NAME] [--severity=SEVERITY]}; null for not set. */
    AclBuilder log(String aclName, String aclSeverity) {
      this.log = true;
      this.name = aclName;
      this.severity = aclSeverity;
      return this;
    }

    AclBuilder meter(String aclMeter) {
      this.meter = aclMeter;
      return this;
    }

    AclBuilder label(long aclLabel) {
      this.label = aclLabel;
      return this;
    }

    AclBuilder afterLb() {
      this.afterLb = true;
      return this;
    }

    AclBuilder logRelated() {
      this.logRelated = true;
      return this;
    }

    Rule build() {
      return new Rule(ingress, priority, match, action, log, Optional.ofNullable(name),
          Optional.ofNullable(severity), Optional.ofNullable(meter), label, afterLb,
          logRelated);
    }
  }

  private static void assertMatchesGolden(String name, SwitchInput in) throws IOException {
    List<String> golden = SwitchPipelineFixtures.golden(name);
    List<LogicalFlow> flows = SwitchPipeline.flows(in);
    assertThat(SwitchPipelineFixtures.render(flows)).as("lflow-list of %s", name)
        .containsExactlyElementsOf(golden.stream()
            .filter(l -> l.startsWith("Pipeline: ") || l.startsWith("  table=")).toList());
    assertThat(SwitchPipelineFixtures.portTags(flows)).as("in_out_port tags of %s", name)
        .containsExactlyInAnyOrderElementsOf(
        golden.stream().filter(l -> l.startsWith("Port: ")).toList());
  }
}
