package org.jovn.northd.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jovn.northd.net.PortAddresses;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LoadBalancerGroup;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalRouterStaticRoute;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.data.Row;

/**
 * Reads the inputs of every logical switch and router from a snapshot of the Northbound
 * database, resolving the references flows need: a {@code router} switch port to its router
 * port, a router port to the switch port attached to it and to the addresses on the far side.
 *
 * <p>Pure: the same snapshot gives equal inputs. Rows referring to missing rows are skipped
 * (a router port named by no switch is simply unattached). Stateless and thread-safe.
 */
public final class NorthboundInputs {
  private final Map<UUID, SwitchInput> switches;
  private final Map<UUID, RouterInput> routers;

  private NorthboundInputs(Map<UUID, SwitchInput> switches, Map<UUID, RouterInput> routers) {
    this.switches = switches;
    this.routers = routers;
  }

  /** The logical switches' inputs by {@code Logical_Switch} UUID, ordered by name. */
  public Map<UUID, SwitchInput> switches() {
    return switches;
  }

  /** The logical routers' inputs by {@code Logical_Router} UUID, ordered by name. */
  public Map<UUID, RouterInput> routers() {
    return routers;
  }

  /** Reads every switch and router of the snapshot. */
  public static NorthboundInputs read(ReplicaSnapshot nb) {
    return read(nb, new Cache());
  }

  /**
   * Reads every switch and router of the snapshot, reusing from {@code cache} the inputs of
   * rows unchanged since the previous read (the same row objects): a read after a change costs
   * a pass over the switches and ports, not a parse of every row, and unchanged switches get the
   * very same {@link SwitchInput} object back.
   */
  public static NorthboundInputs read(ReplicaSnapshot nb, Cache cache) {
    Map<String, RouterPortInput> routerPorts = new HashMap<>();
    Map<UUID, Row> lrpRows = nb.rows(LogicalRouterPort.TABLE);
    Map<String, RouterPortNat> portNat = RouterNat.portViews(nb);
    for (Row row : lrpRows.values()) {
      RouterPortInput rp = cache.routerPorts.get(row, r -> routerPort(LogicalRouterPort.from(r)));
      rp = rp.withNat(portNat.getOrDefault(rp.name(), RouterPortNat.NONE));
      routerPorts.put(rp.name(), rp);
    }
    cache.routerPorts.retain(lrpRows);

    List<LogicalSwitch> lsList = LogicalSwitch.all(nb)
        .sorted(Comparator.comparing(LogicalSwitch::name).thenComparing(ls -> ls.uuid().uuid()))
        .toList();
    Map<UUID, SwitchInput> switches = new LinkedHashMap<>();
    // For each router port name: the switch port attached to it and its switch's other ports.
    Map<String, Attachment> attachments = new HashMap<>();
    Map<UUID, Row> lspRows = nb.rows(LogicalSwitchPort.TABLE);
    for (LogicalSwitch ls : lsList) {
      List<SwitchPortInput> ports = new ArrayList<>();
      for (var ref : ls.ports()) {
        Row row = lspRows.get(ref.uuid());
        if (row != null) {
          ports.add(cache.switchPort(row, routerPorts));
        }
      }
      ports.sort(Comparator.comparing(SwitchPortInput::name));
      SwitchInput in = cache.reuse(new SwitchInput(ls.uuid().uuid(), ls.name(),
          ls.otherConfig(), ports, SwitchAcls.read(nb, ls), SwitchDhcpDns.read(nb, ls),
          cache.loadBalancers(nb, ls.loadBalancer(), ls.loadBalancerGroup())));
      switches.put(in.uuid(), in);
      for (SwitchPortInput p : in.ports()) {
        p.routerPeer().ifPresent(rp -> attachments.putIfAbsent(rp.name(), new Attachment(p, in)));
      }
    }
    cache.switchPorts.retain(lspRows);
    cache.loadBalancers.retain(nb.rows(LoadBalancer.TABLE));
    cache.switches.keySet().retainAll(switches.keySet());

    Map<UUID, RouterInput> routers = new LinkedHashMap<>();
    LogicalRouter.all(nb)
        .sorted(Comparator.comparing(LogicalRouter::name).thenComparing(lr -> lr.uuid().uuid()))
        .forEach(lr -> {
          RouterInput in = router(nb, lr, routerPorts, attachments);
          routers.put(in.uuid(), in);
        });
    return new NorthboundInputs(switches, routers);
  }

  /**
   * What {@link #read(ReplicaSnapshot, Cache)} keeps between reads. Not thread-safe: one
   * reader.
   */
  public static final class Cache {
    private final RowMemo<RouterPortInput> routerPorts = new RowMemo<>();
    private final RowMemo<SwitchPortInput> switchPorts = new RowMemo<>();
    private final Map<UUID, SwitchInput> switches = new HashMap<>();
    private final RowMemo<LoadBalancerInput> loadBalancers = new RowMemo<>();

    /**
     * The load balancers a datapath lists directly and through its groups, ordered by UUID,
     * each once.
     */
    List<LoadBalancerInput> loadBalancers(ReplicaSnapshot nb, Set<Ref<LoadBalancer>> own,
        Set<Ref<LoadBalancerGroup>> groups) {
      if (own.isEmpty() && groups.isEmpty()) {
        return List.of();
      }
      Set<UUID> ids = new TreeSet<>();
      own.forEach(r -> ids.add(r.uuid()));
      for (Ref<LoadBalancerGroup> g : groups) {
        LoadBalancerGroup.get(nb, g).ifPresent(
            group -> group.loadBalancer().forEach(r -> ids.add(r.uuid())));
      }
      Map<UUID, Row> rows = nb.rows(LoadBalancer.TABLE);
      List<LoadBalancerInput> out = new ArrayList<>();
      for (UUID id : ids) {
        Row row = rows.get(id);
        if (row != null) {
          out.add(loadBalancers.get(row, r -> LoadBalancerInput.read(LoadBalancer.from(r))));
        }
      }
      return out;
    }

    SwitchPortInput switchPort(Row row, Map<String, RouterPortInput> routerPorts) {
      SwitchPortInput cached = switchPorts.peek(row);
      if (cached != null && cached.routerPeer().equals(peerOf(cached, routerPorts))) {
        return cached;
      }
      SwitchPortInput fresh = NorthboundInputs.switchPort(LogicalSwitchPort.from(row),
          routerPorts);
      switchPorts.put(row, fresh);
      return fresh;
    }

    private static Optional<RouterPortInput> peerOf(SwitchPortInput p,
        Map<String, RouterPortInput> routerPorts) {
      if (!p.isRouter()) {
        return Optional.empty();
      }
      String name = p.options().get("router-port");
      return Optional.ofNullable(name == null ? null : routerPorts.get(name))
          .filter(rp -> rp.addresses() != null);
    }

    /** The cached input if equal to {@code in} (so that unchanged switches keep identity). */
    SwitchInput reuse(SwitchInput in) {
      SwitchInput old = switches.get(in.uuid());
      if (in.equals(old)) {
        return old;
      }
      switches.put(in.uuid(), in);
      return in;
    }
  }

  private record Attachment(SwitchPortInput port, SwitchInput sw) {}

  private static RouterPortInput routerPort(LogicalRouterPort lrp) {
    PortAddresses addresses;
    try {
      addresses = PortAddresses.ofRouterPort(lrp.mac(), lrp.networks().stream().sorted().toList());
    } catch (IllegalArgumentException e) {
      addresses = null;
    }
    return new RouterPortInput(lrp.uuid().uuid(), lrp.name(), addresses,
        lrp.enabled().orElse(true), lrp.peer(), lrp.options(), lrp.ipv6RaConfigs());
  }

  private static SwitchPortInput switchPort(LogicalSwitchPort lsp,
      Map<String, RouterPortInput> routerPorts) {
    Optional<RouterPortInput> peer = Optional.empty();
    if (lsp.type().equals("router")) {
      String name = lsp.options().get("router-port");
      peer = Optional.ofNullable(name == null ? null : routerPorts.get(name))
          .filter(rp -> rp.addresses() != null);
    }
    List<PortAddresses> addresses = new ArrayList<>();
    boolean unknown = false;
    for (String a : lsp.addresses().stream().sorted().toList()) {
      String word = a.trim();
      if (word.equals("unknown")) {
        unknown = true;
      } else if (word.equals("router")) {
        peer.ifPresent(rp -> addresses.add(rp.addresses()));
      } else if (word.endsWith("dynamic") || word.startsWith("dynamic")) {
        lsp.dynamicAddresses().flatMap(PortAddresses::parse).ifPresent(addresses::add);
      } else {
        PortAddresses.parse(word).ifPresent(addresses::add);
      }
    }
    return new SwitchPortInput(lsp.uuid().uuid(), lsp.name(), lsp.type(), lsp.options(),
        addresses, unknown, lsp.portSecurity().stream().sorted().toList(),
        lsp.enabled().orElse(true), peer);
  }

  private static RouterInput router(ReplicaSnapshot nb, LogicalRouter lr,
      Map<String, RouterPortInput> routerPorts, Map<String, Attachment> attachments) {
    List<RouterAttachment> ports = new ArrayList<>();
    for (var ref : lr.ports()) {
      LogicalRouterPort.get(nb, ref).ifPresent(lrp -> {
        RouterPortInput port = routerPorts.get(lrp.name());
        if (port != null && port.uuid().equals(lrp.uuid().uuid()) && port.addresses() != null) {
          ports.add(attachment(port, routerPorts, attachments.get(lrp.name())));
        }
      });
    }
    ports.sort(Comparator.comparing(a -> a.port().name()));
    List<StaticRoute> routes = new ArrayList<>();
    for (var ref : lr.staticRoutes()) {
      LogicalRouterStaticRoute.get(nb, ref).ifPresent(r -> routes.add(new StaticRoute(
          r.uuid().uuid(), r.ipPrefix(), r.nexthop(), r.outputPort(),
          r.policy().orElse("dst-ip"), r.routeTable(), r.options())));
    }
    routes.sort(Comparator.comparing(StaticRoute::ipPrefix).thenComparing(StaticRoute::nexthop)
        .thenComparing(StaticRoute::uuid));
    return new RouterInput(lr.uuid().uuid(), lr.name(), lr.options(), ports, routes,
        RouterNat.read(nb, lr, name -> Optional.ofNullable(attachments.get(name))
            .map(a -> a.sw().ports().stream().anyMatch(p -> p.type().equals("localnet")))
            .orElse(false)));
  }

  private static RouterAttachment attachment(RouterPortInput port,
      Map<String, RouterPortInput> routerPorts, Attachment attached) {
    Optional<RouterPortInput> peer = port.peer().map(routerPorts::get)
        .filter(p -> p.addresses() != null);
    List<PortAddresses> neighbors = new ArrayList<>();
    List<PortAddresses> routerNeighbors = new ArrayList<>();
    if (attached != null) {
      for (SwitchPortInput other : attached.sw().ports()) {
        if (other.name().equals(attached.port().name())) {
          continue;
        }
        if (other.isRouter()) {
          other.routerPeer().filter(rp -> !rp.name().equals(port.name()))
              .ifPresent(rp -> routerNeighbors.add(rp.addresses()));
        } else if (other.enabled() && !other.type().equals("virtual")) {
          neighbors.addAll(other.addresses());
        }
      }
    }
    return new RouterAttachment(port, Optional.ofNullable(attached).map(a -> a.port().name()),
        neighbors, routerNeighbors, peer);
  }
}
