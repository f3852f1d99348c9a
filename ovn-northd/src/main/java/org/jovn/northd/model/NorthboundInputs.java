package org.jovn.northd.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import org.jovn.ovsdb.client.ChangeCursor;
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
  private final ServiceMonitors serviceMonitors;

  private NorthboundInputs(Map<UUID, SwitchInput> switches, Map<UUID, RouterInput> routers,
      ServiceMonitors serviceMonitors) {
    this.switches = switches;
    this.routers = routers;
    this.serviceMonitors = serviceMonitors;
  }

  /** The load balancer health checks the inputs were resolved with. */
  public ServiceMonitors serviceMonitors() {
    return serviceMonitors;
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
    return read(nb, null, cache);
  }

  /**
   * As {@link #read(ReplicaSnapshot, Cache)}, with the health check statuses of the
   * Southbound snapshot {@code sb} (null: every status unset).
   */
  public static NorthboundInputs read(ReplicaSnapshot nb, ReplicaSnapshot sb, Cache cache) {
    cache.readServiceMonitors(nb, sb);
    Set<UUID> changed = cache.changedSwitches(nb);
    Map<UUID, Row> lrpRows = nb.rows(LogicalRouterPort.TABLE);
    Map<String, RouterPortInput> routerPorts = cache.routersUnchanged ? cache.lastRouterPorts
        : new HashMap<>();
    if (!cache.routersUnchanged) {
      Map<String, RouterPortNat> portNat = RouterNat.portViews(nb,
          lr -> cache.routerLoadBalancers(nb, lr));
      for (Row row : lrpRows.values()) {
        RouterPortInput rp = cache.routerPorts.get(row,
            r -> routerPort(LogicalRouterPort.from(r)));
        rp = rp.withNat(portNat.getOrDefault(rp.name(), RouterPortNat.NONE));
        routerPorts.put(rp.name(), rp);
      }
      cache.routerPorts.retain(lrpRows);
      cache.lastRouterPorts = routerPorts;
    }

    Map<UUID, Row> lsRows = nb.rows(LogicalSwitch.TABLE);
    List<LogicalSwitch> lsList = new ArrayList<>(lsRows.size());
    lsRows.values().forEach(r -> lsList.add(cache.switchRows.get(r, LogicalSwitch::from)));
    lsList.sort(Comparator.comparing(LogicalSwitch::name).thenComparing(ls -> ls.uuid().uuid()));
    cache.switchRows.retain(lsRows);
    Map<UUID, SwitchInput> switches = new LinkedHashMap<>();
    // For each router port name: the switch port attached to it and its switch's other ports.
    Map<String, Attachment> attachments = new HashMap<>();
    Map<UUID, Row> lspRows = nb.rows(LogicalSwitchPort.TABLE);
    for (LogicalSwitch ls : lsList) {
      UUID id = ls.uuid().uuid();
      Row lsRow = lsRows.get(id);
      SwitchSource source = cache.switchSources.get(id);
      if (changed == null || source == null || source.row() != lsRow || changed.contains(id)) {
        source = cache.readSwitch(nb, ls, lsRow, lspRows, routerPorts);
      }
      SwitchInput in = source.input();
      switches.put(id, in);
      for (SwitchPortInput p : source.routerPorts()) {
        p.routerPeer().ifPresent(rp -> attachments.putIfAbsent(rp.name(), new Attachment(p, in)));
      }
    }
    cache.switchSources.keySet().retainAll(switches.keySet());
    cache.switchPorts.retain(lspRows);
    cache.loadBalancers.retain(nb.rows(LoadBalancer.TABLE));
    cache.switches.keySet().retainAll(switches.keySet());

    Map<UUID, RouterInput> routers = new LinkedHashMap<>();
    Map<UUID, Row> lrRows = nb.rows(LogicalRouter.TABLE);
    List<LogicalRouter> lrList = new ArrayList<>(lrRows.size());
    lrRows.values().forEach(r -> lrList.add(cache.routerRows.get(r, LogicalRouter::from)));
    lrList.sort(Comparator.comparing(LogicalRouter::name).thenComparing(lr -> lr.uuid().uuid()));
    cache.routerRows.retain(lrRows);
    for (LogicalRouter lr : lrList) {
      Row lrRow = lrRows.get(lr.uuid().uuid());
      List<Object> attached = new ArrayList<>();
      for (var ref : lr.ports()) {
        Row lrp = lrpRows.get(ref.uuid());
        RouterPortInput rp = lrp == null ? null : cache.routerPorts.peek(lrp);
        Attachment a = rp == null ? null : attachments.get(rp.name());
        attached.add(a == null ? null : a.sw());
        attached.add(a == null ? null : a.port());
      }
      RouterSource source = cache.routerSources.get(lr.uuid().uuid());
      if (!cache.routersUnchanged || source == null || source.row() != lrRow
          || !Identity.sameObjects(source.attached(), attached)) {
        source = new RouterSource(lrRow, attached, router(nb, lr, cache, routerPorts, attachments,
            cache.routerLoadBalancers(nb, lr)));
        cache.routerSources.put(lr.uuid().uuid(), source);
      }
      routers.put(lr.uuid().uuid(), source.input());
    }
    cache.routerSources.keySet().retainAll(routers.keySet());
    cache.staticRoutes.retain(nb.rows(LogicalRouterStaticRoute.TABLE));
    return new NorthboundInputs(switches, routers, cache.monitors);
  }

  /**
   * What {@link #read(ReplicaSnapshot, Cache)} keeps between reads. Not thread-safe: one
   * reader.
   */
  public static final class Cache {
    /**
     * The tables a switch's input depends on besides its own row and its ports' rows: while
     * none of them changes (compared by identity: a snapshot reuses an unchanged table's map),
     * a switch whose row and ports did not change keeps its input without being read again.
     */
    private static final List<String> SWITCH_DEPENDENCIES = List.of("ACL", "Port_Group",
        "Meter", "DHCP_Options", "DNS", "Load_Balancer", "Load_Balancer_Group",
        "Logical_Router", "Logical_Router_Port", "NAT");

    /**
     * The tables a router's input depends on besides its own row and the switches it attaches
     * to (so do the switches' router ports); the switch port named by a NAT rule counts too.
     */
    private static final List<String> ROUTER_DEPENDENCIES = List.of("Logical_Router",
        "Logical_Router_Port", "Logical_Router_Static_Route", "NAT", "Load_Balancer",
        "Load_Balancer_Group", "Address_Set");

    private final RowMemo<LogicalSwitch> switchRows = new RowMemo<>();
    private final RowMemo<LogicalRouter> routerRows = new RowMemo<>();
    private final RowMemo<StaticRoute> staticRoutes = new RowMemo<>();
    private final Map<UUID, RouterSource> routerSources = new HashMap<>();
    private List<Map<UUID, Row>> lastRouterDependencies = List.of();
    private Map<String, RouterPortInput> lastRouterPorts = Map.of();
    /** Whether the last {@link #changedSwitches} found every router dependency unchanged. */
    private boolean routersUnchanged;
    private final Map<UUID, SwitchSource> switchSources = new HashMap<>();
    /** The switches each switch port was last read in. */
    private final Map<UUID, Set<UUID>> portOwners = new HashMap<>();
    private final ChangeCursor portChanges = new ChangeCursor(LogicalSwitchPort.TABLE);
    private List<Map<UUID, Row>> lastDependencies = List.of();
    private Map<String, String> lastGlobalOptions = Map.of();
    private final RowMemo<RouterPortInput> routerPorts = new RowMemo<>();
    private final RowMemo<SwitchPortInput> switchPorts = new RowMemo<>();
    private final Map<UUID, SwitchInput> switches = new HashMap<>();
    private final RowMemo<LoadBalancerInput> loadBalancers = new RowMemo<>();
    /** The health checks of the current read, and the tables they were read from. */
    private ServiceMonitors monitors = ServiceMonitors.NONE;
    private List<Map<UUID, Row>> monitorTables = List.of();
    /** Whether the health checks differ from those of the previous read. */
    private boolean monitorsChanged;

    /**
     * Reads the health checks again if a table they depend on changed (compared by identity,
     * like the switch dependencies).
     */
    void readServiceMonitors(ReplicaSnapshot nb, ReplicaSnapshot sb) {
      List<Map<UUID, Row>> tables = new ArrayList<>(List.of(
          nb.rows(org.jovn.ovn.nb.LoadBalancerHealthCheck.TABLE), nb.rows(LoadBalancer.TABLE),
          nb.rows(LogicalSwitchPort.TABLE), nb.rows(LogicalSwitch.TABLE),
          nb.rows(org.jovn.ovn.nb.NbGlobal.TABLE)));
      if (sb != null) {
        tables.add(sb.rows(org.jovn.ovn.sb.ServiceMonitor.TABLE));
        tables.add(sb.rows(org.jovn.ovn.sb.PortBinding.TABLE));
      }
      if (Identity.sameObjects(tables, monitorTables)) {
        monitorsChanged = false;
        return;
      }
      ServiceMonitors now = ServiceMonitors.read(nb, sb,
          r -> loadBalancers.get(r, row -> LoadBalancerInput.read(LoadBalancer.from(row))));
      monitorsChanged = !now.equals(monitors);
      monitors = now;
      monitorTables = tables;
    }

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
      return loadBalancerInputs(nb, ids);
    }

    /**
     * The load balancers of a router in the order ovn-northd adds their VIPs to the router's
     * VIP set: those of its groups, the group with the most load balancers first and the
     * others in turn, then its own; each once, each group's and its own by UUID.
     */
    List<LoadBalancerInput> routerLoadBalancers(ReplicaSnapshot nb, LogicalRouter lr) {
      if (lr.loadBalancer().isEmpty() && lr.loadBalancerGroup().isEmpty()) {
        return List.of();
      }
      List<LoadBalancerGroup> groups = new ArrayList<>();
      lr.loadBalancerGroup().stream()
          .sorted(Comparator.comparing(Ref<LoadBalancerGroup>::uuid, RouterNat.UUID_ORDER))
          .forEach(r -> LoadBalancerGroup.get(nb, r).ifPresent(groups::add));
      int largest = 0;
      for (int i = 1; i < groups.size(); i++) {
        if (groups.get(i).loadBalancer().size() > groups.get(largest).loadBalancer().size()) {
          largest = i;
        }
      }
      Set<UUID> ids = new java.util.LinkedHashSet<>();
      for (int i = 0; i < groups.size(); i++) {
        groups.get((i + largest) % groups.size()).loadBalancer().stream().map(Ref::uuid)
            .sorted(RouterNat.UUID_ORDER).forEach(ids::add);
      }
      lr.loadBalancer().stream().map(Ref::uuid).sorted(RouterNat.UUID_ORDER).forEach(ids::add);
      return loadBalancerInputs(nb, ids);
    }

    /** The inputs of the load balancers with these UUIDs that exist, in the same order. */
    private List<LoadBalancerInput> loadBalancerInputs(ReplicaSnapshot nb, Set<UUID> ids) {
      Map<UUID, Row> rows = nb.rows(LoadBalancer.TABLE);
      List<LoadBalancerInput> out = new ArrayList<>();
      for (UUID id : ids) {
        Row row = rows.get(id);
        if (row != null) {
          out.add(monitors.resolve(
              loadBalancers.get(row, r -> LoadBalancerInput.read(LoadBalancer.from(r)))));
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

    /**
     * The switches that must be read again in {@code nb} even if their own row is unchanged:
     * those owning a switch port changed since the last read; null if every switch must be (a
     * table they depend on changed, or the replica cannot tell what changed).
     */
    Set<UUID> changedSwitches(ReplicaSnapshot nb) {
      List<Map<UUID, Row>> dependencies = new ArrayList<>(SWITCH_DEPENDENCIES.size());
      SWITCH_DEPENDENCIES.forEach(t -> dependencies.add(nb.rows(t)));
      Map<String, String> globalOptions = org.jovn.ovn.nb.NbGlobal.all(nb).findFirst()
          .map(org.jovn.ovn.nb.NbGlobal::options).orElse(Map.of());
      List<Map<UUID, Row>> routerDependencies = new ArrayList<>(ROUTER_DEPENDENCIES.size());
      ROUTER_DEPENDENCIES.forEach(t -> routerDependencies.add(nb.rows(t)));
      Optional<Set<UUID>> ports = portChanges.next(nb);
      routersUnchanged = ports.isPresent() && !monitorsChanged
          && Identity.sameObjects(routerDependencies, lastRouterDependencies)
          && !natPortChanged(nb, ports.get());
      boolean same = routersUnchanged && globalOptions.equals(lastGlobalOptions)
          && Identity.sameObjects(dependencies, lastDependencies);
      lastDependencies = dependencies;
      lastRouterDependencies = routerDependencies;
      lastGlobalOptions = globalOptions;
      if (!same) {
        portOwners.clear();
        return null;
      }
      Set<UUID> out = new HashSet<>();
      ports.get().forEach(p -> out.addAll(portOwners.getOrDefault(p, Set.of())));
      return out;
    }

    /**
     * Whether a changed switch port may be one a NAT rule names (a deleted port, whose name is
     * gone, may be): the rule's view depends on the port's type.
     */
    private static boolean natPortChanged(ReplicaSnapshot nb, Set<UUID> changedPorts) {
      Set<String> natPorts = new HashSet<>();
      org.jovn.ovn.nb.Nat.all(nb).forEach(n -> n.logicalPort().ifPresent(natPorts::add));
      if (natPorts.isEmpty() || changedPorts.isEmpty()) {
        return false;
      }
      Map<UUID, Row> lsps = nb.rows(LogicalSwitchPort.TABLE);
      var name = nb.schema().table(LogicalSwitchPort.TABLE).column(LogicalSwitchPort.NAME);
      for (UUID u : changedPorts) {
        Row r = lsps.get(u);
        if (r == null || natPorts.contains((String) r.get(name).first())) {
          return true;
        }
      }
      return false;
    }

    /** Reads one switch's input and remembers what it was read from. */
    SwitchSource readSwitch(ReplicaSnapshot nb, LogicalSwitch ls, Row lsRow,
        Map<UUID, Row> lspRows, Map<String, RouterPortInput> routerPorts) {
      List<SwitchPortInput> ports = new ArrayList<>();
      for (var ref : ls.ports()) {
        Row row = lspRows.get(ref.uuid());
        if (row != null) {
          ports.add(switchPort(row, routerPorts));
        }
        portOwners.computeIfAbsent(ref.uuid(), k -> new HashSet<>(1)).add(ls.uuid().uuid());
      }
      if (portOwners.size() > 2 * lspRows.size() + 16) {
        portOwners.keySet().retainAll(lspRows.keySet());
      }
      ports.sort(Comparator.comparing(SwitchPortInput::name));
      SwitchInput in = reuse(new SwitchInput(ls.uuid().uuid(), ls.name(),
          ls.otherConfig(), ports, SwitchAcls.read(nb, ls), SwitchDhcpDns.read(nb, ls),
          loadBalancers(nb, ls.loadBalancer(), ls.loadBalancerGroup()),
          monitors.sourcesOf(ls.uuid().uuid())));
      SwitchSource source = new SwitchSource(lsRow, in,
          in.ports().stream().filter(p -> p.routerPeer().isPresent()).toList());
      switchSources.put(in.uuid(), source);
      return source;
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

  /** A router's input, the row it was read from, and the switch inputs it attaches to. */
  private record RouterSource(Row row, List<Object> attached, RouterInput input) {}

  /** A switch's input, the row it was read from, and its ports that attach to routers. */
  private record SwitchSource(Row row, SwitchInput input, List<SwitchPortInput> routerPorts) {}

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

  private static RouterInput router(ReplicaSnapshot nb, LogicalRouter lr, Cache cache,
      Map<String, RouterPortInput> routerPorts, Map<String, Attachment> attachments,
      List<LoadBalancerInput> loadBalancers) {
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
    Map<UUID, Row> routeRows = nb.rows(LogicalRouterStaticRoute.TABLE);
    for (var ref : lr.staticRoutes()) {
      Row row = routeRows.get(ref.uuid());
      if (row != null) {
        routes.add(cache.staticRoutes.get(row, NorthboundInputs::staticRoute));
      }
    }
    routes.sort(Comparator.comparing(StaticRoute::ipPrefix).thenComparing(StaticRoute::nexthop)
        .thenComparing(StaticRoute::uuid));
    return new RouterInput(lr.uuid().uuid(), lr.name(), lr.options(), ports, routes,
        RouterNat.read(nb, lr, name -> Optional.ofNullable(attachments.get(name))
            .map(a -> a.sw().ports().stream().anyMatch(p -> p.type().equals("localnet")))
            .orElse(false)), loadBalancers);
  }

  private static StaticRoute staticRoute(Row row) {
    LogicalRouterStaticRoute r = LogicalRouterStaticRoute.from(row);
    return new StaticRoute(r.uuid().uuid(), r.ipPrefix(), r.nexthop(), r.outputPort(),
        r.policy().orElse("dst-ip"), r.routeTable(), r.options());
  }

  private static RouterAttachment attachment(RouterPortInput port,
      Map<String, RouterPortInput> routerPorts, Attachment attached) {
    Optional<RouterPortInput> peer = port.peer().map(routerPorts::get)
        .filter(p -> p.addresses() != null);
    List<PortAddresses> neighbors = new ArrayList<>();
    List<PortAddresses> routerNeighbors = new ArrayList<>();
    List<RouterPortNat.Routable> routables = new ArrayList<>();
    if (attached != null) {
      for (SwitchPortInput other : attached.sw().ports()) {
        if (other.name().equals(attached.port().name())) {
          continue;
        }
        if (other.isRouter()) {
          other.routerPeer().filter(rp -> !rp.name().equals(port.name())).ifPresent(rp -> {
            routerNeighbors.add(rp.addresses());
            routables.addAll(rp.nat().routables());
          });
        } else if (other.enabled() && !other.type().equals("virtual")) {
          neighbors.addAll(other.addresses());
        }
      }
    }
    return new RouterAttachment(port, Optional.ofNullable(attached).map(a -> a.port().name()),
        neighbors, routerNeighbors, peer, routables);
  }
}
