package org.jovn.northd.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.ovn.nb.LoadBalancer;

/**
 * One Northbound {@code Load_Balancer} as the flows of the datapaths it applies to see it: its
 * VIPs parsed as OVN 23.03 parses them (a VIP whose key or one of whose backends does not parse
 * is left out, as ovn-northd skips it with a warning) and the options that shape its flows. A
 * value: equal inputs give equal flows.
 *
 * @param uuid the {@code Load_Balancer} row
 * @param name its name
 * @param protocol the transport protocol of its VIPs with a port: {@code tcp} (the default),
 *     {@code udp} or {@code sctp}
 * @param vips its usable VIPs, ordered by key
 * @param hasVips whether its {@code vips} column is not empty (usable or not): this alone
 *     turns on load balancing in the pipelines of its datapaths
 * @param selectionFields {@code selection_fields} as the {@code hash_fields} of the
 *     {@code ct_lb_mark} action (transport fields named after the protocol), or "" for none
 * @param reject {@code options:reject}: a VIP without backends rejects rather than drops
 * @param affinityTimeout {@code options:affinity_timeout} in seconds (at most 65535), or 0
 * @param skipSnat {@code options:skip_snat}: on a router, balanced traffic is not SNATed even
 *     where the router forces SNAT for load balancers
 * @param neighborResponder {@code options:neighbor_responder}: which VIPs a router answers
 *     ARP and neighbor solicitations for
 * @param addRoute {@code options:add_route}: the routers on the switch of a distributed
 *     gateway port of a router with this load balancer route its IPv4 VIPs to that port
 */
public record LoadBalancerInput(UUID uuid, String name, String protocol, List<Vip> vips,
    boolean hasVips, String selectionFields, boolean reject, int affinityTimeout,
    boolean skipSnat, NeighborResponder neighborResponder, boolean addRoute) {
  public LoadBalancerInput {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocol, "protocol");
    vips = List.copyOf(vips);
    Objects.requireNonNull(selectionFields, "selectionFields");
    Objects.requireNonNull(neighborResponder, "neighborResponder");
  }

  /**
   * {@code options:neighbor_responder}: a router answers for the VIPs on one of its networks
   * ({@code reachable}, the default and the value of anything unknown), for all of them, or for
   * none.
   */
  public enum NeighborResponder {
    REACHABLE, ALL, NONE;

    static NeighborResponder of(String option) {
      if ("all".equals(option)) {
        return ALL;
      }
      return "none".equals(option) ? NONE : REACHABLE;
    }
  }

  /**
   * A VIP and its backends.
   *
   * @param address the VIP's address, in normal form, without brackets
   * @param ipv6 whether it is an IPv6 address
   * @param port its transport port, or 0 for a VIP of every port and protocol
   * @param key the {@code vips} key it came from
   * @param backendIps the backends as written in the {@code vips} value
   * @param backends the backends, parsed
   * @param healthy if the VIP is health checked, the backends its checks leave in (see
   *     {@link ServiceMonitors}); empty if it is not
   */
  public record Vip(String address, boolean ipv6, int port, String key, String backendIps,
      List<Backend> backends, Optional<List<Backend>> healthy) {
    public Vip {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(backendIps, "backendIps");
      backends = List.copyOf(backends);
      healthy = healthy.map(List::copyOf);
    }

    /** The match field of its address family: {@code ip4} or {@code ip6}. */
    public String ipMatch() {
      return ipv6 ? "ip6" : "ip4";
    }

    /** Whether new connections have a backend to go to (the healthy ones if checked). */
    public boolean balances() {
      return !healthy.orElse(backends).isEmpty();
    }

    /**
     * The {@code backends} of its {@code ct_lb_mark} action: as written in {@code vips}, or if
     * health checked the healthy ones as {@code IP:PORT} ({@code [IP]:PORT} for IPv6).
     */
    public String lbBackends() {
      if (healthy.isEmpty()) {
        return backendIps;
      }
      StringJoiner out = new StringJoiner(",");
      healthy.get().forEach(b -> out.add((ipv6 ? "[" + b.address() + "]" : b.address()) + ":"
          + b.port()));
      return out.toString();
    }

    /** This VIP, health checked, with these healthy backends. */
    Vip withHealthy(List<Backend> healthyBackends) {
      return new Vip(address, ipv6, port, key, backendIps, backends,
          Optional.of(healthyBackends));
    }
  }

  /**
   * A backend of a VIP.
   *
   * @param address its address, in normal form, without brackets
   * @param port its port, or 0 if the VIP has none
   */
  public record Backend(String address, int port) {
    public Backend {
      Objects.requireNonNull(address, "address");
    }
  }

  /** This load balancer with these VIPs (health checks resolved). */
  LoadBalancerInput withVips(List<Vip> resolved) {
    return new LoadBalancerInput(uuid, name, protocol, resolved, hasVips, selectionFields,
        reject, affinityTimeout, skipSnat, neighborResponder, addRoute);
  }

  /** Reads a Northbound row; health checks are left to {@link ServiceMonitors}. */
  public static LoadBalancerInput read(LoadBalancer lb) {
    String proto = lb.protocol().filter(p -> p.equals("udp") || p.equals("sctp")).orElse("tcp");
    List<Vip> vips = new ArrayList<>();
    lb.vips().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> vip(e.getKey(), e.getValue()).ifPresent(vips::add));
    Optional<String> rawProto = lb.protocol().filter(p -> !p.isEmpty());
    List<String> fields = new ArrayList<>();
    for (String f : lb.selectionFields().stream().sorted().toList()) {
      if (f.equals("tp_src") && rawProto.isPresent()) {
        fields.add(rawProto.get() + "_src");
      } else if (f.equals("tp_dst") && rawProto.isPresent()) {
        fields.add(rawProto.get() + "_dst");
      } else {
        fields.add(f);
      }
    }
    return new LoadBalancerInput(lb.uuid().uuid(), lb.name(), proto, vips, !lb.vips().isEmpty(),
        String.join(",", fields), "true".equals(lb.options().get("reject")),
        affinity(lb.options().get("affinity_timeout")),
        "true".equalsIgnoreCase(lb.options().get("skip_snat")),
        NeighborResponder.of(lb.options().get("neighbor_responder")),
        "true".equalsIgnoreCase(lb.options().get("add_route")));
  }

  private static int affinity(String text) {
    if (text == null) {
      return 0;
    }
    try {
      long v = Long.parseLong(text.trim());
      return v < 0 ? 0 : (int) Math.min(v, 65535);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** A parsed VIP, or empty if the key or any backend does not parse. */
  static Optional<Vip> vip(String key, String value) {
    Optional<Backend> vip = endpoint(key.trim());
    if (vip.isEmpty()) {
      return Optional.empty();
    }
    boolean ipv6 = vip.get().address().indexOf(':') >= 0;
    List<Backend> backends = new ArrayList<>();
    for (String token : value.split(",")) {
      if (token.isEmpty()) {
        continue;
      }
      Optional<Backend> b = endpoint(token.trim());
      if (b.isEmpty() || (b.get().address().indexOf(':') >= 0) != ipv6
          || (vip.get().port() == 0) != (b.get().port() == 0)) {
        return Optional.empty();
      }
      backends.add(b.get());
    }
    return Optional.of(new Vip(vip.get().address(), ipv6, vip.get().port(), key, value,
        backends, Optional.empty()));
  }

  /** "IP", "IP:port", "[IPv6]" or "[IPv6]:port", the address in normal form. */
  private static Optional<Backend> endpoint(String s) {
    String addr = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      addr = s.substring(1, close);
      String rest = s.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        return Optional.empty();
      }
      return Ipv6Address.tryParse(addr).flatMap(a -> withPort(a.toString(), portOf(rest)));
    }
    int colon = s.indexOf(':');
    if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
      addr = s.substring(0, colon);
      port = s.substring(colon + 1);
    }
    if (port == null && s.indexOf(':') >= 0) {
      return Ipv6Address.tryParse(s).map(a -> new Backend(a.toString(), 0));
    }
    String p = port;
    return Ipv4Address.tryParse(addr).flatMap(a -> withPort(a.toString(),
        p == null ? Optional.of(0) : parsePort(p)));
  }

  private static Optional<Integer> portOf(String rest) {
    return rest.isEmpty() ? Optional.of(0) : parsePort(rest.substring(1));
  }

  private static Optional<Integer> parsePort(String p) {
    if (p.isEmpty() || !p.chars().allMatch(Character::isDigit) || p.length() > 5) {
      return Optional.empty();
    }
    int v = Integer.parseInt(p);
    return v >= 1 && v <= 65535 ? Optional.of(v) : Optional.empty();
  }

  private static Optional<Backend> withPort(String addr, Optional<Integer> port) {
    return port.map(p -> new Backend(addr, p));
  }
}
