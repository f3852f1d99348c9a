package org.jovn.ovsdb.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.AtomicType;

/**
 * Atoms are plain Java values: {@link Long}, {@link Double}, {@link Boolean}, {@link String} and
 * {@link UUID}. This class converts them to and from JSON and orders them. Stateless.
 */
public final class Atoms {
  /** Total order on atoms of one type (the order in which sets and maps keep their elements). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Comparator<Object> ORDER = (a, b) -> ((Comparable) a).compareTo(b);

  private Atoms() {}

  /**
   * Reads an atom of the given type.
   *
   * @param namedUuids resolves {@code ["named-uuid", NAME]}; null where names are not allowed
   * @throws OvsdbException "syntax error" when the JSON is not an atom of that type
   */
  public static Object fromJson(AtomicType type, JsonNode json, Function<String, UUID> namedUuids) {
    switch (type) {
      case INTEGER -> {
        if (json.isIntegralNumber() && json.canConvertToLong()) {
          return json.longValue();
        }
      }
      case REAL -> {
        if (json.isNumber()) {
          return json.doubleValue();
        }
      }
      case BOOLEAN -> {
        if (json.isBoolean()) {
          return json.booleanValue();
        }
      }
      case STRING -> {
        if (json.isTextual()) {
          return json.textValue();
        }
      }
      case UUID -> {
        return uuidFromJson(json, namedUuids);
      }
    }
    throw OvsdbException.syntax("expected " + type.jsonName() + ", got " + abbreviate(json));
  }

  private static UUID uuidFromJson(JsonNode json, Function<String, UUID> namedUuids) {
    if (json.isArray() && json.size() == 2 && json.get(0).isTextual() && json.get(1).isTextual()) {
      String tag = json.get(0).textValue();
      String value = json.get(1).textValue();
      if (tag.equals("uuid")) {
        return parseUuid(value);
      }
      if (tag.equals("named-uuid")) {
        if (namedUuids == null) {
          throw OvsdbException.syntax("named-uuid \"" + value + "\" is not allowed here");
        }
        return namedUuids.apply(value);
      }
    }
    throw OvsdbException.syntax("expected uuid, got " + abbreviate(json));
  }

  /** Parses the canonical 36-character UUID form. */
  public static UUID parseUuid(String s) {
    if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
        || s.charAt(23) != '-') {
      throw OvsdbException.syntax("\"" + s + "\" is not a valid UUID");
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw OvsdbException.syntax("\"" + s + "\" is not a valid UUID");
    }
  }

  /** The JSON form of an atom. */
  public static JsonNode toJson(Object atom) {
    if (atom instanceof Long l) {
      return Json.NODES.numberNode(l);
    } else if (atom instanceof Double d) {
      return Json.NODES.numberNode(d);
    } else if (atom instanceof Boolean b) {
      return Json.NODES.booleanNode(b);
    } else if (atom instanceof String s) {
      return Json.NODES.textNode(s);
    } else if (atom instanceof UUID u) {
      return Json.array(Json.NODES.textNode("uuid"), Json.NODES.textNode(u.toString()));
    }
    throw new IllegalArgumentException("not an atom: " + atom);
  }

  /** A short human form for error messages: strings quoted, numbers plain. */
  public static String toText(Object atom) {
    if (atom instanceof String s) {
      return "\"" + s + "\"";
    }
    if (atom instanceof Collection<?> c) {
      return c.stream().map(Atoms::toText).sorted().toList().toString();
    }
    return String.valueOf(atom);
  }

  static String abbreviate(JsonNode json) {
    String s = json.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
