package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_DNS_LOOKUP;
import static org.jovn.northd.flow.Stage.LS_IN_DNS_RESPONSE;
import static org.jovn.northd.flow.Stage.LS_OUT_ACL;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.SwitchInput;

/**
 * DNS answered by OVN, ingress tables 22 and 23: on a switch with DNS records, ovn-controller
 * looks up every query ({@code dns_lookup}, which sets {@code reg0[4]} when it found the name
 * and turned the query into the answer) and the answer goes back out of the port it came from.
 * Egress ACL table 4 lets the answers through whatever the ACLs say.
 */
final class SwitchDnsFlows {
  private static final String FOUND = "reg0[4]";
  private static final String QUERY = "udp.dst == 53";

  private SwitchDnsFlows() {
  }

  static void build(SwitchInput in, FlowSink sink) {
    if (!in.dhcpDns().dnsRecords()) {
      return;
    }
    sink.add(LS_IN_DNS_LOOKUP, 100, QUERY, FOUND + " = dns_lookup(); next;");
    String back = "udp.dst = udp.src; udp.src = 53; outport = inport; flags.loopback = 1; "
        + "output;";
    sink.add(LS_IN_DNS_RESPONSE, 100, QUERY + " && " + FOUND,
        "eth.dst <-> eth.src; ip4.src <-> ip4.dst; " + back);
    sink.add(LS_IN_DNS_RESPONSE, 100, QUERY + " && " + FOUND,
        "eth.dst <-> eth.src; ip6.src <-> ip6.dst; " + back);
    sink.add(LS_OUT_ACL, SwitchDhcpFlows.ACL_BYPASS, "udp.src == 53",
        SwitchDhcpFlows.aclBypassAction(in));
  }
}
