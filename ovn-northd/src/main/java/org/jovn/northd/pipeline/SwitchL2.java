package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_L2_LKUP;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.PortAddresses;

/**
 * Ingress table 25, destination lookup by known addresses: each known MAC goes to its port (or
 * is dropped if the port is disabled), and ARP requests and neighbour solicitations for a
 * router port's addresses go to that router port rather than being flooded to every router on
 * the switch.
 */
final class SwitchL2 {
  /** Matches only packets that did not come in from a VXLAN tunnel. */
  private static final String NOT_VXLAN = "flags[1] == 0";

  private SwitchL2() {
  }

  static void build(SwitchView sw, FlowSink sink) {
    for (SwitchPortInput p : sw.ports()) {
      if (SwitchView.isExternal(p)) {
        continue;
      }
      unicast(p, sink);
      if (p.isRouter() && p.routerPeer().isPresent()) {
        routerRequests(sw, p, p.routerPeer().get(), sink);
      }
    }
  }

  /** Priority 50: a known destination MAC goes to its port. */
  private static void unicast(SwitchPortInput p, FlowSink sink) {
    String actions = p.enabled() ? SwitchDefaults.output(p.name()) : SwitchDefaults.DROP;
    for (PortAddresses a : p.addresses()) {
      sink.add(LS_IN_L2_LKUP, 50, "eth.dst == " + a.mac(), actions);
    }
  }

  /**
   * Priorities 80 and 75 for a port to an enabled router port: requests for the router port's
   * addresses go to it (and, if the switch has other ports, to those too, as the owner might
   * be behind them); requests the router itself sends are flooded to the non-router ports.
   */
  private static void routerRequests(SwitchView sw, SwitchPortInput p, RouterPortInput rp,
      FlowSink sink) {
    if (!rp.enabled()) {
      return;
    }
    String actions = sw.onlyRouterPorts()
        ? SwitchDefaults.output(p.name())
        : "clone {outport = " + SwitchView.key(p.name()) + "; output; }; "
            + SwitchDefaults.output(MulticastGroup.FLOOD_L2);
    PortAddresses networks = SwitchView.routerNetworks(rp);
    for (Ipv4Prefix ip : networks.ipv4()) {
      sink.add(LS_IN_L2_LKUP, 80,
          NOT_VXLAN + " && arp.op == 1 && arp.tpa == " + ip.address(), actions);
    }
    for (Ipv6Prefix ip : networks.ipv6()) {
      sink.add(LS_IN_L2_LKUP, 80,
          NOT_VXLAN + " && nd_ns && nd.target == " + ip.address(), actions);
    }
    if (!sw.onlyRouterPorts()) {
      sink.add(LS_IN_L2_LKUP, 75, "eth.src == {" + networks.mac()
          + "} && (arp.op == 1 || rarp.op == 3 || nd_ns)",
          SwitchDefaults.output(MulticastGroup.FLOOD_L2));
    }
  }
}
