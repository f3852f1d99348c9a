package org.jovn.northd.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.RouterInput;

/**
 * The logical flows of a logical router, as ovn-northd 23.03 writes them: L2 admission, neighbor
 * learning, IP input (ARP, ND, ICMP and TCP reset replies for the router's addresses; martian,
 * broadcast and multicast drops), routing to connected networks and static routes (source or
 * destination, route tables, discard, ECMP), next-hop resolution and ARP/ND requests, IPv6 router
 * advertisements in reply to router solicitations ({@code ipv6_ra_configs}), and delivery; for
 * gateway routers and distributed gateway ports also NAT (SNAT, DNAT, floating IPs) and gateway
 * redirection; and load balancers ({@link RouterLbFlows}). Flows may refer to the router's datapath
 * tunnel key ({@link org.jovn.northd.flow.TunnelKeyRef}).
 *
 * <p>The result is a set: a flow that two rules would add twice appears once, as in the
 * Southbound database. Flows are about no port in particular ({@code inOutPort} null).
 *
 * <p>Stateless and thread-safe.
 */
public final class RouterPipeline {
  private RouterPipeline() {}

  /**
   * Every flow of the router, ingress and egress, in no particular order.
   *
   * @param in the router's input; not null
   * @return the flows, without duplicates; an immutable list
   */
  public static List<LogicalFlow> flows(RouterInput in) {
    RouterContext ctx = new RouterContext(in);
    FlowSink sink = new FlowSink();
    RouterAdmission.build(ctx, sink);
    RouterIpInput.build(ctx, sink);
    RouterRouting.build(ctx, sink);
    RouterArp.build(ctx, sink);
    RouterRaFlows.build(ctx, sink);
    RouterDefaults.build(ctx, sink);
    RouterNatFlows.build(ctx, sink);
    RouterNatArp.build(ctx, sink);
    RouterGateway.build(ctx, sink);
    RouterLbFlows.build(ctx, sink);
    Set<LogicalFlow> unique = new LinkedHashSet<>(sink.flows());
    return List.copyOf(unique);
  }
}
