package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_L2_LKUP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.RouterPortNat;
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
      unicast(sw, p, sink);
      if (p.isRouter() && p.routerPeer().isPresent()) {
        routerRequests(sw, p, p.routerPeer().get(), sink);
      }
    }
  }

  /**
   * Priority 50: a known destination MAC goes to its port. On a switch with a localnet port,
   * the MAC of a router's distributed gateway port is only delivered on the gateway chassis;
   * a distributed floating IP's MAC only on its logical port's chassis.
   */
  private static void unicast(SwitchView sw, SwitchPortInput p, FlowSink sink) {
    String actions = p.enabled() ? SwitchDefaults.output(p.name()) : SwitchDefaults.DROP;
    Optional<RouterPortInput> peer = p.isRouter() ? p.routerPeer() : Optional.empty();
    for (PortAddresses a : p.addresses()) {
      String resident = "";
      if (peer.isPresent() && a.equals(peer.get().addresses())
          && !sw.localnetPorts().isEmpty()) {
        resident = peer.get().nat().residentPort()
            .map(cr -> " && is_chassis_resident(" + SwitchView.key(cr) + ")").orElse("");
      }
      sink.add(LS_IN_L2_LKUP, 50, "eth.dst == " + a.mac() + resident, actions);
    }
    if (peer.isPresent() && p.addresses().contains(peer.get().addresses())) {
      for (RouterPortNat.DistributedNat d : peer.get().nat().distributed()) {
        sink.add(LS_IN_L2_LKUP, 50, "eth.dst == " + d.mac() + " && is_chassis_resident("
            + SwitchView.key(d.logicalPort()) + ")", actions);
      }
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
    // The external addresses of the router's DNAT rules and its VIPs belong to it too.
    List<RouterPortNat.NatAddress> owned = new ArrayList<>(rp.nat().addresses());
    owned.addAll(rp.nat().lbVips());
    for (RouterPortNat.NatAddress nat : owned) {
      sink.add(LS_IN_L2_LKUP, 80, NOT_VXLAN + (nat.v6() ? " && nd_ns && nd.target == "
          : " && arp.op == 1 && arp.tpa == ") + nat.ip(), actions);
    }
    if (!sw.onlyRouterPorts()) {
      List<String> macs = new ArrayList<>();
      macs.add(networks.mac().toString());
      macs.addAll(rp.nat().externalMacs());
      sink.add(LS_IN_L2_LKUP, 75, "eth.src == {" + String.join(", ", HashOrder.ofStringSet(macs))
          + "} && (arp.op == 1 || rarp.op == 3 || nd_ns)",
          SwitchDefaults.output(MulticastGroup.FLOOD_L2));
    }
  }
}
