package org.jovn.ovn.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A generated Northbound topology, as plain values: the switches holding VIF ports, the routers
 * connecting them, and the join switch chaining the routers (present with two routers or more).
 * {@link TopologyGenerator} makes it, {@link NbLoader} writes it. Immutable.
 *
 * @param size what it was generated for
 * @param switches the switches with VIF ports, in index order
 * @param join the switch every router has a port on, when there are two routers or more
 * @param routers the routers, in index order
 */
public record Topology(TopologySize size, List<Switch> switches, Optional<Switch> join,
    List<Router> routers) {

  public Topology {
    Objects.requireNonNull(size, "size");
    switches = List.copyOf(switches);
    Objects.requireNonNull(join, "join");
    routers = List.copyOf(routers);
  }

  /** Every switch: the VIF switches, then the join switch if any. */
  public List<Switch> allSwitches() {
    return join.map(j -> concat(switches, j)).orElse(switches);
  }

  /** The number of ports of every switch, router ports included. */
  public int switchPortCount() {
    return allSwitches().stream().mapToInt(s -> s.ports().size()).sum();
  }

  /** The number of router ports. */
  public int routerPortCount() {
    return routers.stream().mapToInt(r -> r.ports().size()).sum();
  }

  /** The number of static routes. */
  public int routeCount() {
    return routers.stream().mapToInt(r -> r.routes().size()).sum();
  }

  /** The number of Northbound rows the topology makes, the NB_Global row included. */
  public int rowCount() {
    return 1 + allSwitches().size() + switchPortCount() + routers.size() + routerPortCount()
        + routeCount();
  }

  private static <T> List<T> concat(List<T> list, T last) {
    return Stream.concat(list.stream(), Stream.of(last)).toList();
  }

  /**
   * A logical switch and its ports.
   *
   * @param subnet {@code other_config:subnet}, e.g. {@code 10.0.1.0/24}
   */
  public record Switch(String name, String subnet, List<Port> ports) {
    public Switch {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(subnet, "subnet");
      ports = List.copyOf(ports);
    }
  }

  /**
   * A logical switch port: a VIF ({@code type} empty, one static {@code "MAC IP"} address) or
   * the switch side of a router link ({@code type} {@code router}, address {@code router},
   * {@code options:router-port}).
   */
  public record Port(String name, String type, List<String> addresses,
      Map<String, String> options) {
    public Port {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      addresses = List.copyOf(addresses);
      options = Map.copyOf(options);
    }

    static Port vif(String name, String mac, String ip) {
      return new Port(name, "", List.of(mac + " " + ip), Map.of());
    }

    static Port routerLink(String name, String routerPort) {
      return new Port(name, "router", List.of("router"), Map.of("router-port", routerPort));
    }

    /** True for a VIF port. */
    public boolean isVif() {
      return type.isEmpty();
    }
  }

  /** A logical router, its ports and its static routes. */
  public record Router(String name, List<RouterPort> ports, List<Route> routes) {
    public Router {
      Objects.requireNonNull(name, "name");
      ports = List.copyOf(ports);
      routes = List.copyOf(routes);
    }
  }

  /**
   * A logical router port.
   *
   * @param network its address with the prefix length, e.g. {@code 10.0.1.1/24}
   */
  public record RouterPort(String name, String mac, String network) {
    public RouterPort {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mac, "mac");
      Objects.requireNonNull(network, "network");
    }
  }

  /** A static route: {@code ip_prefix} via {@code nexthop}. */
  public record Route(String prefix, String nexthop) {
    public Route {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(nexthop, "nexthop");
    }
  }

  /** A port to add after loading, and the switch it goes on. */
  public record ChurnPort(String switchName, Port port) {
    public ChurnPort {
      Objects.requireNonNull(switchName, "switchName");
      Objects.requireNonNull(port, "port");
    }
  }
}
