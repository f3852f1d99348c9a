package org.jovn.northd.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.server.interop.RealTools;

/**
 * The {@code Address_Set}, {@code Port_Group} and {@code Meter} rows of one Southbound database,
 * read by the real {@code ovsdb-client}, named so that two databases compare: {@code address set
 * NAME} with its sorted addresses (a router's VIP set {@code _rtr_lb_KEY_ip4} named after the
 * router rather than its tunnel key), {@code port group DATAPATH/PG} with its sorted ports (the
 * Southbound row is named {@code KEY_PG} after the datapath's tunnel key), and {@code meter
 * NAME} with its unit and sorted bands ({@code ACTION RATE/BURST}).
 *
 * @param rows the sorted members of each set or group, by name
 */
record SouthboundSets(Map<String, List<String>> rows) {
  SouthboundSets {
    rows = new TreeMap<>(rows);
  }

  /** Reads the Southbound database at {@code remote} (e.g. {@code unix:PATH}). */
  static SouthboundSets read(String remote) {
    String ops = "[\"OVN_Southbound\""
        + ",{\"op\":\"select\",\"table\":\"Datapath_Binding\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"Address_Set\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"Port_Group\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"Meter\",\"where\":[]}"
        + ",{\"op\":\"select\",\"table\":\"Meter_Band\",\"where\":[]}]";
    RealTools.Result r = RealTools.run("ovsdb-client", "--timeout=30", "transact", remote, ops)
        .check();
    JsonNode reply = Json.parse(r.stdout());
    Map<String, String> datapaths = new HashMap<>();
    for (JsonNode row : reply.get(0).get("rows")) {
      datapaths.put(row.get("tunnel_key").asText(),
          OvsdbValues.map(row.get("external_ids")).getOrDefault("name", "?"));
    }
    Map<String, List<String>> rows = new HashMap<>();
    for (JsonNode row : reply.get(1).get("rows")) {
      rows.put("address set " + SouthboundDump.nameRouterLbSets(row.get("name").asText(),
          datapaths),
          OvsdbValues.strings(row.get("addresses")).stream().sorted().toList());
    }
    for (JsonNode row : reply.get(2).get("rows")) {
      String name = row.get("name").asText();
      int cut = name.indexOf('_');
      String datapath = cut < 0 ? "?" : datapaths.getOrDefault(name.substring(0, cut), "?");
      rows.put("port group " + datapath + "/" + name.substring(cut + 1),
          OvsdbValues.strings(row.get("ports")).stream().sorted().toList());
    }
    Map<String, String> bands = new HashMap<>();
    for (JsonNode row : reply.get(4).get("rows")) {
      bands.put(OvsdbValues.uuid(row.get("_uuid")), row.get("action").asText() + " "
          + row.get("rate").asLong() + "/" + row.get("burst_size").asLong());
    }
    for (JsonNode row : reply.get(3).get("rows")) {
      List<String> members = new java.util.ArrayList<>(List.of(row.get("unit").asText()));
      OvsdbValues.uuids(row.get("bands")).stream().map(u -> bands.getOrDefault(u, "?"))
          .sorted().forEach(members::add);
      rows.put("meter " + row.get("name").asText(), members);
    }
    return new SouthboundSets(rows);
  }
}
