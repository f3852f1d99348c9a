package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_DHCP_OPTIONS;
import static org.jovn.northd.flow.Stage.LS_IN_DHCP_RESPONSE;
import static org.jovn.northd.flow.Stage.LS_OUT_ACL;

import java.util.List;
import java.util.Optional;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.SwitchDhcpDns.DhcpConfig;
import org.jovn.northd.model.SwitchDhcpDns.PortDhcp;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.PortAddresses;

/**
 * Native DHCP, ingress tables 20 and 21: a DHCPv4 or DHCPv6 request from a port with
 * {@code dhcpv4_options} or {@code dhcpv6_options} is answered by ovn-controller
 * ({@code put_dhcp_opts} / {@code put_dhcpv6_opts}, which sets {@code reg0[3]} on success) and
 * sent straight back to the port. One offer per address entry of the port: its first address
 * inside the options' {@code cidr}. An {@code external} port (bound to a chassis of its HA
 * chassis group) is served on the switch's localnet ports. Disabled ports and router ports are
 * not served. Egress ACL table 4 lets the replies through whatever the ACLs say (priority 34000).
 */
final class SwitchDhcpFlows {
  /** Set by {@code put_dhcp_opts} / {@code put_dhcpv6_opts} when the reply was built. */
  private static final String RESULT = "reg0[3]";
  /** ACL priority of the replies ovn-controller sends on the switch's behalf. */
  static final int ACL_BYPASS = 34000;

  private SwitchDhcpFlows() {
  }

  static void build(SwitchInput in, SwitchView sw, FlowSink sink) {
    String aclAction = aclBypassAction(in);
    for (SwitchPortInput p : sw.ports()) {
      Optional<PortDhcp> dhcp = in.dhcpDns().port(p.name());
      if (dhcp.isEmpty()) {
        continue;
      }
      if (!SwitchView.isExternal(p)) {
        aclBypass(p, dhcp.get(), aclAction, sink);
      }
      serve(sw, p, dhcp.get(), sink);
    }
  }

  /** What the ACL bypass flows do: commit to conntrack where ACLs or load balancers use it. */
  static String aclBypassAction(SwitchInput in) {
    return in.acls().stateful() || in.hasLbVip() ? "ct_commit; next;" : SwitchDefaults.NEXT;
  }

  private static void serve(SwitchView sw, SwitchPortInput p, PortDhcp dhcp, FlowSink sink) {
    if (!p.enabled() || p.isRouter()) {
      return;
    }
    boolean external = SwitchView.isExternal(p);
    if (external && (sw.localnetPorts().isEmpty() || !dhcp.haChassisGroup())) {
      return;
    }
    List<SwitchPortInput> inports = external ? sw.localnetPorts() : List.of(p);
    String resident = external
        ? " && is_chassis_resident(" + SwitchView.key(p.name()) + ")" : "";
    for (PortAddresses a : p.addresses()) {
      for (SwitchPortInput inport : inports) {
        dhcp.v4().ifPresent(c -> v4(p, a, inport, resident, c, sink));
        dhcp.v6().ifPresent(c -> v6(a, inport, resident, c, sink));
      }
    }
  }

  /** DHCPv4 for the first address of the entry that the options can offer. */
  private static void v4(SwitchPortInput p, PortAddresses a, SwitchPortInput inport,
      String resident, DhcpConfig config, FlowSink sink) {
    for (Ipv4Prefix ip : a.ipv4()) {
      Optional<DhcpActions.V4> act = DhcpActions.v4(config, ip.address(), p.options());
      if (act.isEmpty()) {
        continue;
      }
      String from = "inport == " + SwitchView.key(inport.name()) + " && eth.src == " + a.mac()
          + " && ";
      String bootp = " && udp.src == 68 && udp.dst == 67";
      sink.addForPort(LS_IN_DHCP_OPTIONS, 100,
          from + "ip4.src == 0.0.0.0 && ip4.dst == 255.255.255.255" + bootp + resident,
          act.get().options(), inport.name());
      // Renewals: unicast to the server or broadcast, from the offered address.
      sink.addForPort(LS_IN_DHCP_OPTIONS, 100,
          from + act.get().renewMatch() + bootp + resident, act.get().options(), inport.name());
      sink.addForPort(LS_IN_DHCP_RESPONSE, 100,
          from + "ip4" + bootp + " && " + RESULT + resident, act.get().response(),
          inport.name());
      return;
    }
  }

  /** DHCPv6 for the first address of the entry that the options can offer. */
  private static void v6(PortAddresses a, SwitchPortInput inport, String resident,
      DhcpConfig config, FlowSink sink) {
    for (Ipv6Prefix ip : a.ipv6()) {
      Optional<DhcpActions.V6> act = DhcpActions.v6(config, ip.address());
      if (act.isEmpty()) {
        continue;
      }
      String match = "inport == " + SwitchView.key(inport.name()) + " && eth.src == " + a.mac()
          + " && ip6.dst == ff02::1:2 && udp.src == 546 && udp.dst == 547" + resident;
      sink.addForPort(LS_IN_DHCP_OPTIONS, 100, match, act.get().options(), inport.name());
      sink.addForPort(LS_IN_DHCP_RESPONSE, 100, match + " && " + RESULT, act.get().response(),
          inport.name());
      return;
    }
  }

  /**
   * Lets the DHCP replies ovn-controller sends to the port past the egress ACLs. The port name
   * is written between quotes as it is, without escaping, as ovn-northd 23.03 does.
   */
  private static void aclBypass(SwitchPortInput p, PortDhcp dhcp, String action,
      FlowSink sink) {
    String to = "outport == \"" + p.name() + "\" && eth.src == ";
    dhcp.v4().flatMap(DhcpActions::v4Server).ifPresent(s -> sink.addForPort(LS_OUT_ACL,
        ACL_BYPASS, to + s.mac() + " && ip4.src == " + s.ip()
            + " && udp && udp.src == 67 && udp.dst == 68", action, p.name()));
    dhcp.v6().flatMap(DhcpActions::v6Server).ifPresent(s -> sink.addForPort(LS_OUT_ACL,
        ACL_BYPASS, to + s.mac() + " && ip6.src == " + s.ip()
            + " && udp && udp.src == 547 && udp.dst == 546", action, p.name()));
  }
}
