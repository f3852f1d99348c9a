package org.jovn.northd.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.server.interop.RealTools;

/**
 * The {@code DNS}, {@code DHCP_Options} and {@code DHCPv6_Options} rows of one Southbound
 * database, read by the real {@code ovsdb-client}, named so that two databases compare:
 * {@code DNS DNS_ID} (the Northbound row both northds read) with its datapaths by name, records
 * and external IDs; {@code DHCP_Options NAME} and {@code DHCPv6_Options NAME} with code and
 * type. A name that occurs twice gets a {@code #2} suffix.
 *
 * @param rows each row's compared columns, by name
 */
record SouthboundDhcpDns(Map<String, String> rows) {
  SouthboundDhcpDns {
    rows = new TreeMap<>(rows);
  }

  /** Reads the Southbound database at {@code remote} (e.g. {@code unix:PATH}). */
  static SouthboundDhcpDns read(String remote) {
    String ops = "[\"OVN_Southbound\""
        + ",{\"op\":\"select\",\"table\":\"Datapath_Binding\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"DNS\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"DHCP_Options\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"DHCPv6_Options\",\"where\":[]}]";
    RealTools.Result r = RealTools.run("ovsdb-client", "--timeout=30", "transact", remote, ops)
        .check();
    JsonNode reply = Json.parse(r.stdout());
    Map<String, String> datapaths = new HashMap<>();
    for (JsonNode row : reply.get(0).get("rows")) {
      datapaths.put(OvsdbValues.uuid(row.get("_uuid")),
          OvsdbValues.map(row.get("external_ids")).getOrDefault("name", "?"));
    }
    Map<String, String> rows = new HashMap<>();
    for (JsonNode row : reply.get(1).get("rows")) {
      Map<String, String> ids = OvsdbValues.map(row.get("external_ids"));
      put(rows, "DNS " + ids.getOrDefault("dns_id", "?"), "datapaths="
          + OvsdbValues.uuids(row.get("datapaths")).stream().map(datapaths::get).sorted()
              .toList()
          + " records=" + new TreeMap<>(OvsdbValues.map(row.get("records")))
          + " external_ids=" + new TreeMap<>(ids));
    }
    for (int i = 2; i <= 3; i++) {
      String table = i == 2 ? "DHCP_Options" : "DHCPv6_Options";
      for (JsonNode row : reply.get(i).get("rows")) {
        put(rows, table + " " + row.get("name").asText(),
            "code=" + row.get("code").asLong() + " type=" + row.get("type").asText());
      }
    }
    return new SouthboundDhcpDns(rows);
  }

  private static void put(Map<String, String> rows, String name, String value) {
    String key = name;
    for (int n = 2; rows.containsKey(key); n++) {
      key = name + " #" + n;
    }
    rows.put(key, value);
  }
}
