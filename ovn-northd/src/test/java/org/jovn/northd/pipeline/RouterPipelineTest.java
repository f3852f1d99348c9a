package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.flow.Stage.LR_IN_ADMISSION;
import static org.jovn.northd.flow.Stage.LR_IN_IP_INPUT;
import static org.jovn.northd.flow.Stage.LR_IN_LEARN_NEIGHBOR;
import static org.jovn.northd.flow.Stage.LR_IN_LOOKUP_NEIGHBOR;
import static org.jovn.northd.flow.Stage.LR_OUT_DELIVERY;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.flow.Stage;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.StaticRoute;
import org.jovn.northd.net.PortAddresses;
import org.junit.jupiter.api.Test;

/**
 * Router flows other than routing, one feature at a time; the expected texts are those the real
 * ovn-northd 23.03.1 writes for the same configuration. Also holds the input builders the other
 * router tests use.
 */
class RouterPipelineTest {
  @Test
  void flows_enabledPort_admitsItsMacAndMulticastAndIsDeliveredTo() {
    List<String> flows = lines(oneSwitch(Map.of()));

    assertThat(flows).contains(
        flow(LR_IN_ADMISSION, 50, "eth.dst == 00:00:00:00:ff:01 && inport == \"lrp0\"",
            "xreg0[0..47] = 00:00:00:00:ff:01; next;"),
        flow(LR_IN_ADMISSION, 50, "eth.mcast && inport == \"lrp0\"",
            "xreg0[0..47] = 00:00:00:00:ff:01; next;"),
        flow(LR_IN_ADMISSION, 100, "vlan.present || eth.src[40]", "drop;"),
        flow(LR_OUT_DELIVERY, 100, "outport == \"lrp0\"", "output;"),
        flow(LR_OUT_DELIVERY, 0, "1", "drop;"));
  }

  @Test
  void flows_disabledPort_isNeitherAdmittedNorDeliveredTo() {
    RouterInput in = router("lr0", Map.of(), List.of(
        onSwitch(port("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24").disabled())), List.of());

    List<LogicalFlow> flows = RouterPipeline.flows(in);

    assertThat(flows).noneMatch(f -> f.match().contains("inport == \"lrp0\"")
        && f.stage() == LR_IN_ADMISSION);
    assertThat(flows).noneMatch(f -> f.stage() == LR_OUT_DELIVERY);
    assertThat(lines(flows)).contains(flow(LR_IN_IP_INPUT, 90,
        "ip4.dst == 10.0.0.254 && icmp4.type == 8 && icmp4.code == 0",
        "ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 0; flags.loopback = 1; next; "));
  }

  @Test
  void flows_arpRequest_learnedOnlyFromSendersOnThePortsNetworks() {
    assertThat(lines(oneSwitch(Map.of()))).contains(
        flow(LR_IN_LOOKUP_NEIGHBOR, 100,
            "inport == \"lrp0\" && arp.spa == 10.0.0.0/24 && arp.op == 1",
            "reg9[2] = lookup_arp(inport, arp.spa, arp.sha); next;"),
        flow(LR_IN_LEARN_NEIGHBOR, 90, "arp", "put_arp(inport, arp.spa, arp.sha); next;"),
        flow(LR_IN_LEARN_NEIGHBOR, 100, "reg9[2] == 1", "next;"));
  }

  @Test
  void flows_alwaysLearnFromArpRequestFalse_learnsOnlyKnownOrAskedFor() {
    List<String> flows = lines(oneSwitch(Map.of("always_learn_from_arp_request", "false")));

    assertThat(flows).contains(
        flow(LR_IN_LOOKUP_NEIGHBOR, 110, "inport == \"lrp0\" && arp.spa == 10.0.0.0/24 && "
            + "arp.tpa == 10.0.0.254 && arp.op == 1",
            "reg9[2] = lookup_arp(inport, arp.spa, arp.sha); reg9[3] = 1; next;"),
        flow(LR_IN_LOOKUP_NEIGHBOR, 100,
            "inport == \"lrp0\" && arp.spa == 10.0.0.0/24 && arp.op == 1",
            "reg9[2] = lookup_arp(inport, arp.spa, arp.sha); "
                + "reg9[3] = lookup_arp_ip(inport, arp.spa); next;"),
        flow(LR_IN_LOOKUP_NEIGHBOR, 110, "nd_na && ip6.src == fe80::/10 && ip6.dst == ff00::/8",
            "reg9[2] = lookup_nd(inport, ip6.src, nd.tll); "
                + "reg9[3] = lookup_nd_ip(inport, ip6.src); next;"),
        flow(LR_IN_LEARN_NEIGHBOR, 100, "reg9[2] == 1 || reg9[3] == 0", "next;"));
  }

  @Test
  void flows_routerAddresses_answerArpAndNeighborSolicitations() {
    assertThat(lines(oneSwitch(Map.of()))).contains(
        flow(LR_IN_IP_INPUT, 90, "inport == \"lrp0\" && arp.op == 1 && arp.tpa == 10.0.0.254 "
            + "&& arp.spa == 10.0.0.0/24", "eth.dst = eth.src; eth.src = xreg0[0..47]; "
            + "arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = xreg0[0..47]; "
            + "arp.tpa <-> arp.spa; outport = inport; flags.loopback = 1; output;"),
        flow(LR_IN_IP_INPUT, 90, "inport == \"lrp0\" && ip6.dst == {fe80::200:ff:fe00:ff01, "
            + "ff02::1:ff00:ff01} && nd_ns && nd.target == fe80::200:ff:fe00:ff01",
            "nd_na_router { eth.src = xreg0[0..47]; ip6.src = nd.target; "
                + "nd.tll = xreg0[0..47]; outport = inport; flags.loopback = 1; output; };"));
  }

  @Test
  void flows_portWithTwoNetworks_listsBothAndSendsTimeExceededFromEach() {
    RouterInput in = router("lr0", Map.of(), List.of(onSwitch(
        port("p2", "00:00:00:00:00:02", "10.1.0.1/24", "192.168.0.1/16"))), List.of());

    assertThat(lines(RouterPipeline.flows(in))).contains(
        flow(LR_IN_IP_INPUT, 100, "ip4.src == {10.1.0.1, 10.1.0.255, 192.168.0.1, "
            + "192.168.255.255} && reg9[0] == 0", "drop;"),
        flow(LR_IN_IP_INPUT, 90, "ip4.dst == {10.1.0.1, 192.168.0.1} && icmp4.type == 8 "
            + "&& icmp4.code == 0", "ip4.dst <-> ip4.src; ip.ttl = 255; icmp4.type = 0; "
            + "flags.loopback = 1; next; "),
        flow(LR_IN_IP_INPUT, 60, "ip4.dst == {10.1.0.1, 192.168.0.1}", "drop;"),
        timeExceeded("p2", "10.1.0.1"),
        timeExceeded("p2", "192.168.0.1"));
  }

  @Test
  void flows_ipv6Network_repliesAndSendsErrorsButNotTimeExceededFromLinkLocal() {
    RouterInput in = router("lr0", Map.of(), List.of(onSwitch(
        port("p1", "00:00:00:00:00:01", "fd00::1/64"))), List.of());

    List<String> flows = lines(RouterPipeline.flows(in));

    assertThat(flows).contains(
        flow(LR_IN_IP_INPUT, 90, "ip6.dst == {fd00::1, fe80::200:ff:fe00:1} && "
            + "icmp6.type == 128 && icmp6.code == 0", "ip6.dst <-> ip6.src; ip.ttl = 255; "
            + "icmp6.type = 129; flags.loopback = 1; next; "),
        flow(LR_IN_IP_INPUT, 100, "ip6.dst == fd00::1 && udp.src == 547 && udp.dst == 546",
            "reg0 = 0; handle_dhcpv6_reply;"),
        flow(LR_IN_IP_INPUT, 80, "ip6 && ip6.dst == fd00::1 && !ip.later_frag && tcp",
            "tcp_reset {eth.dst <-> eth.src; ip6.dst <-> ip6.src; next; };"),
        flow(LR_IN_IP_INPUT, 31, "inport == \"p1\" && ip6 && ip6.src == fd00::/64 && "
            + "ip.ttl == {0, 1} && !ip.later_frag", "icmp6 {eth.dst <-> eth.src; "
            + "ip6.dst = ip6.src; ip6.src = fd00::1 ; ip.ttl = 254; icmp6.type = 3; "
            + "/* Time exceeded */ icmp6.code = 0; /* TTL exceeded in transit */ "
            + "outport = \"p1\"; flags.loopback = 1; output; };"));
    assertThat(flows).noneMatch(l -> l.contains("ip6.src == fe80::/64"));
  }

  @Test
  void flows_noEnabledPort_hasNoDeliveryDefault() {
    RouterInput in = router("lrx", Map.of(), List.of(), List.of());

    List<LogicalFlow> flows = RouterPipeline.flows(in);

    assertThat(flows).noneMatch(f -> f.stage() == LR_OUT_DELIVERY);
    assertThat(flows).hasSize(55);
  }

  @Test
  void flows_portNameWithQuote_isQuotedAsJson() {
    RouterInput in = router("lr0", Map.of(), List.of(onSwitch(
        port("a\"b", "00:00:00:00:00:01", "10.0.0.1/24"))), List.of());

    assertThat(lines(RouterPipeline.flows(in)))
        .contains(flow(LR_OUT_DELIVERY, 100, "outport == \"a\\\"b\"", "output;"));
  }

  // ---- Builders of router inputs and flow texts, shared by the router tests. ----

  private static List<LogicalFlow> oneSwitch(Map<String, String> options) {
    return RouterPipeline.flows(router("lr0", options, List.of(onSwitch(
        port("lrp0", "00:00:00:00:ff:01", "10.0.0.254/24"), vif("0a:00:00:00:00:01 10.0.0.1"))),
        List.of()));
  }

  private static String timeExceeded(String port, String ip) {
    return flow(LR_IN_IP_INPUT, 31, "inport == \"" + port + "\" && ip4 && ip.ttl == {0, 1} "
        + "&& !ip.later_frag", "icmp4 {eth.dst <-> eth.src; icmp4.type = 11; /* Time exceeded */ "
        + "icmp4.code = 0; /* TTL exceeded in transit */ ip4.dst = ip4.src; ip4.src = " + ip
        + " ; ip.ttl = 254; outport = \"" + port + "\"; flags.loopback = 1; output; };");
  }

  static UUID uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** One flow as {@code ovn-sbctl lflow-list} prints it. */
  static String flow(Stage stage, int priority, String match, String actions) {
    return String.format("  table=%-2d(%-19s), priority=%-5d, match=(%s), action=(%s)",
        stage.table(), stage.stageName(), priority, match, actions);
  }

  static List<String> lines(List<LogicalFlow> flows) {
    return flows.stream().map(f -> flow(f.stage(), f.priority(), f.match(), f.actions()))
        .toList();
  }

  /** A router port under construction. */
  record Port(RouterPortInput input) {
    Port withPeer(String peer) {
      RouterPortInput p = input;
      return new Port(new RouterPortInput(p.uuid(), p.name(), p.addresses(), p.enabled(),
          Optional.of(peer), p.options()));
    }

    Port disabled() {
      RouterPortInput p = input;
      return new Port(new RouterPortInput(p.uuid(), p.name(), p.addresses(), false, p.peer(),
          p.options()));
    }

    Port withRouteTable(String table) {
      RouterPortInput p = input;
      Map<String, String> options = new HashMap<>(p.options());
      options.put("route_table", table);
      return new Port(new RouterPortInput(p.uuid(), p.name(), p.addresses(), p.enabled(),
          p.peer(), options));
    }

    PortAddresses addresses() {
      return input.addresses();
    }
  }

  static Port port(String name, String mac, String... networks) {
    return portWithUuid(uuid(name).toString(), name, mac, networks);
  }

  static Port portWithUuid(String uuid, String name, String mac, String... networks) {
    return new Port(new RouterPortInput(UUID.fromString(uuid), name,
        PortAddresses.ofRouterPort(mac, Arrays.stream(networks).sorted().toList()), true,
        Optional.empty()));
  }

  static PortAddresses vif(String addresses) {
    return PortAddresses.parse(addresses).orElseThrow();
  }

  /**
   * A port attached to a switch whose other ports have these addresses: other routers' ports
   * (given with network prefixes) or VIFs (host addresses).
   */
  static RouterAttachment onSwitch(Port p, PortAddresses... neighbors) {
    List<PortAddresses> routers = Arrays.stream(neighbors)
        .filter(RouterPipelineTest::isRouterPort).toList();
    List<PortAddresses> vifs = Arrays.stream(neighbors)
        .filter(n -> !isRouterPort(n)).toList();
    return new RouterAttachment(p.input(), Optional.of("sw-" + p.input().name()), vifs, routers,
        Optional.empty());
  }

  private static boolean isRouterPort(PortAddresses n) {
    return n.ipv4().stream().anyMatch(x -> x.length() < 32)
        || n.ipv6().stream().anyMatch(x -> x.length() < 128);
  }

  /** A port patched directly to {@code peer}. */
  static RouterAttachment patched(Port p, Port peer) {
    return new RouterAttachment(p.input(), Optional.empty(), List.of(), List.of(),
        Optional.of(peer.input()));
  }

  /** A port attached to nothing. */
  static RouterAttachment alone(Port p) {
    return new RouterAttachment(p.input(), Optional.empty(), List.of(), List.of(),
        Optional.empty());
  }

  /** A static route under construction. */
  record Route(StaticRoute input) {
    Route inTable(String table) {
      StaticRoute r = input;
      return new Route(new StaticRoute(r.uuid(), r.ipPrefix(), r.nexthop(), r.outputPort(),
          r.policy(), table, r.options()));
    }

    Route withPolicy(String policy) {
      StaticRoute r = input;
      return new Route(new StaticRoute(r.uuid(), r.ipPrefix(), r.nexthop(), r.outputPort(),
          policy, r.routeTable(), r.options()));
    }

    Route via(String outputPort) {
      StaticRoute r = input;
      return new Route(new StaticRoute(r.uuid(), r.ipPrefix(), r.nexthop(),
          Optional.of(outputPort), r.policy(), r.routeTable(), r.options()));
    }

    Route withOption(String key, String value) {
      StaticRoute r = input;
      Map<String, String> options = new HashMap<>(r.options());
      options.put(key, value);
      return new Route(new StaticRoute(r.uuid(), r.ipPrefix(), r.nexthop(), r.outputPort(),
          r.policy(), r.routeTable(), options));
    }
  }

  static Route route(String prefix, String nexthop) {
    return route(uuid(prefix + " " + nexthop).toString(), prefix, nexthop);
  }

  static Route route(String uuid, String prefix, String nexthop) {
    return new Route(new StaticRoute(UUID.fromString(uuid), prefix, nexthop, Optional.empty(),
        "dst-ip", "", Map.of()));
  }

  static RouterInput router(String name, Map<String, String> options,
      List<RouterAttachment> ports, List<Route> routes) {
    List<RouterAttachment> sorted = new ArrayList<>(ports);
    sorted.sort((x, y) -> x.port().name().compareTo(y.port().name()));
    return new RouterInput(uuid(name), name, options, sorted,
        routes.stream().map(Route::input).toList());
  }
}
