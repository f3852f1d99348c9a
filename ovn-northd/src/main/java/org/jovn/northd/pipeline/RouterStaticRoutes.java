package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING;
import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING_ECMP;
import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING_PRE;
import static org.jovn.northd.pipeline.RouterRouting.ECMP_GROUP_ID;
import static org.jovn.northd.pipeline.RouterRouting.ECMP_MEMBER_ID;
import static org.jovn.northd.pipeline.RouterRouting.ROUTE_TABLE_ID;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.StaticRoute;
import org.jovn.northd.pipeline.RouterRouting.Route;

/**
 * {@code Logical_Router_Static_Route}s as routing flows. Routes are taken in the order of the
 * router's {@code static_routes} column (by row UUID), which fixes the numbers OVN gives to route
 * tables and ECMP groups and members:
 * <ul>
 *   <li>route tables are numbered from 1 in order of first use, router ports'
 *       {@code options:route_table} first; a port with one sets {@code reg7} in
 *       {@code lr_in_ip_routing_pre};
 *   <li>a route whose next hop is on none of the router's networks (nor on its
 *       {@code output_port}), or that does not parse, is left out;
 *   <li>routes with the same prefix, policy and route table form an ECMP group, numbered in the
 *       order groups get their second route; the routing flow picks a member with
 *       {@code select()} and {@code lr_in_ip_routing_ecmp} has one flow per member.
 * </ul>
 */
final class RouterStaticRoutes {
  private RouterStaticRoutes() {}

  /** A route that parsed and has a way out (unless it discards). */
  private record Parsed(StaticRoute route, Route match, String key, boolean discard) {}

  /** The port a route leaves through and the router's address on it. */
  private record Exit(RouterPort port, String portIp) {}

  static void build(RouterContext ctx, FlowSink sink) {
    Map<String, Integer> tables = new HashMap<>();
    routeTablesOfPorts(ctx, tables, sink);
    Map<String, List<Parsed>> groups = new LinkedHashMap<>();
    Map<String, Parsed> unique = new LinkedHashMap<>();
    List<StaticRoute> routes = ctx.input().routes().stream()
        .sorted(Comparator.comparing(StaticRoute::uuid, RouterContext.UUID_ORDER)).toList();
    for (StaticRoute route : routes) {
      Optional<Parsed> p = parse(ctx, route, tables);
      if (p.isEmpty()) {
        continue;
      }
      String key = p.get().key();
      if (groups.containsKey(key)) {
        groups.get(key).add(p.get());
      } else if (unique.containsKey(key)) {
        groups.put(key, new ArrayList<>(List.of(unique.remove(key), p.get())));
      } else {
        unique.put(key, p.get());
      }
    }
    int groupId = 1;
    for (List<Parsed> members : groups.values()) {
      ecmp(ctx, sink, groupId++, members);
    }
    unique.values().forEach(p -> single(ctx, sink, p));
  }

  private static void routeTablesOfPorts(RouterContext ctx, Map<String, Integer> tables,
      FlowSink sink) {
    for (RouterAttachment a : ctx.attachmentsByUuid()) {
      int id = tableId(tables, a.port().options().getOrDefault("route_table", ""));
      if (id != 0) {
        sink.add(LR_IN_IP_ROUTING_PRE, 100, "inport == \"" + a.port().name() + "\"",
            ROUTE_TABLE_ID + " = " + id + "; next;");
      }
    }
  }

  private static int tableId(Map<String, Integer> tables, String name) {
    return name.isEmpty() ? 0 : tables.computeIfAbsent(name, n -> tables.size() + 1);
  }

  private static Optional<Parsed> parse(RouterContext ctx, StaticRoute r,
      Map<String, Integer> tables) {
    boolean discard = r.nexthop().equals("discard");
    Optional<RoutePrefix> nexthop = Optional.empty();
    if (!discard && !r.nexthop().isEmpty()) {
      nexthop = RoutePrefix.parse(r.nexthop());
      if (nexthop.isEmpty() || !nexthop.get().isHost()) {
        return Optional.empty();
      }
    }
    Optional<RoutePrefix> prefix = RoutePrefix.parse(r.ipPrefix());
    if (prefix.isEmpty() || nexthop.map(n -> n.v4() != prefix.get().v4()).orElse(false)) {
      return Optional.empty();
    }
    RoutePrefix pf = prefix.get();
    if (!discard && exit(ctx, r, pf.v4()).isEmpty()) {
      return Optional.empty();
    }
    boolean source = r.policy().equals("src-ip");
    int table = tableId(tables, r.routeTable());
    int offset = "connected".equals(r.options().get("origin"))
        ? RouterRouting.OFFSET_CONNECTED : RouterRouting.OFFSET_STATIC;
    Route match = new Route(pf.v4(), pf.network(), pf.plen(), source, table, offset);
    String key = pf.address() + "/" + pf.plen() + " " + source + " " + table;
    return Optional.of(new Parsed(r, match, key, discard));
  }

  /**
   * The port a route leaves through: its {@code output_port}, or else the first port (in the
   * router's {@code ports} order) with a network containing the next hop. The router's address
   * is the one on the next hop's network, or for an {@code output_port} without one, the port's
   * first address of the route's family.
   */
  private static Optional<Exit> exit(RouterContext ctx, StaticRoute r, boolean v4) {
    if (r.outputPort().isPresent()) {
      Optional<RouterPort> out = ctx.port(r.outputPort().get());
      if (out.isEmpty()) {
        return Optional.empty();
      }
      Optional<String> ip = r.nexthop().isEmpty() ? Optional.empty()
          : out.get().memberIp(r.nexthop());
      return ip.or(() -> out.get().firstIp(v4)).map(a -> new Exit(out.get(), a));
    }
    if (r.nexthop().isEmpty()) {
      return Optional.empty();
    }
    for (RouterAttachment a : ctx.attachmentsByUuid()) {
      RouterPort p = ctx.port(a);
      Optional<String> ip = p.memberIp(r.nexthop());
      if (ip.isPresent()) {
        return Optional.of(new Exit(p, ip.get()));
      }
    }
    return Optional.empty();
  }

  private static void single(RouterContext ctx, FlowSink sink, Parsed p) {
    if (p.discard()) {
      RouterRouting.addDiscard(sink, p.match());
      return;
    }
    exit(ctx, p.route(), p.match().v4()).ifPresent(e ->
        RouterRouting.add(sink, p.match(), e.port(), e.portIp(), p.route().nexthop()));
  }

  /** One routing flow choosing among the members, and one flow per member. */
  private static void ecmp(RouterContext ctx, FlowSink sink, int groupId, List<Parsed> members) {
    Route r = members.get(0).match();
    StringJoiner ids = new StringJoiner(", ", "select(", ");");
    for (int i = 1; i <= members.size(); i++) {
      ids.add(Integer.toString(i));
    }
    sink.add(LR_IN_IP_ROUTING, r.priority(), r.match(null), "ip.ttl--; flags.loopback = 1; "
        + ECMP_GROUP_ID + " = " + groupId + "; " + ECMP_MEMBER_ID + " = " + ids);
    for (int i = 0; i < members.size(); i++) {
      StaticRoute route = members.get(i).route();
      Optional<Exit> e = exit(ctx, route, r.v4());
      if (e.isEmpty()) {
        continue;
      }
      sink.add(LR_IN_IP_ROUTING_ECMP, 100,
          ECMP_GROUP_ID + " == " + groupId + " && " + ECMP_MEMBER_ID + " == " + (i + 1),
          (r.v4() ? "reg0" : "xxreg0") + " = " + route.nexthop() + "; "
              + (r.v4() ? "reg1" : "xxreg1") + " = " + e.get().portIp() + "; eth.src = "
              + e.get().port().mac() + "; outport = " + e.get().port().key() + "; next;");
    }
  }
}
