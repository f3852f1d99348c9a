package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.model.SwitchInput;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.sb.Dns;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the Southbound {@code DNS} changes a plan implies, as ovn-northd 23.03
 * writes them: one row per Northbound {@code DNS} row that some logical switch lists in
 * {@code dns_records}, naming it in {@code external_ids:dns_id}, with the datapaths of those
 * switches and the records, values in lowercase (names are looked up case-insensitively).
 * {@code external_ids} is written when the row is inserted and left alone afterwards. Rows
 * naming no such Northbound row, and duplicates, are deleted.
 */
final class DnsSync {
  static final String DNS_ID = "dns_id";

  private DnsSync() {}

  private record Wanted(Map<String, String> records, Set<UUID> datapaths) {}

  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb, DatapathSync dps) {
    Map<UUID, Wanted> wanted = wanted(plan, dps);
    Map<UUID, Dns> existing = new HashMap<>();
    Dns.all(sb).forEach(row -> {
      UUID id = dnsId(row);
      if (id == null || !wanted.containsKey(id) || existing.putIfAbsent(id, row) != null) {
        t.delete(Dns.TABLE, row.uuid().uuid());
      }
    });
    wanted.forEach((id, w) -> {
      Dns have = existing.get(id);
      if (have == null) {
        t.insert(Dns.TABLE).set(Dns.RECORDS, w.records()).set(Dns.DATAPATHS, w.datapaths())
            .set(Dns.EXTERNAL_IDS, Map.of(DNS_ID, id.toString()));
      } else if (!have.records().equals(w.records()) || !refs(have).equals(w.datapaths())) {
        t.update(Dns.TABLE, have.uuid().uuid()).set(Dns.RECORDS, w.records())
            .set(Dns.DATAPATHS, w.datapaths());
      }
    });
  }

  /** For each Northbound DNS row in use: its records and the datapaths of its switches. */
  private static Map<UUID, Wanted> wanted(SouthboundPlan plan, DatapathSync dps) {
    Map<UUID, Wanted> out = new LinkedHashMap<>();
    if (plan.nb().rows(org.jovn.ovn.nb.Dns.TABLE).isEmpty()) {
      return out;
    }
    for (SwitchInput sw : plan.inputs().switches().values()) {
      UUID datapath = dps.rowOf(sw.uuid());
      LogicalSwitch ls = LogicalSwitch.get(plan.nb(), Ref.<LogicalSwitch>of(sw.uuid()))
          .orElse(null);
      if (datapath == null || ls == null) {
        continue;
      }
      for (var ref : ls.dnsRecords()) {
        org.jovn.ovn.nb.Dns.get(plan.nb(), ref).ifPresent(dns -> out.computeIfAbsent(
            dns.uuid().uuid(), k -> new Wanted(lowerValues(dns.records()), new HashSet<>()))
            .datapaths().add(datapath));
      }
    }
    return out;
  }

  private static Map<String, String> lowerValues(Map<String, String> records) {
    Map<String, String> out = new HashMap<>();
    records.forEach((k, v) -> out.put(k, asciiLower(v)));
    return out;
  }

  /** Lowercase of the ASCII letters only, as C's {@code tolower} in the "C" locale. */
  static String asciiLower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return b.toString();
  }

  private static UUID dnsId(Dns row) {
    return ExternalIds.uuid(row.externalIds(), DNS_ID);
  }


  private static Set<UUID> refs(Dns row) {
    Set<UUID> out = new HashSet<>();
    row.datapaths().forEach(r -> out.add(r.uuid()));
    return out;
  }
}
