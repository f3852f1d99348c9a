package org.jovn.ovn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jovn.ovn.bench.Topology.ChurnPort;
import org.jovn.ovn.bench.Topology.Port;
import org.jovn.ovn.bench.Topology.Route;
import org.jovn.ovn.bench.Topology.Router;
import org.jovn.ovn.bench.Topology.RouterPort;
import org.jovn.ovn.bench.Topology.Switch;

/**
 * Makes the benchmark's Northbound topology for a {@link TopologySize}, deterministically (the
 * same size always gives the same names and addresses):
 *
 * <ul>
 *   <li>switches {@code sw0 ...}, each with {@code other_config:subnet} and its share of the VIF
 *       ports {@code swI-pJ}, each port with one static, unique {@code "MAC IP"} address;
 *   <li>routers {@code lr0 ...}, router {@code r} connecting an equal, contiguous share of the
 *       switches: router port {@code lrR-swI} (the switch's {@code .1}) and switch port
 *       {@code swI-lrR} of type {@code router};
 *   <li>with two routers or more, switch {@code join} connecting them all ({@code lrR-join} /
 *       {@code join-lrR}), and on every router a static route to each switch subnet behind
 *       another router, via that router's join address.
 * </ul>
 *
 * <p>See {@link Addressing} for the address plan. Thread safety: immutable.
 */
public final class TopologyGenerator {
  private final TopologySize size;
  private final Addressing addressing;

  /**
   * @throws IllegalArgumentException when the size does not fit the address plan (more than
   *     65,533 routers, or switch subnets beyond 10.0.0.0/8)
   */
  public TopologyGenerator(TopologySize size) {
    this.size = Objects.requireNonNull(size, "size");
    this.addressing = new Addressing(size);
  }

  /** The topology. */
  public Topology generate() {
    List<List<Integer>> blocks = routerBlocks(size);
    int[] routerOf = new int[size.switches()];
    java.util.Arrays.fill(routerOf, -1);
    for (int r = 0; r < blocks.size(); r++) {
      for (int i : blocks.get(r)) {
        routerOf[i] = r;
      }
    }
    boolean joined = size.routers() >= 2;
    List<Router> routers = new ArrayList<>(size.routers());
    for (int r = 0; r < size.routers(); r++) {
      routers.add(router(r, blocks, joined));
    }
    List<Switch> switches = new ArrayList<>(size.switches());
    long vifIndex = 0;
    for (int i = 0; i < size.switches(); i++) {
      int vifs = size.ports() / size.switches() + (i < size.ports() % size.switches() ? 1 : 0);
      List<Port> ports = new ArrayList<>(vifs + 1);
      for (int j = 0; j < vifs; j++) {
        ports.add(Port.vif("sw" + i + "-p" + j, Addressing.mac(Addressing.VIF_MAC, vifIndex++),
            addressing.vifIp(i, j)));
      }
      if (routerOf[i] >= 0) {
        ports.add(Port.routerLink("sw" + i + "-lr" + routerOf[i], "lr" + routerOf[i] + "-sw" + i));
      }
      switches.add(new Switch("sw" + i, addressing.subnet(i), ports));
    }
    Optional<Switch> join = joined ? Optional.of(joinSwitch()) : Optional.empty();
    return new Topology(size, switches, join, routers);
  }

  /** How many ports {@link #churnPort(int)} can give: a few dozen per switch. */
  public int churnCapacity() {
    return Addressing.SPARE_PER_SWITCH * size.switches();
  }

  /**
   * The {@code k}-th port to add after loading ({@code churnK}): on switch {@code k mod
   * switches}, with a MAC and IP address that no generated port has and that differ for every
   * {@code k}.
   *
   * @throws IllegalArgumentException when {@code k} is not in {@code [0, churnCapacity())}
   */
  public ChurnPort churnPort(int k) {
    if (k < 0 || k >= churnCapacity()) {
      throw new IllegalArgumentException(
          "churn port " + k + " is out of range [0, " + churnCapacity() + ")");
    }
    int i = k % size.switches();
    String ip = addressing.spareIp(i, k / size.switches());
    return new ChurnPort("sw" + i,
        Port.vif("churn" + k, Addressing.mac(Addressing.CHURN_MAC, k), ip));
  }

  /** For each router, the indexes of the switches it connects: contiguous, sizes differ by 1. */
  static List<List<Integer>> routerBlocks(TopologySize size) {
    List<List<Integer>> blocks = new ArrayList<>(size.routers());
    for (int r = 0; r < size.routers(); r++) {
      int from = (int) ((long) r * size.switches() / size.routers());
      int to = (int) ((long) (r + 1) * size.switches() / size.routers());
      List<Integer> block = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        block.add(i);
      }
      blocks.add(block);
    }
    return blocks;
  }

  private Router router(int r, List<List<Integer>> blocks, boolean joined) {
    List<RouterPort> ports = new ArrayList<>();
    // Router r's ports are numbered after those of routers 0..r-1: one per switch, one join.
    long macBase = (long) blocks.get(r).get(0) + r;
    for (int i : blocks.get(r)) {
      ports.add(new RouterPort("lr" + r + "-sw" + i,
          Addressing.mac(Addressing.ROUTER_MAC, macBase + ports.size()),
          addressing.gatewayNetwork(i)));
    }
    List<Route> routes = new ArrayList<>();
    if (joined) {
      ports.add(new RouterPort("lr" + r + "-join",
          Addressing.mac(Addressing.ROUTER_MAC, macBase + ports.size()),
          Addressing.joinNetwork(r)));
      for (int q = 0; q < blocks.size(); q++) {
        if (q == r) {
          continue;
        }
        for (int i : blocks.get(q)) {
          routes.add(new Route(addressing.subnet(i), Addressing.joinIp(q)));
        }
      }
    }
    return new Router("lr" + r, ports, routes);
  }

  private Switch joinSwitch() {
    List<Port> ports = new ArrayList<>(size.routers());
    for (int r = 0; r < size.routers(); r++) {
      ports.add(Port.routerLink("join-lr" + r, "lr" + r + "-join"));
    }
    return new Switch("join", Addressing.JOIN_SUBNET, ports);
  }
}
