package org.jovn.northd.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jovn.northd.model.RouterNat.Rule;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.MacAddress;

/**
 * One router's NAT rules as its flows use them, worked out once:
 * <ul>
 *   <li>the rules OVN applies ({@link Checked}): an external IP that is one host address, a
 *       logical IP of the same family (a network only for {@code snat}), a gateway port it can
 *       tell (the only distributed gateway port, the one whose networks hold the external IP,
 *       or {@code gateway_port}), not both {@code allowed_ext_ips} and
 *       {@code exempted_ext_ips};
 *   <li>the SNAT addresses: each distinct external address of a {@code snat} rule (with the
 *       first such rule) and the {@code dnat_force_snat_ip} and {@code lb_force_snat_ip}
 *       addresses, which the router does not drop as its own destinations;
 *   <li>the force-SNAT options of a gateway router.
 * </ul>
 * Immutable.
 */
final class NatRules {
  /**
   * A rule that passed OVN's checks.
   *
   * @param rule the rule
   * @param v6 whether it is an IPv6 rule
   * @param cidrBits the prefix length of the logical IP (32 or 128 for a host)
   * @param distributed whether it is a distributed floating IP (a router with gateway ports,
   *     {@code dnat_and_snat}, logical port and external MAC)
   * @param mac the external MAC of a distributed rule, else null
   * @param gatewayPort the distributed gateway port the rule applies on, null on a gateway
   *     router
   */
  record Checked(Rule rule, boolean v6, int cidrBits, boolean distributed, MacAddress mac,
      RouterPort gatewayPort) {
    /** "4" or "6", as in {@code ip4.dst}. */
    String family() {
      return v6 ? "6" : "4";
    }
  }

  private final List<Rule> rules;
  private final List<Checked> checked = new ArrayList<>();
  private final Map<String, Rule> snatIps = new LinkedHashMap<>();
  private final List<String> dnatForceSnat;
  private final List<String> lbForceSnat;
  private final boolean lbForceSnatRouterIp;

  NatRules(RouterContext ctx) {
    rules = ctx.input().nat().rules();
    Map<String, String> options = ctx.input().options();
    dnatForceSnat = forceSnat(options.get("dnat_force_snat_ip"));
    dnatForceSnat.forEach(ip -> snatIps.put(ip, null));
    lbForceSnatRouterIp = "router_ip".equals(options.get("lb_force_snat_ip"))
        && ctx.gatewayRouter();
    lbForceSnat = lbForceSnatRouterIp ? List.of() : forceSnat(options.get("lb_force_snat_ip"));
    lbForceSnat.forEach(ip -> snatIps.putIfAbsent(ip, null));
    for (Rule r : rules) {
      Optional<String> ext = r.externalAddress();
      if (ext.isPresent() && r.isSnat()) {
        if (snatIps.get(ext.get()) == null) {
          snatIps.put(ext.get(), r);
        }
      }
      check(ctx, r).ifPresent(checked::add);
    }
  }

  /** Every rule, in the order of the router's {@code nat} column. */
  List<Rule> rules() {
    return rules;
  }

  /** The rules OVN applies, in order. */
  List<Checked> checked() {
    return checked;
  }

  /** Whether {@code ip} (as OVN prints it) is a SNAT address of the router. */
  boolean isSnatIp(String ip) {
    return snatIps.containsKey(ip);
  }

  /** For each SNAT address of a {@code snat} rule, the first such rule. */
  List<Rule> firstSnatRules() {
    List<Rule> out = new ArrayList<>();
    snatIps.values().stream().filter(r -> r != null).forEach(out::add);
    return out;
  }

  /** {@code dnat_force_snat_ip}: at most one IPv4 and one IPv6 address. */
  List<String> dnatForceSnat() {
    return dnatForceSnat;
  }

  /** {@code lb_force_snat_ip} when it lists addresses. */
  List<String> lbForceSnat() {
    return lbForceSnat;
  }

  /** {@code lb_force_snat_ip=router_ip} on a gateway router. */
  boolean lbForceSnatRouterIp() {
    return lbForceSnatRouterIp;
  }

  /**
   * The addresses of a force-SNAT option: one IPv4 and/or one IPv6 host address, else none.
   */
  private static List<String> forceSnat(String value) {
    if (value == null) {
      return List.of();
    }
    List<String> v4 = new ArrayList<>();
    List<String> v6 = new ArrayList<>();
    for (String w : value.trim().split("\\s+")) {
      Optional<Ipv4Prefix> p4 = Ipv4Prefix.tryParse(w);
      Optional<Ipv6Prefix> p6 = p4.isPresent() ? Optional.empty() : Ipv6Prefix.tryParse(w);
      if (p4.isPresent() && p4.get().length() == 32) {
        v4.add(p4.get().address().toString());
      } else if (p6.isPresent() && p6.get().length() == 128) {
        v6.add(p6.get().address().toString());
      } else {
        return List.of();
      }
    }
    if (v4.size() > 1 || v6.size() > 1) {
      return List.of();
    }
    List<String> out = new ArrayList<>(v4);
    out.addAll(v6);
    return Collections.unmodifiableList(out);
  }

  /** OVN's validity checks of one rule; empty if OVN skips it. */
  private static Optional<Checked> check(RouterContext ctx, Rule r) {
    if (r.allowedExtIps().isPresent() && r.exemptedExtIps().isPresent()) {
      return Optional.empty();
    }
    Optional<Boolean> v6 = hostFamily(r.externalIp());
    if (v6.isEmpty()) {
      return Optional.empty();
    }
    Optional<RouterPort> gateway = gatewayPort(ctx, r);
    if (gateway == null) {
      return Optional.empty();
    }
    int bits = logicalPrefixLength(r.logicalIp(), v6.get());
    if (bits < 0 || (!r.isSnat() && bits != (v6.get() ? 128 : 32))) {
      return Optional.empty();
    }
    boolean distributed = false;
    MacAddress mac = null;
    if (ctx.hasGatewayPorts() && r.distributedCandidate()) {
      Optional<MacAddress> m = MacAddress.tryParse(r.externalMac().get());
      if (m.isEmpty()) {
        return Optional.empty();
      }
      distributed = true;
      mac = m.get();
    }
    return Optional.of(new Checked(r, v6.get(), bits, distributed, mac,
        gateway.orElse(null)));
  }

  /** The prefix length of a logical IP of the given family, or -1 if it does not parse. */
  private static int logicalPrefixLength(String text, boolean v6) {
    return v6 ? Ipv6Prefix.tryParse(text).map(Ipv6Prefix::length).orElse(-1)
        : Ipv4Prefix.tryParse(text).map(Ipv4Prefix::length).orElse(-1);
  }

  /** True for one IPv6 host address, false for one IPv4 host address, else empty. */
  private static Optional<Boolean> hostFamily(String text) {
    Optional<Ipv4Prefix> v4 = Ipv4Prefix.tryParse(text);
    if (v4.isPresent()) {
      return v4.get().length() == 32 ? Optional.of(false) : Optional.empty();
    }
    Optional<Ipv6Prefix> v6 = Ipv6Prefix.tryParse(text);
    return v6.isPresent() && v6.get().length() == 128 ? Optional.of(true) : Optional.empty();
  }

  /**
   * The distributed gateway port a rule applies on: empty on a router without one, null if
   * OVN cannot tell (and skips the rule).
   */
  private static Optional<RouterPort> gatewayPort(RouterContext ctx, Rule r) {
    List<RouterPort> gateways = ctx.gatewayPorts();
    if (r.gatewayPort().isPresent()) {
      return gateways.stream().filter(p -> p.name().equals(r.gatewayPort().get())).findFirst()
          .map(Optional::of).orElse(null);
    }
    if (gateways.isEmpty()) {
      return Optional.empty();
    }
    if (gateways.size() == 1) {
      return Optional.of(gateways.get(0));
    }
    return gateways.stream().filter(p -> p.memberIp(r.externalIp()).isPresent()).findFirst()
        .map(Optional::of).orElse(null);
  }

  /**
   * Whether a rule's external IP belongs on gateway port {@code p} (OVN's
   * {@code is_nat_gateway_port}): always with a single gateway port.
   */
  static boolean onGatewayPort(RouterContext ctx, Rule r, RouterPort p) {
    if (ctx.gatewayPorts().size() <= 1) {
      return true;
    }
    if (r.gatewayPort().isPresent()) {
      return r.gatewayPort().get().equals(p.name());
    }
    return p.memberIp(r.externalIp()).isPresent();
  }
}
