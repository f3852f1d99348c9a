package org.jovn.northd.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.server.interop.RealTools;

/**
 * The {@code Load_Balancer} and {@code Service_Monitor} rows of one Southbound database, read
 * by the real {@code ovsdb-client}, named {@code Load_Balancer NAME} so that two databases
 * compare: VIPs, protocol, options, external IDs, {@code datapaths} and the datapaths of
 * {@code datapath_group}, both by name; the {@code Datapath_Binding} rows whose
 * {@code load_balancers} is not empty; and the {@code Service_Monitor} rows, named by logical
 * port, IP, port and protocol, with their source addresses, status and options. A name that
 * occurs twice gets a {@code #2} suffix.
 *
 * @param rows each row's compared columns, by name
 */
record SouthboundLoadBalancers(Map<String, String> rows) {
  SouthboundLoadBalancers {
    rows = new TreeMap<>(rows);
  }

  /** Reads the Southbound database at {@code remote} (e.g. {@code unix:PATH}). */
  static SouthboundLoadBalancers read(String remote) {
    String ops = "[\"OVN_Southbound\""
        + ",{\"op\":\"select\",\"table\":\"Datapath_Binding\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"Logical_DP_Group\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"Load_Balancer\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"Service_Monitor\",\"where\":[]}]";
    RealTools.Result r = RealTools.run("ovsdb-client", "--timeout=30", "transact", remote, ops)
        .check();
    JsonNode reply = Json.parse(r.stdout());
    Map<String, String> datapaths = new HashMap<>();
    Map<String, String> rows = new HashMap<>();
    for (JsonNode row : reply.get(0).get("rows")) {
      String name = OvsdbValues.map(row.get("external_ids")).getOrDefault("name", "?");
      datapaths.put(OvsdbValues.uuid(row.get("_uuid")), name);
      if (!OvsdbValues.uuids(row.get("load_balancers")).isEmpty()) {
        put(rows, "Datapath_Binding " + name, "load_balancers not empty");
      }
    }
    Map<String, List<String>> groups = new HashMap<>();
    for (JsonNode row : reply.get(1).get("rows")) {
      groups.put(OvsdbValues.uuid(row.get("_uuid")), OvsdbValues.uuids(row.get("datapaths"))
          .stream().map(datapaths::get).sorted().toList());
    }
    for (JsonNode row : reply.get(2).get("rows")) {
      List<String> group = OvsdbValues.uuids(row.get("datapath_group")).stream()
          .map(groups::get).findFirst().orElse(List.of());
      put(rows, "Load_Balancer " + row.get("name").asText(), "vips="
          + new TreeMap<>(OvsdbValues.map(row.get("vips")))
          + " protocol=" + row.get("protocol")
          + " options=" + new TreeMap<>(OvsdbValues.map(row.get("options")))
          + " external_ids=" + new TreeMap<>(OvsdbValues.map(row.get("external_ids")))
          + " datapaths=" + OvsdbValues.uuids(row.get("datapaths")).stream()
              .map(datapaths::get).sorted().toList()
          + " datapath_group=" + group);
    }
    for (JsonNode row : reply.get(3).get("rows")) {
      String ip = row.get("ip").asText();
      put(rows, "Service_Monitor " + row.get("logical_port").asText() + " "
          + (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + row.get("port").asText() + "/"
          + row.get("protocol").asText(),
          "src_ip=" + row.get("src_ip").asText() + " src_mac=" + row.get("src_mac").asText()
          + " status=" + row.get("status")
          + " options=" + new TreeMap<>(OvsdbValues.map(row.get("options")))
          + " external_ids=" + new TreeMap<>(OvsdbValues.map(row.get("external_ids"))));
    }
    return new SouthboundLoadBalancers(rows);
  }

  private static void put(Map<String, String> rows, String name, String value) {
    String key = name;
    for (int n = 2; rows.containsKey(key); n++) {
      key = name + " #" + n;
    }
    rows.put(key, value);
  }
}
