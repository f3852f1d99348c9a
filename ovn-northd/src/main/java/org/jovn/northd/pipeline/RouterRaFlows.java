package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_ND_RA_OPTIONS;
import static org.jovn.northd.flow.Stage.LR_IN_ND_RA_RESPONSE;

import java.util.List;
import java.util.Optional;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.net.Ipv6Prefix;

/**
 * Ingress tables 10 and 11: a router solicitation to all routers (ff02::2) that arrives on a
 * port with {@code ipv6_ra_configs} and at least one IPv6 network that is not link-local is
 * turned into a router advertisement by ovn-controller ({@code put_nd_ra_opts}, which sets
 * {@code reg0[5]} on success) and sent back from the port's link-local address. The priority-0
 * defaults are {@link RouterDefaults}'.
 */
final class RouterRaFlows {
  /** Set by {@code put_nd_ra_opts} when the advertisement was built. */
  private static final String RESULT = "reg0[5]";

  private RouterRaFlows() {}

  static void build(RouterContext ctx, FlowSink sink) {
    for (RouterAttachment a : ctx.attachments()) {
      RouterAdvertConfig.of(a).ifPresent(c -> port(ctx.port(a), c, sink));
    }
  }

  private static void port(RouterPort p, RouterAdvertConfig c, FlowSink sink) {
    List<Ipv6Prefix> prefixes = c.prefixes();
    if (prefixes.isEmpty()) {
      return;
    }
    StringBuilder opts = new StringBuilder(RESULT).append(" = put_nd_ra_opts(addr_mode = \"")
        .append(c.addressMode()).append("\", slla = ").append(p.mac());
    int mtu = c.config("mtu").map(RouterAdvertConfig::atoi).orElse(0);
    if (mtu >= RouterAdvertConfig.MIN_MTU) {
      opts.append(", mtu = ").append(mtu);
    }
    String prf = c.config("router_preference").orElse("MEDIUM");
    if (!prf.equals("MEDIUM")) {
      opts.append(", router_preference = \"").append(prf).append('"');
    }
    c.config("rdnss").ifPresent(v -> opts.append(", rdnss = ").append(v));
    c.config("dnssl").ifPresent(v -> opts.append(", dnssl = \"").append(v).append('"'));
    Optional<String> routeInfo = c.config("route_info");
    routeInfo.ifPresent(v -> opts.append(", route_info = \"").append(v).append('"'));
    prefixes.forEach(n -> opts.append(", prefix = ").append(n.networkString()));
    String rs = "inport == " + p.key() + " && ip6.dst == ff02::2 && ";
    sink.add(LR_IN_ND_RA_OPTIONS, 50, rs + "nd_rs", opts.append("); next;").toString());
    sink.add(LR_IN_ND_RA_RESPONSE, 50, rs + "nd_ra && " + RESULT,
        "eth.dst = eth.src; eth.src = " + p.mac() + "; ip6.dst = ip6.src; ip6.src = "
            + DhcpActions.mapped(c.linkLocal()) + "; outport = inport; flags.loopback = 1; "
            + "output;");
  }
}
