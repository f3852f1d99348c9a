package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_ARP_RESOLVE;
import static org.jovn.northd.flow.Stage.LR_IN_GW_REDIRECT;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterNat.Rule;

/**
 * Ingress table 20, gateway redirect, for distributed gateway ports: traffic routed out of a
 * gateway port that no floating-IP flow claimed goes to the port's chassis-redirect instance
 * {@code cr-PORT}, which ovn-controller delivers to the active gateway chassis. Stateless NAT
 * rules with external-IP filters add their exceptions here. With
 * {@code options:redirect-type=bridged}, unresolved next hops go to the gateway port's MAC.
 */
final class RouterGateway {
  private RouterGateway() {}

  static void build(RouterContext ctx, FlowSink sink) {
    for (RouterPort p : ctx.gatewayPorts()) {
      String match = "outport == " + p.key();
      String actions = "outport = " + RouterContext.redirectKey(p) + "; next;";
      sink.add(LR_IN_GW_REDIRECT, 50, match, actions);
      boolean defaultDrop = true;
      for (Rule r : ctx.nat().rules()) {
        if (!r.stateless()
            || (r.allowedExtIps().isEmpty() && r.exemptedExtIps().isEmpty())) {
          continue;
        }
        String family = r.externalV6() ? "6" : "4";
        String filtered = match + " && ip" + family + ".src == $"
            + r.allowedExtIps().orElseGet(() -> r.exemptedExtIps().get());
        if (r.allowedExtIps().isPresent()) {
          sink.add(LR_IN_GW_REDIRECT, 75, filtered, actions);
          if (defaultDrop) {
            sink.add(LR_IN_GW_REDIRECT, 70, "ip && ip" + family + ".dst == " + r.externalIp(),
                "drop;");
            defaultDrop = false;
          }
        } else {
          sink.add(LR_IN_GW_REDIRECT, 75, filtered, "drop;");
        }
      }
    }
    bridged(ctx, sink);
  }

  /** Whether some port of the router has {@code options:redirect-type=bridged}. */
  static boolean redirectBridged(RouterContext ctx) {
    return ctx.attachments().stream().anyMatch(RouterGateway::bridged);
  }

  private static boolean bridged(RouterAttachment a) {
    return "bridged".equalsIgnoreCase(a.port().options().get("redirect-type"));
  }

  /** Bridged redirect: next hops a non-gateway chassis cannot resolve go to the port's MAC. */
  private static void bridged(RouterContext ctx, FlowSink sink) {
    for (RouterAttachment a : ctx.attachments()) {
      RouterPort p = ctx.port(a);
      if (ctx.isGatewayPort(p) && bridged(a)) {
        sink.add(LR_IN_ARP_RESOLVE, 50, "outport == " + p.key() + " && !is_chassis_resident("
            + RouterContext.redirectKey(p) + ")", "eth.dst = " + p.mac() + "; next;");
      }
    }
  }
}
