package org.jovn.northd.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decoding of OVSDB values in their JSON form (RFC 7047 section 5.1) as {@code ovsdb-client
 * transact} prints them: atoms, {@code ["uuid", U]}, {@code ["set", [...]]} and
 * {@code ["map", [[K, V], ...]]}.
 */
final class OvsdbValues {
  private OvsdbValues() {}

  /** The atoms of a set value; a single atom is a set of one. */
  static List<JsonNode> atoms(JsonNode value) {
    List<JsonNode> atoms = new ArrayList<>();
    if (value.isArray() && "set".equals(value.path(0).asText())) {
      value.get(1).forEach(atoms::add);
    } else {
      atoms.add(value);
    }
    return atoms;
  }

  /** The UUID of a {@code ["uuid", U]} atom. */
  static String uuid(JsonNode atom) {
    if (!atom.isArray() || !"uuid".equals(atom.path(0).asText())) {
      throw new IllegalArgumentException("expected [\"uuid\", U], got " + atom);
    }
    return atom.get(1).asText();
  }

  /** The UUID of an optional reference (a set of zero or one UUIDs), or null when empty. */
  static String optionalUuid(JsonNode value) {
    List<JsonNode> atoms = atoms(value);
    return atoms.isEmpty() ? null : uuid(atoms.get(0));
  }

  /** The UUIDs of a set of references. */
  static List<String> uuids(JsonNode value) {
    return atoms(value).stream().map(OvsdbValues::uuid).toList();
  }

  /** The strings of a set of strings, sorted. */
  static List<String> strings(JsonNode value) {
    return atoms(value).stream().map(JsonNode::asText).sorted().toList();
  }

  /** A string-to-string map, sorted by key. */
  static Map<String, String> map(JsonNode value) {
    Map<String, String> map = new TreeMap<>();
    if (!value.isArray() || !"map".equals(value.path(0).asText())) {
      throw new IllegalArgumentException("expected [\"map\", [...]], got " + value);
    }
    for (JsonNode pair : value.get(1)) {
      map.put(pair.get(0).asText(), pair.get(1).asText());
    }
    return map;
  }
}
