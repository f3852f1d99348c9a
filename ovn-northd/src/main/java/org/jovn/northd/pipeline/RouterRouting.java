package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING;
import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING_ECMP;
import static org.jovn.northd.flow.Stage.LR_IN_IP_ROUTING_PRE;
import static org.jovn.northd.flow.Stage.LR_IN_POLICY;
import static org.jovn.northd.flow.Stage.LR_IN_POLICY_ECMP;

import java.util.ArrayList;
import java.util.List;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterPortNat;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;

/**
 * Ingress tables 12 to 16: routing. Each route becomes one flow in {@code lr_in_ip_routing}
 * whose priority implements longest-prefix match: three per prefix bit, plus 2 for a directly
 * connected network and 1 for a static route, so that a connected network wins over a static
 * route of the same length and a destination route over a source route. The flow sets the
 * next hop ({@code reg0}/{@code xxreg0}), the router's own address on the way out
 * ({@code reg1}/{@code xxreg1}), {@code eth.src} and {@code outport}. Static routes are
 * {@link RouterStaticRoutes}; policies have only their defaults here. Addresses that other
 * routers' distributed gateway ports on a port's switch ask for ({@code add_route}) get host
 * routes like connected networks.
 */
final class RouterRouting {
  static final int OFFSET_STATIC = 1;
  static final int OFFSET_CONNECTED = 2;
  /** reg7: the route table a packet is looked up in (0 for the main table). */
  static final String ROUTE_TABLE_ID = "reg7";
  static final String ECMP_GROUP_ID = "reg8[0..15]";
  static final String ECMP_MEMBER_ID = "reg8[16..31]";

  private RouterRouting() {}

  /**
   * What a route matches: a destination (or, for a source route, source) network in a route
   * table.
   *
   * @param v4 IPv4 or IPv6
   * @param network the network address, host bits cleared
   * @param plen the prefix length
   * @param source whether it is a {@code src-ip} route
   * @param tableId the route table id, 0 for the main table
   * @param offset {@link #OFFSET_CONNECTED} or {@link #OFFSET_STATIC}; ignored for source routes
   */
  record Route(boolean v4, String network, int plen, boolean source, int tableId, int offset) {
    int priority() {
      return plen * 3 + (source ? 0 : offset);
    }

    /** IPv6 link-local routes only apply to packets that came in on the route's own port. */
    boolean linkLocal() {
      return !v4 && Ipv6Address.parse(network).isLinkLocal();
    }

    String match(String inportKey) {
      StringBuilder m = new StringBuilder();
      if (inportKey != null) {
        m.append("inport == ").append(inportKey).append(" && ");
      }
      if (tableId != 0 || (!source && offset == OFFSET_STATIC)) {
        m.append(ROUTE_TABLE_ID).append(" == ").append(tableId).append(" && ");
      }
      return m.append("ip").append(v4 ? "4" : "6").append('.').append(source ? "src" : "dst")
          .append(" == ").append(network).append('/').append(plen).toString();
    }
  }

  static void build(RouterContext ctx, FlowSink sink) {
    sink.add(LR_IN_IP_ROUTING_PRE, 0, "1", ROUTE_TABLE_ID + " = 0; next;");
    sink.add(LR_IN_IP_ROUTING, 10550, "nd_rs || nd_ra", "drop;");
    sink.add(LR_IN_IP_ROUTING, 0, "1", "drop;");
    sink.add(LR_IN_IP_ROUTING_ECMP, 150, ECMP_GROUP_ID + " == 0", "next;");
    sink.add(LR_IN_IP_ROUTING_ECMP, 0, "1", "drop;");
    sink.add(LR_IN_POLICY, 0, "1", ECMP_GROUP_ID + " = 0; next;");
    sink.add(LR_IN_POLICY_ECMP, 150, ECMP_GROUP_ID + " == 0", "next;");
    sink.add(LR_IN_POLICY_ECMP, 0, "1", "drop;");
    for (RouterAttachment a : ctx.attachments()) {
      connected(ctx.port(a), sink);
      neighborRoutables(a, ctx.port(a), sink);
    }
    RouterStaticRoutes.build(ctx, sink);
  }

  /** A route to each of the port's networks, the next hop being the destination itself. */
  private static void connected(RouterPort p, FlowSink sink) {
    for (Ipv4Prefix n : p.ipv4()) {
      Route r = new Route(true, n.network().toString(), n.length(), false, 0, OFFSET_CONNECTED);
      add(sink, r, p, n.address().toString(), "");
    }
    for (Ipv6Prefix n : p.ipv6()) {
      Route r = new Route(false, n.network().toString(), n.length(), false, 0, OFFSET_CONNECTED);
      add(sink, r, p, n.address().toString(), "");
    }
  }

  /**
   * Host routes, like connected ones, to the addresses that distributed gateway ports of other
   * routers on the port's switch ask for ({@code add_route}), from the port's first address.
   */
  private static void neighborRoutables(RouterAttachment a, RouterPort p, FlowSink sink) {
    if (!p.hasIpv4()) {
      return;
    }
    for (RouterPortNat.Routable r : a.neighborRoutables()) {
      List<String> ips = new ArrayList<>(r.natIps());
      ips.addAll(r.vips());
      for (String ip : ips) {
        add(sink, new Route(true, ip, 32, false, 0, OFFSET_CONNECTED), p,
            p.ipv4().get(0).address().toString(), "");
      }
    }
  }

  /**
   * Adds the flow of a route that leaves through {@code out}.
   *
   * @param portIp the router's address on {@code out} ({@code reg1}/{@code xxreg1})
   * @param gateway the next hop as written, or "" if it is the destination itself
   */
  static void add(FlowSink sink, Route r, RouterPort out, String portIp, String gateway) {
    String nexthopReg = r.v4() ? "reg0" : "xxreg0";
    String actions = "ip.ttl--; " + ECMP_GROUP_ID + " = 0; " + nexthopReg + " = "
        + (gateway.isEmpty() ? (r.v4() ? "ip4.dst" : "ip6.dst") : gateway) + "; "
        + (r.v4() ? "reg1" : "xxreg1") + " = " + portIp + "; eth.src = " + out.mac()
        + "; outport = " + out.key() + "; flags.loopback = 1; next;";
    sink.add(LR_IN_IP_ROUTING, r.priority(), r.match(r.linkLocal() ? out.key() : null),
        actions);
  }

  /** Adds the flow of a route that drops what it matches. */
  static void addDiscard(FlowSink sink, Route r) {
    sink.add(LR_IN_IP_ROUTING, r.priority(), r.match(null), "drop;");
  }
}
