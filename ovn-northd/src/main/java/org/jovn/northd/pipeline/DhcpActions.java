package org.jovn.northd.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jovn.northd.model.SwitchDhcpDns.DhcpConfig;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv4Prefix;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.Ipv6Prefix;
import org.jovn.northd.net.MacAddress;

/**
 * The actions of the native DHCP flows for one offered address, worked out from a
 * {@code DHCP_Options} row as ovn-northd 23.03 does: options are listed sorted by name, values
 * verbatim. Stateless.
 */
final class DhcpActions {
  private DhcpActions() {
  }

  /**
   * DHCPv4 actions.
   *
   * @param options the {@code put_dhcp_opts} action of the options stage
   * @param response the response stage's action: back to the port, from the server
   * @param renewMatch the addresses of a renewal: from the offered address to the server or
   *     broadcast
   */
  record V4(String options, String response, String renewMatch) {}

  /**
   * DHCPv6 actions.
   *
   * @param options the {@code put_dhcpv6_opts} action of the options stage
   * @param response the response stage's action
   */
  record V6(String options, String response) {}

  /**
   * The server replies come from.
   *
   * @param mac its Ethernet address, as the options spell it
   * @param ip its IP address (for DHCPv6 the link-local address of {@code mac})
   */
  record Server(String mac, String ip) {}

  /**
   * DHCPv4 actions offering {@code offer}, or empty if {@code cidr} is malformed or does not
   * contain it, or {@code server_id}, {@code server_mac} or {@code lease_time} is missing. The
   * port's own {@code options:hostname} overrides the options' {@code hostname}.
   */
  static Optional<V4> v4(DhcpConfig config, Ipv4Address offer, Map<String, String> lspOptions) {
    Optional<int[]> net = ipv4Masked(config.cidr());
    Optional<Server> server = v4Server(config);
    if (net.isEmpty() || ((offer.value() ^ net.get()[0]) & net.get()[1]) != 0
        || server.isEmpty()) {
      return Optional.empty();
    }
    List<Map.Entry<String, String>> opts = new ArrayList<>();
    // A "netmask" among the options does not replace this one: both are listed, this one first.
    opts.add(Map.entry("netmask", new Ipv4Address(net.get()[1]).toString()));
    config.options().forEach((k, v) -> {
      if (!k.equals("server_mac") && !(k.equals("hostname") && lspOptions.containsKey(k))) {
        opts.add(Map.entry(k, v));
      }
    });
    String hostname = lspOptions.get("hostname");
    if (hostname != null) {
      opts.add(Map.entry("hostname", hostname));
    }
    List<String> parts = new ArrayList<>(List.of("offerip = " + offer));
    String options = call("put_dhcp_opts", parts, opts);
    String response = "eth.dst = eth.src; eth.src = " + server.get().mac() + "; ip4.src = "
        + server.get().ip() + "; udp.src = 67; udp.dst = 68; outport = inport; "
        + "flags.loopback = 1; output;";
    String renew = "ip4.src == " + offer + " && ip4.dst == {" + server.get().ip()
        + ", 255.255.255.255}";
    return Optional.of(new V4(options, response, renew));
  }

  /**
   * DHCPv6 actions offering {@code offer} (an {@code ia_addr} unless
   * {@code dhcpv6_stateless} is true), or empty if {@code cidr} is malformed or does not contain
   * it, or {@code server_id} is not an Ethernet address.
   */
  static Optional<V6> v6(DhcpConfig config, Ipv6Address offer) {
    Optional<Ipv6Address[]> net = ipv6Masked(config.cidr());
    Optional<Server> server = v6Server(config);
    if (net.isEmpty() || !sameNetwork(offer, net.get()[0], net.get()[1]) || server.isEmpty()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    if (!SwitchView.option(config.options(), "dhcpv6_stateless", false)) {
      parts.add("ia_addr = " + mapped(offer));
    }
    List<Map.Entry<String, String>> opts = new ArrayList<>();
    config.options().forEach((k, v) -> {
      if (!k.equals("dhcpv6_stateless")) {
        opts.add(Map.entry(k, v));
      }
    });
    String options = call("put_dhcpv6_opts", parts, opts);
    String response = "eth.dst = eth.src; eth.src = " + server.get().mac() + "; "
        + "ip6.dst = ip6.src; ip6.src = " + server.get().ip() + "; udp.src = 547; "
        + "udp.dst = 546; outport = inport; flags.loopback = 1; output;";
    return Optional.of(new V6(options, response));
  }

  /** The DHCPv4 server, if {@code server_id}, {@code server_mac} and {@code lease_time} are set. */
  static Optional<Server> v4Server(DhcpConfig config) {
    Map<String, String> o = config.options();
    String ip = o.get("server_id");
    String mac = o.get("server_mac");
    if (ip == null || mac == null || !o.containsKey("lease_time")) {
      return Optional.empty();
    }
    return Optional.of(new Server(mac, ip));
  }

  /** The DHCPv6 server, if {@code server_id} is an Ethernet address. */
  static Optional<Server> v6Server(DhcpConfig config) {
    String id = config.options().get("server_id");
    return Optional.ofNullable(id).flatMap(MacAddress::tryParse)
        .map(mac -> new Server(id, mapped(mac.linkLocal())));
  }

  /**
   * {@code reg0[3] = ACTION(FIRST..., name = value, ...); next;}: the leading parts, then the
   * options sorted by name (a stable sort, so equal names keep their order).
   */
  private static String call(String action, List<String> parts,
      List<Map.Entry<String, String>> opts) {
    opts.sort(Comparator.comparing(Map.Entry::getKey));
    opts.forEach(e -> parts.add(e.getKey() + " = " + e.getValue()));
    return "reg0[3] = " + action + "(" + String.join(", ", parts) + "); next;";
  }

  /**
   * An IPv4 network written {@code A.B.C.D/N}, {@code A.B.C.D/M.A.S.K} or {@code A.B.C.D} (all
   * ones): {address, mask}, or empty if malformed.
   */
  static Optional<int[]> ipv4Masked(String text) {
    int slash = text.indexOf('/');
    Optional<Ipv4Address> ip = Ipv4Address.tryParse(slash < 0 ? text : text.substring(0, slash));
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    if (slash < 0) {
      return Optional.of(new int[] {ip.get().value(), -1});
    }
    String m = text.substring(slash + 1);
    Optional<Ipv4Address> mask = Ipv4Address.tryParse(m);
    if (mask.isPresent()) {
      return Optional.of(new int[] {ip.get().value(), mask.get().value()});
    }
    return Ipv4Prefix.tryParse(text).map(p -> new int[] {ip.get().value(), p.mask()});
  }

  /**
   * An IPv6 network written {@code ADDR/N}, {@code ADDR/MASK} or {@code ADDR} (all ones):
   * {address, mask}, or empty if malformed.
   */
  static Optional<Ipv6Address[]> ipv6Masked(String text) {
    int slash = text.indexOf('/');
    Optional<Ipv6Address> ip = Ipv6Address.tryParse(slash < 0 ? text : text.substring(0, slash));
    if (ip.isEmpty()) {
      return Optional.empty();
    }
    Ipv6Address ones = new Ipv6Address(-1L, -1L);
    if (slash < 0) {
      return Optional.of(new Ipv6Address[] {ip.get(), ones});
    }
    Optional<Ipv6Prefix> prefix = Ipv6Prefix.tryParse(text);
    if (prefix.isPresent()) {
      return Optional.of(new Ipv6Address[] {ip.get(),
          new Ipv6Prefix(ones, prefix.get().length()).network()});
    }
    return Ipv6Address.tryParse(text.substring(slash + 1))
        .map(mask -> new Ipv6Address[] {ip.get(), mask});
  }

  private static boolean sameNetwork(Ipv6Address a, Ipv6Address b, Ipv6Address mask) {
    return ((a.high() ^ b.high()) & mask.high()) == 0 && ((a.low() ^ b.low()) & mask.low()) == 0;
  }

  /** An IPv6 address as OVN prints it: an IPv4-mapped one as the bare IPv4 address. */
  static String mapped(Ipv6Address a) {
    if (a.high() == 0 && (a.low() >>> 32) == 0xffffL) {
      return new Ipv4Address((int) a.low()).toString();
    }
    return a.toString();
  }
}
