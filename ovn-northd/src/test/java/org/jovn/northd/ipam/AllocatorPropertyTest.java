package org.jovn.northd.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.MacAddress;

/**
 * Random switches and ports, with and without earlier assignments, some of them invalid: one
 * run settles everything (a second run changes nothing), new IPv4 addresses are unique and free
 * on their switch, and new MACs are unique in the deployment.
 */
class AllocatorPropertyTest {
  private static final List<Map<String, String>> CONFIGS = List.of(
      Map.of("subnet", "10.0.0.0/28"),
      Map.of("subnet", "10.0.0.0/29", "exclude_ips", "10.0.0.3..10.0.0.4"),
      Map.of("subnet", "10.0.0.0/28", "ipv6_prefix", "fd00::"),
      Map.of("subnet", "10.0.1.0/30"),
      Map.of("ipv6_prefix", "fd00::/64"),
      Map.of("mac_only", "true"),
      Map.of());
  private static final List<String> ENTRIES = List.of("dynamic", "dynamic", "dynamic",
      "dynamic 10.0.0.5", "dynamic 10.0.0.15", "dynamic fd00::5", "dynamic 10.0.0.6 fd00::6",
      "0a:00:00:00:00:05 dynamic", "0a:00:00:00:00:07 10.0.0.7", "0a:00:00:00:00:03 10.0.0.2",
      "unknown", "router");
  private static final List<String> HELD = List.of("0a:00:00:00:00:03 10.0.0.2",
      "0a:00:00:00:00:04 10.0.0.4", "0b:00:00:00:00:04 10.0.0.9 fd00::1", "junk",
      "0a:00:00:00:00:08", "0a:00:00:00:00:06 10.0.0.5 fd00::800:ff:fe00:6");

  record PortSpec(List<String> addresses, Optional<String> held, boolean attached) {}

  record SwitchSpec(Map<String, String> config, List<PortSpec> ports, boolean router) {}

  @Provide
  Arbitrary<List<SwitchSpec>> switches() {
    Arbitrary<PortSpec> port = Combinators.combine(
        Arbitraries.of(ENTRIES).list().ofMinSize(1).ofMaxSize(2),
        Arbitraries.of(HELD).optional(0.5),
        Arbitraries.of(true, false, false, false, false, false, false, false))
        .as((a, h, att) -> new PortSpec(a.stream().distinct().sorted().toList(), h, att));
    Arbitrary<SwitchSpec> sw = Combinators.combine(Arbitraries.of(CONFIGS),
        port.list().ofMaxSize(8), Arbitraries.of(true, false)).as(SwitchSpec::new);
    return sw.list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 3000)
  void assign_anyNorthbound_settlesInOnePassWithUniqueNewAddresses(
      @ForAll("switches") List<SwitchSpec> specs) {
    IpamInput before = build(specs);
    Map<UUID, Optional<String>> changes = Allocator.run(before, Inputs.PREFIX);
    IpamInput after = before.with(changes);
    assertThat(Allocator.run(after, Inputs.PREFIX)).as("second run").isEmpty();
    Map<MacAddress, Integer> macUses = new HashMap<>();
    after.routerMacs().forEach(m -> macUses.merge(m, 1, Integer::sum));
    for (IpamInput.Switch sw : after.switches()) {
      checkIpv4(sw, changes, macUses);
    }
    for (IpamInput.Switch sw : after.switches()) {
      for (IpamInput.Port p : sw.ports()) {
        newMac(before, changes, p).ifPresent(mac -> {
          assertThat(mac.toString()).startsWith("0a:00:00:");
          assertThat(macUses.get(mac)).as("uses of new MAC %s", mac).isEqualTo(1);
        });
      }
    }
  }

  /**
   * Checks that the IPv4 addresses assigned on a switch are distinct and free; counts the MACs
   * in use on it.
   */
  private static void checkIpv4(IpamInput.Switch sw, Map<UUID, Optional<String>> changes,
      Map<MacAddress, Integer> macUses) {
    SwitchConfig config = SwitchConfig.of(sw.otherConfig());
    Set<Ipv4Address> statics = new HashSet<>(sw.routerIps());
    List<Ipv4Address> assigned = new ArrayList<>();
    for (IpamInput.Port p : sw.ports()) {
      for (String e : p.addresses()) {
        if (DynamicRequest.parse(e).isEmpty() && !e.equals("unknown") && !e.equals("router")) {
          AddressList a = AddressList.parse(e);
          statics.addAll(a.ipv4());
          a.mac().ifPresent(m -> macUses.merge(m, 1, Integer::sum));
        }
      }
      if (config.managed() && !p.attached() && p.dynamicAddresses().isPresent()) {
        AddressList d = AddressList.parse(p.dynamicAddresses().get());
        d.mac().ifPresent(m -> macUses.merge(m, 1, Integer::sum));
        if (changes.containsKey(p.uuid())) {
          assigned.addAll(d.ipv4());
        }
      }
    }
    config.newPool().ifPresent(pool -> assertThat(assigned).doesNotHaveDuplicates()
        .noneMatch(statics::contains).allMatch(pool::isFree, "free in the subnet"));
  }

  /** The MAC a port got that it neither held before nor asked for. */
  private static Optional<MacAddress> newMac(IpamInput before,
      Map<UUID, Optional<String>> changes, IpamInput.Port p) {
    boolean asked = p.addresses().stream()
        .anyMatch(e -> DynamicRequest.parse(e).flatMap(DynamicRequest::mac).isPresent());
    Optional<MacAddress> mac = Optional.ofNullable(changes.get(p.uuid()))
        .flatMap(v -> v).flatMap(v -> AddressList.parse(v).mac());
    return asked || mac.equals(held(before, p.uuid())) ? Optional.empty() : mac;
  }

  /** The MAC a port held before the run. */
  private static Optional<MacAddress> held(IpamInput in, UUID port) {
    return in.switches().stream().flatMap(s -> s.ports().stream())
        .filter(p -> p.uuid().equals(port)).findFirst()
        .flatMap(IpamInput.Port::dynamicAddresses).flatMap(d -> AddressList.parse(d).mac());
  }

  private static IpamInput build(List<SwitchSpec> specs) {
    List<IpamInput.Switch> switches = new ArrayList<>();
    int n = 0;
    for (SwitchSpec s : specs) {
      List<IpamInput.Port> ports = new ArrayList<>();
      for (PortSpec p : s.ports()) {
        ports.add(new IpamInput.Port(new UUID(0, ++n), p.addresses(), p.held(), p.attached()));
      }
      List<Ipv4Address> routerIps = s.router()
          ? List.of(Ipv4Address.parse("10.0.0.1"), Ipv4Address.parse("10.0.0.6")) : List.of();
      switches.add(new IpamInput.Switch(new UUID(1, switches.size() + 1), s.config(), ports,
          routerIps));
    }
    return new IpamInput(switches, List.of(MacAddress.parse("0a:00:00:00:00:05")));
  }
}
