package org.jovn.northd.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.model.SwitchPortInput;

/**
 * The logical switch pipeline: the logical flows and multicast groups OVN 23.03's ovn-northd
 * writes to the Southbound database for one logical switch, with the 23.03 stage names, table
 * numbers and flow texts, so that a 23.03 ovn-controller can run them.
 *
 * <p>Covered: the stage defaults of a switch without load balancers, QoS or multicast
 * snooping; native DHCPv4 and DHCPv6 for ports with {@code dhcpv4_options} or
 * {@code dhcpv6_options} (served on the localnet ports for {@code external} ports) and DNS
 * answered from the switch's {@code dns_records}, with their ACL bypass; ACLs of the switch and of port groups with ports on it (stateless and
 * stateful, logging, reject, {@code apply-after-lb}); disabled ports; MAC learning for VIFs that take unknown destinations; the
 * ARP/ND responder for the addresses of VIFs, localnet ports and router ports, with
 * {@code arp_proxy}; destination lookup by MAC; forwarding of ARP/ND for router addresses to
 * the router port, NAT external addresses of its router included, and on a switch with a
 * localnet port delivery of a distributed gateway port's (or distributed floating IP's) MAC only
 * on the chassis where it is resident; localnet and router ports kept out of conntrack;
 * {@code other_config:vlan-passthru}. Port security itself is not in the flows: ovn-controller
 * applies it from {@code Port_Binding.port_security} when the flows call
 * {@code check_in_port_sec()} and {@code check_out_port_sec()}.
 *
 * <p>Load balancers of the switch and of its load balancer groups ({@link SwitchLbFlows}): VIPs
 * with and without ports, TCP, UDP and SCTP, IPv4 and IPv6, {@code selection_fields},
 * {@code reject} for VIPs without backends, {@code affinity_timeout} and hairpin, with the
 * conntrack defaults a load balancer brings to the pre-LB and ACL stages; health checks (only
 * healthy backends balanced, ARP/ND answered for the monitors' source IPs).
 *
 * <p>Not covered, so nothing is emitted for them: empty-backend controller events, a load
 * balancer's VIPs on routers, QoS, forwarding groups, IGMP/MLD snooping, {@code external},
 * {@code virtual} and {@code vtep} port specifics.
 *
 * <p>Stateless and thread-safe: the result depends only on the input.
 */
public final class SwitchPipeline {
  /** The order of {@code ovn-sbctl lflow-list} within one datapath. */
  static final Comparator<LogicalFlow> LFLOW_LIST_ORDER = Comparator
      .comparing((LogicalFlow f) -> f.stage().pipeline())
      .thenComparingInt(f -> f.stage().table())
      .thenComparing(Comparator.comparingInt(LogicalFlow::priority).reversed())
      .thenComparing(LogicalFlow::match)
      .thenComparing(LogicalFlow::actions);

  private SwitchPipeline() {
  }

  /**
   * The logical flows of a switch, without duplicates (two flows are the same if stage,
   * priority, match and actions are), in the order {@code ovn-sbctl lflow-list} prints them:
   * ingress before egress, then by table, by priority from highest, by match and by actions.
   *
   * @param in the switch; not null
   * @return an immutable list
   */
  public static List<LogicalFlow> flows(SwitchInput in) {
    Objects.requireNonNull(in, "in");
    SwitchView sw = new SwitchView(in);
    FlowSink sink = new FlowSink();
    SwitchDefaults.build(sw, sink);
    SwitchPortFlows.build(sw, sink);
    SwitchArpNd.build(sw, sink);
    SwitchArpNd.serviceMonitors(in.monitorSources(), sink);
    SwitchL2.build(sw, sink);
    SwitchDhcpFlows.build(in, sw, sink);
    SwitchDnsFlows.build(in, sink);
    SwitchLbFlows.build(sw, in.loadBalancers(), sink);
    Map<List<Object>, LogicalFlow> unique = new LinkedHashMap<>();
    for (LogicalFlow f : sink.flows()) {
      unique.putIfAbsent(List.of(f.stage(), f.priority(), f.match(), f.actions()), f);
    }
    List<LogicalFlow> out = new ArrayList<>(unique.values());
    out.sort(LFLOW_LIST_ORDER);
    return List.copyOf(out);
  }

  /**
   * The multicast groups of a switch, ordered by tunnel key; a group with no ports is left out.
   * {@code _MC_flood} has every enabled port, {@code _MC_flood_l2} those that are not router
   * ports, {@code _MC_unknown} those with "unknown" addresses, {@code _MC_mrouter_flood} those
   * with {@code options:mcast_flood_reports} and {@code _MC_static} those with
   * {@code options:mcast_flood}. Ports are listed in the input's order.
   *
   * @param in the switch; not null
   * @return an immutable list
   */
  public static List<MulticastGroup> multicastGroups(SwitchInput in) {
    Objects.requireNonNull(in, "in");
    List<SwitchPortInput> enabled = in.ports().stream().filter(SwitchPortInput::enabled).toList();
    List<MulticastGroup> groups = new ArrayList<>();
    group(groups, MulticastGroup.FLOOD, 32768, enabled, p -> true);
    group(groups, MulticastGroup.UNKNOWN, 32769, enabled,
        p -> p.unknown() && !SwitchView.isExternal(p));
    group(groups, MulticastGroup.MROUTER_FLOOD, 32770, enabled,
        p -> SwitchView.option(p.options(), "mcast_flood_reports", false));
    group(groups, MulticastGroup.STATIC, 32771, enabled,
        p -> SwitchView.option(p.options(), "mcast_flood", false));
    group(groups, MulticastGroup.FLOOD_L2, 32772, enabled, p -> !p.isRouter());
    return List.copyOf(groups);
  }

  private static void group(List<MulticastGroup> groups, String name, long key,
      List<SwitchPortInput> ports, Predicate<SwitchPortInput> member) {
    List<String> names = ports.stream().filter(member).map(SwitchPortInput::name).toList();
    if (!names.isEmpty()) {
      groups.add(new MulticastGroup(name, key, names));
    }
  }
}
