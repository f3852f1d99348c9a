package org.jovn.northd.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jovn.northd.model.RouterAttachment;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;

/**
 * The IPv6 router advertisement configuration of one logical router port
 * ({@code Logical_Router_Port.ipv6_ra_configs}), as ovn-northd 23.03 reads it. Only a port
 * attached to a logical switch (not patched to another router) with a valid
 * {@code address_mode} ("slaac", "dhcpv6_stateful" or "dhcpv6_stateless") advertises. Immutable
 * and thread-safe.
 *
 * @param port the router port
 * @param addressMode its {@code address_mode}
 */
public record RouterAdvertConfig(RouterPortInput port, String addressMode) {
  private static final Set<String> MODES = Set.of("slaac", "dhcpv6_stateful",
      "dhcpv6_stateless");
  private static final int MAX_INTERVAL_DEFAULT = 600;
  private static final int MAX_INTERVAL_MIN = 4;
  private static final int MAX_INTERVAL_MAX = 1800;
  private static final int MIN_INTERVAL_MIN = 3;
  /** RFC 8200: no IPv6 link has a smaller MTU. */
  static final int MIN_MTU = 1280;

  public RouterAdvertConfig {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(addressMode, "addressMode");
  }

  /** The configuration of a router port that advertises, or empty. */
  public static Optional<RouterAdvertConfig> of(RouterAttachment a) {
    RouterPortInput p = a.port();
    String mode = p.ipv6RaConfigs().get("address_mode");
    if (p.peer().isPresent() || a.switchPort().isEmpty() || p.addresses() == null
        || mode == null || !MODES.contains(mode)) {
      return Optional.empty();
    }
    return Optional.of(new RouterAdvertConfig(p, mode));
  }

  /** A key of {@code ipv6_ra_configs}, if set. */
  Optional<String> config(String key) {
    return Optional.ofNullable(port.ipv6RaConfigs().get(key));
  }

  /** The port's IPv6 networks that are not link-local (fe80::/64), in {@code networks} order. */
  List<Ipv6Prefix> prefixes() {
    return port.addresses().ipv6().stream().filter(n -> !linkLocalNetwork(n)).toList();
  }

  /** The link-local address of the port, derived from its MAC: the source of its RAs. */
  Ipv6Address linkLocal() {
    return port.addresses().mac().linkLocal();
  }

  /**
   * The {@code Port_Binding.options} of the port that tell ovn-controller to send router
   * advertisements periodically ({@code ipv6_ra_*}), empty unless {@code send_periodic} is true.
   * Intervals are clamped as RFC 4861 says; an MTU below 1280 is left out.
   *
   * @return an immutable map
   */
  public Map<String, String> periodicOptions() {
    if (!SwitchView.option(port.ipv6RaConfigs(), "send_periodic", false)) {
      return Map.of();
    }
    Map<String, String> o = new HashMap<>();
    o.put("ipv6_ra_send_periodic", "true");
    o.put("ipv6_ra_address_mode", addressMode);
    int max = clamp(integer("max_interval", MAX_INTERVAL_DEFAULT), MAX_INTERVAL_MIN,
        MAX_INTERVAL_MAX);
    o.put("ipv6_ra_max_interval", Integer.toString(max));
    int min = Math.max(Math.min(integer("min_interval", max >= 9 ? max / 3 : max * 3 / 4),
        max * 3 / 4), MIN_INTERVAL_MIN);
    o.put("ipv6_ra_min_interval", Integer.toString(min));
    int mtu = integer("mtu", 0);
    if (mtu >= MIN_MTU) {
      o.put("ipv6_ra_mtu", Integer.toString(mtu));
    }
    o.put("ipv6_ra_src_addr", linkLocal().toString());
    List<String> prefixes = new ArrayList<>();
    prefixes().forEach(n -> prefixes.add(n.networkString()));
    o.put("ipv6_ra_prefixes", String.join(" ", prefixes));
    config("rdnss").ifPresent(v -> o.put("ipv6_ra_rdnss", v));
    config("dnssl").ifPresent(v -> o.put("ipv6_ra_dnssl", v));
    o.put("ipv6_ra_src_eth", port.addresses().mac().toString());
    String prf = config("router_preference").orElse("MEDIUM");
    o.put("ipv6_ra_prf", prf.equals("HIGH") || prf.equals("LOW") ? prf : "MEDIUM");
    config("route_info").ifPresent(v -> o.put("ipv6_ra_route_info", v));
    return Map.copyOf(o);
  }

  /** Whether a network is the link-local fe80::/64 (OVN's {@code in6_is_lla}). */
  static boolean linkLocalNetwork(Ipv6Prefix n) {
    return n.network().high() == 0xfe80000000000000L;
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /**
   * An integer key as OVS's {@code smap_get_int} reads it: the whole value must be a decimal
   * integer that fits an int, or the default applies.
   */
  private int integer(String key, int dflt) {
    String v = port.ipv6RaConfigs().get(key);
    if (v == null) {
      return dflt;
    }
    String t = v.stripLeading();
    if (!t.matches("[+-]?[0-9]{1,10}")) {
      return dflt;
    }
    long n = Long.parseLong(t);
    return n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? dflt : (int) n;
  }

  /** The C library's {@code atoi}: leading digits after optional blanks and sign, else 0. */
  static int atoi(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    long v = 0;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v <= Integer.MAX_VALUE) {
      v = v * 10 + (s.charAt(i++) - '0');
    }
    v = negative ? -v : v;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }
}
