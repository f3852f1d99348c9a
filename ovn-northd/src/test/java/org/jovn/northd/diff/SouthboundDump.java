package org.jovn.northd.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.server.interop.RealTools;

/**
 * What one Southbound database holds that the comparison looks at, read in one transaction by
 * the real {@code ovsdb-client}: logical flows (flows of a {@code Logical_DP_Group} expanded to
 * one per datapath), port bindings by logical port and multicast groups by datapath and name.
 * Datapaths and ports are named, never identified by UUID or tunnel key, so that two databases
 * compare.
 *
 * @param flows every logical flow, per datapath
 * @param ports port bindings by {@code logical_port}
 * @param groups multicast groups by datapath and name
 * @param portUp each port binding's {@code up} column as OVSDB JSON ({@code false},
 *     {@code ["set",[]]}), by {@code logical_port}
 */
record SouthboundDump(List<Flow> flows, Map<String, Port> ports, Map<String, Group> groups,
    Map<String, String> portUp) {
  private static final List<String> TABLES = List.of("Datapath_Binding", "Logical_DP_Group",
      "Logical_Flow", "Port_Binding", "Multicast_Group", "HA_Chassis_Group", "HA_Chassis");

  SouthboundDump {
    flows = List.copyOf(flows);
    ports = new TreeMap<>(ports);
    groups = new TreeMap<>(groups);
    portUp = new TreeMap<>(portUp);
  }

  /**
   * A port binding's compared columns, its datapath by name. Tunnel keys are left out (any
   * unique allocation will do); {@code up}, which ovn-controller maintains once northd has
   * initialised it, is compared on its own (see {@link SouthboundDump#portUp}). The HA chassis
   * group is compared by its name and members ({@code chassis-name:priority}, sorted).
   */
  record Port(String datapath, String type, Map<String, String> options, List<String> mac,
      List<String> portSecurity, List<String> tag, List<String> natAddresses,
      String haChassisGroup) {
    Port {
      options = new TreeMap<>(options);
      mac = List.copyOf(mac);
      portSecurity = List.copyOf(portSecurity);
      tag = List.copyOf(tag);
      natAddresses = List.copyOf(natAddresses);
    }

    /** A port without tag, NAT addresses or HA chassis group. */
    Port(String datapath, String type, Map<String, String> options, List<String> mac,
        List<String> portSecurity) {
      this(datapath, type, options, mac, portSecurity, List.of(), List.of(), "");
    }
  }

  /** A multicast group's tunnel key and member ports by name, sorted. */
  record Group(long tunnelKey, List<String> members) {
    Group {
      members = List.copyOf(members);
    }
  }

  /** Reads the Southbound database at {@code remote} (e.g. {@code unix:PATH}). */
  static SouthboundDump read(String remote) {
    StringBuilder ops = new StringBuilder("[\"OVN_Southbound\"");
    for (String table : TABLES) {
      ops.append(",{\"op\":\"select\",\"table\":\"").append(table).append("\",\"where\":[]}");
    }
    RealTools.Result r = RealTools.run("ovsdb-client", "--timeout=30", "transact", remote,
        ops.append(']').toString()).check();
    JsonNode reply = Json.parse(r.stdout());
    Map<String, JsonNode> rows = new HashMap<>();
    for (int i = 0; i < TABLES.size(); i++) {
      rows.put(TABLES.get(i), reply.get(i).get("rows"));
    }
    return decode(rows);
  }

  /** Decodes the rows of {@code TABLES}, by table name, as select operations return them. */
  static SouthboundDump decode(Map<String, JsonNode> tables) {
    Map<String, String> datapaths = new HashMap<>();
    Map<String, String> byKey = new HashMap<>();
    for (JsonNode row : tables.get("Datapath_Binding")) {
      Map<String, String> ids = OvsdbValues.map(row.get("external_ids"));
      String uuid = OvsdbValues.uuid(row.get("_uuid"));
      datapaths.put(uuid, ids.getOrDefault("name", "datapath " + uuid));
      if (row.has("tunnel_key")) {
        byKey.put(row.get("tunnel_key").asText(), datapaths.get(uuid));
      }
    }
    Map<String, List<String>> dpGroups = new HashMap<>();
    for (JsonNode row : tables.get("Logical_DP_Group")) {
      dpGroups.put(OvsdbValues.uuid(row.get("_uuid")),
          OvsdbValues.uuids(row.get("datapaths")).stream().map(datapaths::get).toList());
    }
    List<Flow> flows = new ArrayList<>();
    for (JsonNode row : tables.get("Logical_Flow")) {
      flows.addAll(flows(row, datapaths, dpGroups, byKey));
    }
    Map<String, String> haGroups = haGroups(tables);
    Map<String, String> portNames = new HashMap<>();
    Map<String, Port> ports = new HashMap<>();
    Map<String, String> portUp = new HashMap<>();
    for (JsonNode row : tables.get("Port_Binding")) {
      String name = row.get("logical_port").asText();
      portNames.put(OvsdbValues.uuid(row.get("_uuid")), name);
      portUp.put(name, Json.write(row.get("up")));
      ports.put(name, new Port(datapaths.get(OvsdbValues.uuid(row.get("datapath"))),
          row.get("type").asText(), OvsdbValues.map(row.get("options")),
          OvsdbValues.strings(row.get("mac")),
          OvsdbValues.strings(row.get("port_security")), optionalStrings(row.get("tag")),
          optionalStrings(row.get("nat_addresses")),
          row.has("ha_chassis_group") ? haGroups.getOrDefault(
              OvsdbValues.optionalUuid(row.get("ha_chassis_group")), "") : ""));
    }
    Map<String, Group> groups = new HashMap<>();
    for (JsonNode row : tables.get("Multicast_Group")) {
      String datapath = datapaths.get(OvsdbValues.uuid(row.get("datapath")));
      List<String> members = OvsdbValues.uuids(row.get("ports")).stream()
          .map(u -> portNames.getOrDefault(u, "port " + u)).sorted().toList();
      groups.put(datapath + " " + row.get("name").asText(),
          new Group(row.get("tunnel_key").asLong(), members));
    }
    return new SouthboundDump(flows, ports, groups, portUp);
  }

  /** A column's values as sorted strings; a column the dump lacks is empty. */
  private static List<String> optionalStrings(JsonNode value) {
    return value == null ? List.of() : OvsdbValues.strings(value);
  }

  /** Each HA chassis group as "NAME [CHASSIS:PRIORITY, ...]", by row UUID. */
  private static Map<String, String> haGroups(Map<String, JsonNode> tables) {
    Map<String, String> members = new HashMap<>();
    if (tables.containsKey("HA_Chassis")) {
      for (JsonNode row : tables.get("HA_Chassis")) {
        members.put(OvsdbValues.uuid(row.get("_uuid")),
            OvsdbValues.map(row.get("external_ids")).getOrDefault("chassis-name", "?") + ":"
                + row.get("priority").asLong());
      }
    }
    Map<String, String> groups = new HashMap<>();
    if (tables.containsKey("HA_Chassis_Group")) {
      for (JsonNode row : tables.get("HA_Chassis_Group")) {
        List<String> list = OvsdbValues.uuids(row.get("ha_chassis")).stream()
            .map(u -> members.getOrDefault(u, "?")).sorted().toList();
        groups.put(OvsdbValues.uuid(row.get("_uuid")), row.get("name").asText() + " " + list);
      }
    }
    return groups;
  }

  /**
   * Names a router's load balancer VIP address set after its datapath's name rather than its
   * tunnel key ({@code _rtr_lb_KEY_ip4}), so that two databases compare.
   */
  static String nameRouterLbSets(String text, Map<String, String> datapathsByKey) {
    java.util.regex.Matcher m = RTR_LB.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement("_rtr_lb_"
          + datapathsByKey.getOrDefault(m.group(1), m.group(1)) + "_ip"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final java.util.regex.Pattern RTR_LB =
      java.util.regex.Pattern.compile("_rtr_lb_([0-9]+)_ip");

  /** One Logical_Flow row as one flow per datapath it applies to. */
  private static List<Flow> flows(JsonNode row, Map<String, String> datapaths,
      Map<String, List<String>> dpGroups, Map<String, String> byKey) {
    List<String> names = new ArrayList<>();
    String datapath = OvsdbValues.optionalUuid(row.get("logical_datapath"));
    if (datapath != null) {
      names.add(datapaths.get(datapath));
    }
    String group = OvsdbValues.optionalUuid(row.get("logical_dp_group"));
    if (group != null) {
      names.addAll(dpGroups.get(group));
    }
    int table = row.get("table_id").asInt();
    String stage = OvsdbValues.map(row.get("external_ids"))
        .getOrDefault("stage-name", "table " + table);
    return names.stream().map(dp -> new Flow(dp, row.get("pipeline").asText(), stage, table,
        row.get("priority").asInt(), nameRouterLbSets(row.get("match").asText(), byKey),
        nameRouterLbSets(row.get("actions").asText(), byKey)))
        .toList();
  }
}
