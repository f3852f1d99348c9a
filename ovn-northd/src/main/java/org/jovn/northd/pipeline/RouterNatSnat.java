package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_DNAT;
import static org.jovn.northd.flow.Stage.LR_OUT_SNAT;
import static org.jovn.northd.pipeline.RouterNatFlows.DST_NAT_IP_LOCAL;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterNat.Rule;
import org.jovn.northd.pipeline.NatRules.Checked;

/**
 * Egress SNAT for {@code snat} and {@code dnat_and_snat} rules, and the external-IP filters
 * ({@code allowed_ext_ips}, {@code exempted_ext_ips}) NAT flows can carry. The priority of a
 * SNAT flow grows with the length of the logical network, so the most specific rule wins; on a
 * distributed router it is 128 higher, and a second flow one above it SNATs in the SNAT zone
 * traffic that was DNATed on this chassis.
 */
final class RouterNatSnat {
  private RouterNatSnat() {}

  static void snat(RouterContext ctx, Checked c, FlowSink sink) {
    Rule r = c.rule();
    if (!r.translatesSource()) {
      return;
    }
    String range = r.externalPortRange().isEmpty() ? "" : "," + r.externalPortRange();
    if (ctx.gatewayRouter()) {
      StringBuilder match = new StringBuilder("ip && ip" + c.family() + ".src == "
          + r.logicalIp());
      externalIpFilter(ctx, c, false, match, sink);
      String actions;
      if (r.isDnatAndSnat() && r.stateless()) {
        actions = "ip" + c.family() + ".src=" + r.externalIp() + "; next;";
      } else {
        match.append(" && (!ct.trk || !ct.rpl)");
        actions = "ct_snat(" + r.externalIp() + range + ");";
      }
      sink.add(LR_OUT_SNAT, c.cidrBits() + 1, match.toString(), actions);
      return;
    }
    int priority = c.cidrBits() + 1 + 128;
    StringBuilder match = new StringBuilder("ip && ip" + c.family() + ".src == "
        + r.logicalIp() + " && outport == " + c.gatewayPort().key() + " && "
        + RouterNatFlows.resident(c));
    externalIpFilter(ctx, c, false, match, sink);
    String eth = c.distributed() ? "eth.src = " + c.mac() + "; " : "";
    sink.add(LR_OUT_SNAT, priority, match.toString(), eth + (r.stateless()
        ? "ip" + c.family() + ".src=" + r.externalIp() + "; next;"
        : "ct_snat_in_czone(" + r.externalIp() + range + ");"));
    if (!r.stateless()) {
      sink.add(LR_OUT_SNAT, priority + 1, match + " && " + DST_NAT_IP_LOCAL + " == 1",
          eth + DST_NAT_IP_LOCAL + " = 0; ct_snat(" + r.externalIp() + range + ");");
    }
  }

  /**
   * Narrows a NAT flow to {@code allowed_ext_ips}, or adds a flow two priorities above it that
   * lets {@code exempted_ext_ips} through untranslated.
   *
   * @param source whether the external side is the source (DNAT) or the destination (SNAT)
   */
  static void externalIpFilter(RouterContext ctx, Checked c, boolean source,
      StringBuilder match, FlowSink sink) {
    Rule r = c.rule();
    String field = " && ip" + c.family() + "." + (source ? "src" : "dst") + " == $";
    if (r.allowedExtIps().isPresent()) {
      match.append(field).append(r.allowedExtIps().get());
    } else if (r.exemptedExtIps().isPresent()) {
      int priority = source ? 102 : c.cidrBits() + 3 + (ctx.gatewayRouter() ? 0 : 128);
      sink.add(source ? LR_IN_DNAT : LR_OUT_SNAT, priority,
          match + field + r.exemptedExtIps().get(), "next;");
    }
  }
}
