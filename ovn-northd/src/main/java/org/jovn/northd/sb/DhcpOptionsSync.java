package org.jovn.northd.sb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jovn.ovn.sb.DhcpOptions;
import org.jovn.ovn.sb.Dhcpv6Options;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction what makes the Southbound {@code DHCP_Options} and
 * {@code DHCPv6_Options} tables list the options OVN 23.03 supports, with their codes and
 * types: ovn-controller reads them to encode the options of {@code put_dhcp_opts} and
 * {@code put_dhcpv6_opts}. A DHCPv4 row is kept if its name, code and type are right, a DHCPv6
 * row if its name is; other rows and duplicates are deleted, missing ones inserted.
 */
final class DhcpOptionsSync {
  /** One supported option. */
  record Option(String name, int code, String type) {}

  /** The DHCPv4 options of OVN 23.03 ({@code lib/ovn-l7.h}). */
  static final List<Option> V4 = List.of(
      new Option("offerip", 0, "ipv4"),
      new Option("netmask", 1, "ipv4"),
      new Option("router", 3, "ipv4"),
      new Option("dns_server", 6, "ipv4"),
      new Option("log_server", 7, "ipv4"),
      new Option("lpr_server", 9, "ipv4"),
      new Option("swap_server", 16, "ipv4"),
      new Option("policy_filter", 21, "ipv4"),
      new Option("router_solicitation", 32, "ipv4"),
      new Option("nis_server", 41, "ipv4"),
      new Option("ntp_server", 42, "ipv4"),
      new Option("server_id", 54, "ipv4"),
      new Option("tftp_server", 66, "host_id"),
      new Option("classless_static_route", 121, "static_routes"),
      new Option("ms_classless_static_route", 249, "static_routes"),
      new Option("ip_forward_enable", 19, "bool"),
      new Option("router_discovery", 31, "bool"),
      new Option("ethernet_encap", 36, "bool"),
      new Option("default_ttl", 23, "uint8"),
      new Option("tcp_ttl", 37, "uint8"),
      new Option("mtu", 26, "uint16"),
      new Option("lease_time", 51, "uint32"),
      new Option("T1", 58, "uint32"),
      new Option("T2", 59, "uint32"),
      new Option("wpad", 252, "str"),
      new Option("bootfile_name", 67, "str"),
      new Option("path_prefix", 210, "str"),
      new Option("tftp_server_address", 150, "ipv4"),
      new Option("hostname", 12, "str"),
      new Option("domain_name", 15, "str"),
      new Option("arp_cache_timeout", 35, "uint32"),
      new Option("tcp_keepalive_interval", 38, "uint32"),
      new Option("domain_search_list", 119, "domains"),
      new Option("bootfile_name_alt", 254, "str"),
      new Option("broadcast_address", 28, "ipv4"),
      new Option("netbios_name_server", 44, "ipv4"),
      new Option("netbios_node_type", 46, "uint8"),
      new Option("next_server", 253, "ipv4"));

  /** The DHCPv6 options of OVN 23.03 ({@code lib/ovn-l7.h}). */
  static final List<Option> V6 = List.of(
      new Option("ia_addr", 5, "ipv6"),
      new Option("server_id", 2, "mac"),
      new Option("domain_search", 24, "str"),
      new Option("dns_server", 23, "ipv6"));

  private DhcpOptionsSync() {}

  static void apply(Transaction t, ReplicaSnapshot sb) {
    Map<String, Option> missing = byName(V4);
    DhcpOptions.all(sb).forEach(row -> {
      Option want = missing.get(row.name());
      if (want != null && want.code() == row.code() && want.type().equals(row.type())) {
        missing.remove(row.name());
      } else {
        t.delete(DhcpOptions.TABLE, row.uuid().uuid());
      }
    });
    missing.values().forEach(o -> t.insert(DhcpOptions.TABLE).set(DhcpOptions.NAME, o.name())
        .set(DhcpOptions.CODE, (long) o.code()).set(DhcpOptions.TYPE, o.type()));

    Map<String, Option> missing6 = byName(V6);
    Dhcpv6Options.all(sb).forEach(row -> {
      if (missing6.remove(row.name()) == null) {
        t.delete(Dhcpv6Options.TABLE, row.uuid().uuid());
      }
    });
    missing6.values().forEach(o -> t.insert(Dhcpv6Options.TABLE)
        .set(Dhcpv6Options.NAME, o.name()).set(Dhcpv6Options.CODE, (long) o.code())
        .set(Dhcpv6Options.TYPE, o.type()));
  }

  private static Map<String, Option> byName(List<Option> options) {
    Map<String, Option> out = new LinkedHashMap<>();
    options.forEach(o -> out.put(o.name(), o));
    return out;
  }
}
