package org.jovn.northd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.northd.pipeline.RouterPipelineTest.lines;
import static org.jovn.northd.pipeline.RouterPipelineTest.uuid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.net.PortAddresses;
import org.junit.jupiter.api.Test;

/**
 * IPv6 router advertisements against the real ovn-northd 23.03.1 (golden file
 * {@code router-ra.txt}): the whole router's flows, and the {@code ipv6_ra_*} options of its
 * ports' bindings. The router has ports with each address mode, with and without non-link-local
 * networks, with out-of-range values, disabled, patched to another router and attached to no
 * switch.
 */
class RouterRaGoldenTest {
  @Test
  void flowsAndPeriodicOptions_equalRealNorthd() throws IOException {
    List<RouterAttachment> ports = List.of(
        onSwitch(port("lrR-a", "00:00:00:00:0a:01", Map.of("address_mode", "slaac"),
            "10.1.0.1/24", "fd0a::1/64", "fd0b::1/48")),
        onSwitch(port("lrR-b", "00:00:00:00:0b:01", Map.of("address_mode", "dhcpv6_stateful",
            "mtu", "1500", "router_preference", "HIGH", "rdnss", "fd0c::53", "dnssl", "ovn.test",
            "route_info", "HIGH-fd0d::/64", "send_periodic", "true", "max_interval", "10",
            "min_interval", "2"), "fd0c::1/64")),
        onSwitch(port("lrR-c", "00:00:00:00:0c:01", Map.of("address_mode", "slaac",
            "send_periodic", "true"), "10.3.0.1/24")),
        onSwitch(port("lrR-d", "00:00:00:00:0d:01", Map.of("address_mode", "bogus",
            "send_periodic", "true"), "fd0e::1/64")),
        onSwitch(port("lrR-e", "00:00:00:00:0e:01", Map.of("address_mode", "dhcpv6_stateless",
            "mtu", "1000", "router_preference", "bogus", "send_periodic", "true",
            "max_interval", "5000"), "fd0f::1/64")),
        onSwitch(disabled(port("lrR-g", "00:00:00:00:1b:01", Map.of("address_mode", "slaac",
            "send_periodic", "true", "router_preference", "LOW", "mtu", "9000",
            "max_interval", "8"), "fd13::1/64"))),
        patched(peer(port("lrR-p", "00:00:00:00:0f:01", Map.of("address_mode", "slaac",
            "send_periodic", "true"), "fd10::1/64"), "lr2-p"),
            peer(port("lr2-p", "00:00:00:00:0f:02", Map.of(), "fd10::2/64"), "lrR-p")),
        alone(port("lrR-u", "00:00:00:00:1f:01", Map.of("address_mode", "slaac",
            "send_periodic", "true"), "fd11::1/64")));
    RouterInput lrR = new RouterInput(uuid("lrR"), "lrR", Map.of(), ports, List.of());

    assertThat(lines(RouterPipeline.flows(lrR)))
        .containsExactlyInAnyOrderElementsOf(golden("table="));
    List<String> options = new ArrayList<>();
    for (RouterAttachment a : ports) {
      Map<String, String> o = new TreeMap<>();
      a.switchPort().or(() -> a.port().peer()).ifPresent(p -> o.put("peer", p));
      RouterAdvertConfig.of(a).ifPresent(c -> o.putAll(c.periodicOptions()));
      StringBuilder line = new StringBuilder("Options: ").append(a.port().name()).append(' ');
      o.forEach((k, v) -> line.append(k).append('=').append(v).append(' '));
      options.add(line.toString().strip() + (o.isEmpty() ? " " : ""));
    }
    assertThat(options).containsExactlyInAnyOrderElementsOf(golden("Options: "));
  }

  @Test
  void atoi_readsLeadingDigitsLikeC() {
    assertThat(RouterAdvertConfig.atoi(" 1500abc")).isEqualTo(1500);
    assertThat(RouterAdvertConfig.atoi("-7")).isEqualTo(-7);
    assertThat(RouterAdvertConfig.atoi("x")).isZero();
  }

  private static RouterPortInput port(String name, String mac, Map<String, String> ra,
      String... networks) {
    return new RouterPortInput(uuid(name), name,
        PortAddresses.ofRouterPort(mac, Arrays.stream(networks).sorted().toList()), true,
        Optional.empty(), Map.of(), ra);
  }

  private static RouterPortInput disabled(RouterPortInput p) {
    return new RouterPortInput(p.uuid(), p.name(), p.addresses(), false, p.peer(), p.options(),
        p.ipv6RaConfigs());
  }

  private static RouterPortInput peer(RouterPortInput p, String peer) {
    return new RouterPortInput(p.uuid(), p.name(), p.addresses(), p.enabled(), Optional.of(peer),
        p.options(), p.ipv6RaConfigs());
  }

  /** Attached to switch {@code swX} (X: the port name's last letter) through {@code swX-lrR}. */
  private static RouterAttachment onSwitch(RouterPortInput p) {
    String sw = "sw" + p.name().substring(p.name().length() - 1);
    return new RouterAttachment(p, Optional.of(sw + "-lrR"), List.of(), List.of(),
        Optional.empty());
  }

  private static RouterAttachment patched(RouterPortInput p, RouterPortInput peer) {
    return new RouterAttachment(p, Optional.empty(), List.of(), List.of(), Optional.of(peer));
  }

  private static RouterAttachment alone(RouterPortInput p) {
    return new RouterAttachment(p, Optional.empty(), List.of(), List.of(), Optional.empty());
  }

  /** The lines of {@code router-ra.txt} that start (after blanks) with {@code prefix}. */
  private static List<String> golden(String prefix) throws IOException {
    try (InputStream in = RouterRaGoldenTest.class.getResourceAsStream("/golden/router-ra.txt")) {
      assertThat(in).isNotNull();
      List<String> out = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#") && l.strip().startsWith(prefix)).toList();
      assertThat(out).as("lines starting %s", prefix).isNotEmpty();
      return out;
    }
  }
}
