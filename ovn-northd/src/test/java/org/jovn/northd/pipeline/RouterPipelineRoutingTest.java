package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING;
import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING_ECMP;
import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING_PRE;
import static org.jovn.northd.pipeline.RouterPipelineTest.alone;
import static org.jovn.northd.pipeline.RouterPipelineTest.flow;
import static org.jovn.northd.pipeline.RouterPipelineTest.lines;
import static org.jovn.northd.pipeline.RouterPipelineTest.port;
import static org.jovn.northd.pipeline.RouterPipelineTest.portWithUuid;
import static org.jovn.northd.pipeline.RouterPipelineTest.route;
import static org.jovn.northd.pipeline.RouterPipelineTest.router;

import java.util.List;
import java.util.Map;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.pipeline.RouterPipelineTest.Port;
import org.jovn.northd.pipeline.RouterPipelineTest.Route;
import org.junit.jupiter.api.Test;

/**
 * Routing flows: connected networks and static routes. Expected texts are what the real
 * ovn-northd 23.03.1 writes for the same routes.
 */
class RouterPipelineRoutingTest {
  private static final Port P1 = port("p1", "00:00:00:00:00:01", "10.0.0.1/24", "fd00::1/64");
  private static final Port P2 = port("p2", "00:00:00:00:00:02", "10.1.0.1/24");

  private static List<String> routing(Route... routes) {
    return lines(RouterPipeline.flows(
        router("lr0", Map.of(), List.of(alone(P1), alone(P2)), List.of(routes))));
  }

  private static String via(String nexthop, String portIp, Port out) {
    boolean v4 = !portIp.contains(":");
    return "ip.ttl--; reg8[0..15] = 0; " + (v4 ? "reg0" : "xxreg0") + " = " + nexthop + "; "
        + (v4 ? "reg1" : "xxreg1") + " = " + portIp + "; eth.src = " + out.addresses().mac()
        + "; outport = \"" + out.input().name() + "\"; flags.loopback = 1; next;";
  }

  @Test
  void flows_staticRoute_usesNexthop() {
    assertThat(routing(route("10.2.0.0/16", "10.1.0.100"))).contains(flow(LR_IN_IP_ROUTING, 49,
        "reg7 == 0 && ip4.dst == 10.2.0.0/16", via("10.1.0.100", "10.1.0.1", P2)));
  }

  @Test
  void flows_connectedNetwork_outranksStaticRouteOfSameLength() {
    assertThat(routing(route("10.1.0.0/24", "10.0.0.9"))).contains(
        flow(LR_IN_IP_ROUTING, 74, "ip4.dst == 10.1.0.0/24", via("ip4.dst", "10.1.0.1", P2)),
        flow(LR_IN_IP_ROUTING, 73, "reg7 == 0 && ip4.dst == 10.1.0.0/24",
            via("10.0.0.9", "10.0.0.1", P1)));
  }

  @Test
  void flows_ipv6Networks_routedWithLinkLocalOnlyBackOutItsOwnPort() {
    assertThat(routing()).contains(
        flow(LR_IN_IP_ROUTING, 194, "ip6.dst == fd00::/64", via("ip6.dst", "fd00::1", P1)),
        flow(LR_IN_IP_ROUTING, 194, "inport == \"p1\" && ip6.dst == fe80::/64",
            via("ip6.dst", "fe80::200:ff:fe00:1", P1)),
        flow(LR_IN_IP_ROUTING, 194, "inport == \"p2\" && ip6.dst == fe80::/64",
            via("ip6.dst", "fe80::200:ff:fe00:2", P2)));
  }

  @Test
  void flows_srcIpRoute_matchesSourceOneBelowDestinationRoutes() {
    assertThat(routing(route("10.0.0.0/24", "10.1.0.9").withPolicy("src-ip"))).contains(
        flow(LR_IN_IP_ROUTING, 72, "ip4.src == 10.0.0.0/24", via("10.1.0.9", "10.1.0.1", P2)));
  }

  @Test
  void flows_discardRoute_drops() {
    assertThat(routing(route("10.99.0.0/16", "discard")))
        .contains(flow(LR_IN_IP_ROUTING, 49, "reg7 == 0 && ip4.dst == 10.99.0.0/16", "drop;"));
  }

  @Test
  void flows_defaultRoute_hasLowestRoutePriority() {
    assertThat(routing(route("0.0.0.0/0", "10.1.0.254"))).contains(flow(LR_IN_IP_ROUTING, 1,
        "reg7 == 0 && ip4.dst == 0.0.0.0/0", via("10.1.0.254", "10.1.0.1", P2)));
  }

  @Test
  void flows_originConnected_ranksLikeAConnectedNetwork() {
    assertThat(routing(route("10.60.0.0/16", "10.0.0.60").withOption("origin", "connected")))
        .contains(flow(LR_IN_IP_ROUTING, 50, "ip4.dst == 10.60.0.0/16",
            via("10.0.0.60", "10.0.0.1", P1)));
  }

  @Test
  void flows_routeTables_numberedPortsFirstThenRoutesByUuid() {
    Port a = portWithUuid("00000000-0000-0000-0000-000000000002", "a", "00:00:00:00:00:0a",
        "10.0.0.1/24").withRouteTable("blue");
    Port b = portWithUuid("00000000-0000-0000-0000-000000000001", "b", "00:00:00:00:00:0b",
        "10.1.0.1/24").withRouteTable("red");
    List<String> flows = lines(RouterPipeline.flows(router("lr0", Map.of(),
        List.of(alone(a), alone(b)), List.of(
            route("00000000-0000-0000-0000-0000000000f1", "10.50.0.0/16", "10.0.0.50")
                .inTable("green"),
            route("00000000-0000-0000-0000-0000000000f0", "10.51.0.0/16", "10.0.0.51")
                .inTable("blue")))));

    assertThat(flows).contains(
        flow(LR_IN_IP_ROUTING_PRE, 100, "inport == \"b\"", "reg7 = 1; next;"),
        flow(LR_IN_IP_ROUTING_PRE, 100, "inport == \"a\"", "reg7 = 2; next;"),
        flow(LR_IN_IP_ROUTING_PRE, 0, "1", "reg7 = 0; next;"),
        flow(LR_IN_IP_ROUTING, 49, "reg7 == 2 && ip4.dst == 10.51.0.0/16",
            via("10.0.0.51", "10.0.0.1", a)),
        flow(LR_IN_IP_ROUTING, 49, "reg7 == 3 && ip4.dst == 10.50.0.0/16",
            via("10.0.0.50", "10.0.0.1", a)));
  }

  @Test
  void flows_ecmpRoutes_selectAmongMembersNumberedByUuid() {
    List<String> flows = routing(
        route("00000000-0000-0000-0000-000000000003", "10.9.0.0/16", "10.0.0.6"),
        route("00000000-0000-0000-0000-000000000001", "10.9.0.0/16", "10.0.0.5"),
        route("00000000-0000-0000-0000-000000000002", "10.9.0.0/16", "10.1.0.7"));

    assertThat(flows).contains(
        flow(LR_IN_IP_ROUTING, 49, "reg7 == 0 && ip4.dst == 10.9.0.0/16",
            "ip.ttl--; flags.loopback = 1; reg8[0..15] = 1; reg8[16..31] = select(1, 2, 3);"),
        flow(LR_IN_IP_ROUTING_ECMP, 100, "reg8[0..15] == 1 && reg8[16..31] == 1",
            "reg0 = 10.0.0.5; reg1 = 10.0.0.1; eth.src = 00:00:00:00:00:01; outport = \"p1\"; "
                + "next;"),
        flow(LR_IN_IP_ROUTING_ECMP, 100, "reg8[0..15] == 1 && reg8[16..31] == 2",
            "reg0 = 10.1.0.7; reg1 = 10.1.0.1; eth.src = 00:00:00:00:00:02; outport = \"p2\"; "
                + "next;"),
        flow(LR_IN_IP_ROUTING_ECMP, 100, "reg8[0..15] == 1 && reg8[16..31] == 3",
            "reg0 = 10.0.0.6; reg1 = 10.0.0.1; eth.src = 00:00:00:00:00:01; outport = \"p1\"; "
                + "next;"),
        flow(LR_IN_IP_ROUTING_ECMP, 150, "reg8[0..15] == 0", "next;"));
  }

  @Test
  void flows_ecmpGroups_numberedInOrderOfTheirSecondRoute() {
    List<String> flows = routing(
        route("00000000-0000-0000-0000-000000000001", "fd02::/64", "fd00::6"),
        route("00000000-0000-0000-0000-000000000002", "10.9.0.0/16", "10.0.0.5"),
        route("00000000-0000-0000-0000-000000000003", "10.9.0.0/16", "10.0.0.6"),
        route("00000000-0000-0000-0000-000000000004", "fd02::/64", "fd00::7"));

    assertThat(flows).contains(
        flow(LR_IN_IP_ROUTING, 49, "reg7 == 0 && ip4.dst == 10.9.0.0/16",
            "ip.ttl--; flags.loopback = 1; reg8[0..15] = 1; reg8[16..31] = select(1, 2);"),
        flow(LR_IN_IP_ROUTING, 193, "reg7 == 0 && ip6.dst == fd02::/64",
            "ip.ttl--; flags.loopback = 1; reg8[0..15] = 2; reg8[16..31] = select(1, 2);"),
        flow(LR_IN_IP_ROUTING_ECMP, 100, "reg8[0..15] == 2 && reg8[16..31] == 2",
            "xxreg0 = fd00::7; xxreg1 = fd00::1; eth.src = 00:00:00:00:00:01; outport = \"p1\"; "
                + "next;"));
  }

  @Test
  void flows_routesWithoutPathOrMalformed_areLeftOut() {
    List<LogicalFlow> flows = RouterPipeline.flows(router("lr0", Map.of(),
        List.of(alone(P1), alone(P2)), List.of(
            route("10.102.0.0/16", "192.168.9.9"),
            route("10.103.0.0/16", "10.0.0.5/24"),
            route("10.104.0.0/16", "fd00::5"),
            route("10.105.0.0/16", "10.0.0.5").via("nonexistent"),
            route("not-a-prefix", "10.0.0.5"))));

    assertThat(flows).noneMatch(f -> f.match().contains("10.10"));
  }

  @Test
  void flows_nexthopOffOutputPortsNetworks_usesItsFirstAddress() {
    assertThat(routing(route("10.77.0.0/16", "10.77.0.1").via("p2"))).contains(
        flow(LR_IN_IP_ROUTING, 49, "reg7 == 0 && ip4.dst == 10.77.0.0/16",
            via("10.77.0.1", "10.1.0.1", P2)));
  }

  @Test
  void flows_linkLocalNexthop_leavesThroughFirstPortInUuidOrder() {
    Port z = portWithUuid("00000000-0000-0000-0000-000000000001", "z", "00:00:00:00:00:1a",
        "10.0.0.1/24");
    Port y = portWithUuid("00000000-0000-0000-0000-000000000002", "y", "00:00:00:00:00:1b",
        "10.1.0.1/24");
    List<String> flows = lines(RouterPipeline.flows(router("lr0", Map.of(),
        List.of(alone(y), alone(z)), List.of(route("fd50::/64", "fe80::5")))));

    assertThat(flows).contains(flow(LR_IN_IP_ROUTING, 193, "reg7 == 0 && ip6.dst == fd50::/64",
        via("fe80::5", "fe80::200:ff:fe00:1a", z)));
  }
}
