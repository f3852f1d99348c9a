package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LS_IN_ARP_ND_RSP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.ServiceMonitors;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.PortAddresses;

/**
 * Ingress table 19, the ARP/ND responder: the switch answers ARP requests and neighbour
 * solicitations for the addresses it knows (of VIFs, localnet ports and router ports) itself,
 * except when the owner asks (duplicate address detection) or the request comes in from the
 * physical network through a localnet port; and it answers for the source IPs of load balancer
 * health checks.
 */
final class SwitchArpNd {
  private SwitchArpNd() {
  }

  static void build(SwitchView sw, FlowSink sink) {
    for (SwitchPortInput p : sw.ports()) {
      if (SwitchView.isLocalnet(p)) {
        sink.addForPort(LS_IN_ARP_ND_RSP, 100, "inport == " + SwitchView.key(p.name()),
            SwitchDefaults.NEXT, p.name());
      }
      if (p.unknown() || SwitchView.isExternal(p) || isVirtual(p) || sw.vlanPassthru()) {
        continue;
      }
      for (PortAddresses a : SwitchView.addresses(p)) {
        for (Ipv4Prefix ip : a.ipv4()) {
          arp(p, a, ip.address(), sink);
        }
        for (Ipv6Prefix ip : a.ipv6()) {
          neighbor(p, a, ip, sink);
        }
      }
      arpProxy(p, sink);
    }
  }

  /**
   * Answers for the source IPs of load balancer health checks with the service monitor MAC,
   * so that the backends' replies to ovn-controller's probes find their way back.
   */
  static void serviceMonitors(List<ServiceMonitors.Source> sources, FlowSink sink) {
    for (ServiceMonitors.Source s : sources) {
      String mac = s.mac();
      if (s.ipv6()) {
        sink.add(LS_IN_ARP_ND_RSP, 110, "nd_ns && nd.target == " + s.ip(), "nd_na { "
            + "eth.dst = eth.src; eth.src = " + mac + "; ip6.src = " + s.ip() + "; "
            + "nd.target = " + s.ip() + "; nd.tll = " + mac + "; outport = inport; "
            + "flags.loopback = 1; output; };");
      } else {
        sink.add(LS_IN_ARP_ND_RSP, 110, "arp.tpa == " + s.ip() + " && arp.op == 1",
            "eth.dst = eth.src; eth.src = " + mac + "; arp.op = 2; /* ARP reply */ "
            + "arp.tha = arp.sha; arp.sha = " + mac + "; arp.tpa = arp.spa; arp.spa = "
            + s.ip() + "; outport = inport; flags.loopback = 1; output;");
      }
    }
  }

  /** A {@code virtual} port's addresses are answered by whichever parent has bound it. */
  private static boolean isVirtual(SwitchPortInput p) {
    return p.type().equals("virtual");
  }

  /** Answers "who has IP" with the port's MAC, unless the port itself asks. */
  private static void arp(SwitchPortInput p, PortAddresses a, Ipv4Address ip, FlowSink sink) {
    String match = "arp.tpa == " + ip + " && arp.op == 1";
    String mac = a.mac().toString();
    String actions = "eth.dst = eth.src; eth.src = " + mac + "; arp.op = 2; /* ARP reply */ "
        + "arp.tha = arp.sha; arp.sha = " + mac + "; arp.tpa = arp.spa; arp.spa = " + ip + "; "
        + "outport = inport; flags.loopback = 1; output;";
    sink.add(LS_IN_ARP_ND_RSP, 50, match, actions);
    ownerAsks(p, match, sink);
  }

  /**
   * Answers a neighbour solicitation sent to the address or its solicited-node group; a router
   * port answers with the router flag set.
   */
  private static void neighbor(SwitchPortInput p, PortAddresses a, Ipv6Prefix ip,
      FlowSink sink) {
    String addr = ip.address().toString();
    String match = "nd_ns && ip6.dst == {" + addr + ", " + ip.address().solicitedNode()
        + "} && nd.target == " + addr;
    String mac = a.mac().toString();
    String actions = (p.isRouter() ? "nd_na_router" : "nd_na") + " { eth.src = " + mac
        + "; ip6.src = " + addr + "; nd.target = " + addr + "; nd.tll = " + mac
        + "; outport = inport; flags.loopback = 1; output; };";
    sink.add(LS_IN_ARP_ND_RSP, 50, match, actions);
    ownerAsks(p, match, sink);
  }

  /** A request from the address's owner goes on unanswered, so its DAD or ARP probe works. */
  private static void ownerAsks(SwitchPortInput p, String match, FlowSink sink) {
    sink.addForPort(LS_IN_ARP_ND_RSP, 100, match + " && inport == " + SwitchView.key(p.name()),
        SwitchDefaults.NEXT, p.name());
  }

  /**
   * A router port's {@code options:arp_proxy}: the router's MAC answers ARP for the listed
   * IPv4 addresses.
   */
  private static void arpProxy(SwitchPortInput p, FlowSink sink) {
    Optional<RouterPortInput> peer = p.isRouter() ? p.routerPeer() : Optional.empty();
    String proxy = p.options().get("arp_proxy");
    if (peer.isEmpty() || proxy == null) {
      return;
    }
    List<String> ips = proxyIpv4(proxy);
    if (ips.isEmpty()) {
      return;
    }
    String mac = peer.get().addresses().mac().toString();
    String actions = "eth.dst = eth.src; eth.src = " + mac + "; arp.op = 2; /* ARP reply */ "
        + "arp.tha = arp.sha; arp.sha = " + mac + "; arp.tpa <-> arp.spa; "
        + "outport = inport; flags.loopback = 1; output;";
    sink.add(LS_IN_ARP_ND_RSP, 50, "arp.op == 1 && arp.tpa == {" + String.join(",", ips) + "}",
        actions);
  }

  /**
   * The IPv4 addresses of an {@code arp_proxy} value: the leading IP words (an optional prefix
   * length is dropped), up to the first word that is no IP address. Empty when there is none.
   */
  private static List<String> proxyIpv4(String value) {
    List<String> v4 = new ArrayList<>();
    for (String w : value.trim().split("\\s+")) {
      Optional<Ipv4Prefix> p4 = Ipv4Prefix.tryParse(w);
      if (p4.isPresent()) {
        v4.add(p4.get().address().toString());
      } else if (Ipv6Prefix.tryParse(w).isEmpty()) {
        break;
      }
    }
    return v4;
  }
}
