package org.jovn.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Formats a column value the way ovsdb_datum_to_string() does after ovsdb_datum_from_json():
 * {@code name=sw0}, {@code external_ids={a=b}}, {@code ports=[1, 2]}. Returns null when the JSON
 * does not fit the type, so that the caller can fall back to raw JSON as ovsdb-tool does.
 * Stateless and thread-safe.
 */
final class DatumFormatter {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private record Atom(Object sortKey, String text) {}

    private record Element(Atom key, Atom value) {}

    private DatumFormatter() {}

    static String format(JsonNode json, ColumnType type) {
        List<Element> elements = parse(json, type);
        if (elements == null) {
            return null;
        }
        elements.sort(Comparator.comparing(Element::key, DatumFormatter::compareAtoms));
        for (int i = 1; i < elements.size(); i++) {
            if (compareAtoms(elements.get(i - 1).key(), elements.get(i).key()) == 0) {
                return null; // duplicate key: ovsdb_datum_from_json() rejects it
            }
        }
        boolean brackets = type.max() > 1 || elements.isEmpty();
        StringBuilder sb = new StringBuilder();
        if (brackets) {
            sb.append(type.isMap() ? '{' : '[');
        }
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(elements.get(i).key().text());
            if (type.isMap()) {
                sb.append('=').append(elements.get(i).value().text());
            }
        }
        if (brackets) {
            sb.append(type.isMap() ? '}' : ']');
        }
        return sb.toString();
    }

    private static List<Element> parse(JsonNode json, ColumnType type) {
        boolean isSet = json.isArray() && json.size() > 0 && "set".equals(json.get(0).asText(null));
        if (!type.isMap() && !isSet) {
            Atom atom = atom(json, type.key());
            return atom == null ? null : new ArrayList<>(List.of(new Element(atom, null)));
        }
        String wrapper = type.isMap() ? "map" : "set";
        if (!json.isArray() || json.size() != 2 || !wrapper.equals(json.get(0).asText(null))
                || !json.get(1).isArray()) {
            return null;
        }
        JsonNode inner = json.get(1);
        if (inner.size() < type.min() || inner.size() > type.max()) {
            return null;
        }
        List<Element> out = new ArrayList<>();
        for (JsonNode e : inner) {
            Element element = type.isMap() ? pair(e, type) : single(e, type);
            if (element == null) {
                return null;
            }
            out.add(element);
        }
        return out;
    }

    private static Element single(JsonNode e, ColumnType type) {
        Atom key = atom(e, type.key());
        return key == null ? null : new Element(key, null);
    }

    private static Element pair(JsonNode e, ColumnType type) {
        if (!e.isArray() || e.size() != 2) {
            return null;
        }
        Atom key = atom(e.get(0), type.key());
        Atom value = atom(e.get(1), type.value());
        return key == null || value == null ? null : new Element(key, value);
    }

    private static Atom atom(JsonNode json, String type) {
        return switch (type) {
            case "integer" -> json.isIntegralNumber() && json.canConvertToLong()
                    ? new Atom(json.asLong(), Long.toString(json.asLong())) : null;
            case "real" -> json.isNumber()
                    ? new Atom(json.asDouble(), formatReal(json.asDouble())) : null;
            case "boolean" -> json.isBoolean()
                    ? new Atom(json.asBoolean(), Boolean.toString(json.asBoolean())) : null;
            case "string" -> json.isTextual() ? new Atom(utf8(json.asText()),
                    needsQuotes(json.asText()) ? json.toString() : json.asText()) : null;
            case "uuid" -> json.isArray() && json.size() == 2
                    && "uuid".equals(json.get(0).asText(null))
                    && UUID.matcher(json.get(1).asText("")).matches()
                    ? new Atom(json.get(1).asText().toLowerCase(java.util.Locale.ROOT),
                            json.get(1).asText().toLowerCase(java.util.Locale.ROOT)) : null;
            default -> null;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareAtoms(Atom a, Atom b) {
        if (a.sortKey() instanceof byte[] x && b.sortKey() instanceof byte[] y) {
            return Arrays.compareUnsigned(x, y);
        }
        return ((Comparable) a.sortKey()).compareTo(b.sortKey());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** string_needs_quotes() of lib/ovsdb-data.c. */
    static boolean needsQuotes(String s) {
        if (s.isEmpty() || !(isAlpha(s.charAt(0)) || s.charAt(0) == '_')) {
            return true;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.') {
                return true;
            }
        }
        return s.equals("true") || s.equals("false") || UUID.matcher(s).matches();
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** C's {@code printf("%.15g", d)}. */
    static String formatReal(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0" : "0";
        }
        BigDecimal bd = new BigDecimal(d).round(new MathContext(15));
        int exp = bd.precision() - bd.scale() - 1;
        if (exp < -4 || exp >= 15) {
            BigDecimal mantissa = bd.movePointLeft(exp).stripTrailingZeros();
            String m = mantissa.scale() <= 0 ? mantissa.toBigInteger().toString()
                    : mantissa.toPlainString();
            String e = String.format("%02d", Math.abs(exp));
            return m + "e" + (exp < 0 ? "-" : "+") + e;
        }
        BigDecimal plain = bd.stripTrailingZeros();
        return plain.scale() <= 0 ? plain.toBigInteger().toString() : plain.toPlainString();
    }
}
