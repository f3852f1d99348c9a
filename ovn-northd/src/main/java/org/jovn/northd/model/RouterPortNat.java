package org.jovn.northd.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jovn.northd.net.MacAddress;

/**
 * What a router port tells the switch it is attached to about its router's NAT rules and
 * gateway ports: the switch forwards ARP requests and neighbor solicitations for the NAT
 * external addresses to the router port, floods those the router sends from a NAT external MAC,
 * and on a switch with a localnet port delivers frames for a distributed gateway port's MAC
 * (or a distributed floating IP's MAC) only on the chassis where it is resident. A value.
 *
 * @param residentPort the port whose residence gates delivery of the router port's MAC on a
 *     switch with a localnet port: the port's own {@code cr-PORT} if it is a distributed gateway
 *     port, the router's only gateway port's if it has {@code reside-on-redirect-chassis}
 * @param gatewayPort whether the router port is a distributed gateway port
 * @param addresses the external addresses of the router's {@code dnat} and
 *     {@code dnat_and_snat} rules, as written, in rule order
 * @param externalMacs the {@code external_mac}s of those rules that have one, as written
 * @param distributed for a distributed gateway port, the router's distributed floating IPs:
 *     their external MAC and the logical port they live with
 */
public record RouterPortNat(Optional<String> residentPort, boolean gatewayPort,
    List<NatAddress> addresses, List<String> externalMacs, List<DistributedNat> distributed) {
  /** A port of a router without NAT rules or gateway ports. */
  public static final RouterPortNat NONE = new RouterPortNat(Optional.empty(), false, List.of(),
      List.of(), List.of());

  public RouterPortNat {
    Objects.requireNonNull(residentPort, "residentPort");
    addresses = List.copyOf(addresses);
    externalMacs = List.copyOf(externalMacs);
    distributed = List.copyOf(distributed);
  }

  /** A NAT external address as the switch matches it. */
  public record NatAddress(String ip, boolean v6) {}

  /** A distributed floating IP's MAC and the logical port whose chassis answers for it. */
  public record DistributedNat(MacAddress mac, String logicalPort) {}

  /** The view of port {@code name} (with {@code options}) of a router. */
  static RouterPortNat of(String name, Map<String, String> options, List<String> gatewayPorts,
      List<RouterNat.Rule> rules) {
    boolean gateway = gatewayPorts.contains(name);
    Optional<String> resident = Optional.empty();
    if (gateway) {
      resident = Optional.of(RouterNat.redirectPort(name));
    } else if (gatewayPorts.size() == 1
        && "true".equalsIgnoreCase(options.get("reside-on-redirect-chassis"))) {
      resident = Optional.of(RouterNat.redirectPort(gatewayPorts.get(0)));
    }
    List<NatAddress> addresses = new ArrayList<>();
    List<String> macs = new ArrayList<>();
    List<DistributedNat> distributed = new ArrayList<>();
    for (RouterNat.Rule r : rules) {
      if (r.externalAddress().isPresent() && !r.isSnat()) {
        addresses.add(new NatAddress(r.externalIp(), r.externalV6()));
        r.externalMac().ifPresent(macs::add);
      }
      if (gateway && r.distributedCandidate()) {
        MacAddress.tryParse(r.externalMac().get())
            .ifPresent(m -> distributed.add(new DistributedNat(m, r.logicalPort().get())));
      }
    }
    return new RouterPortNat(resident, gateway, addresses, macs, distributed);
  }
}
