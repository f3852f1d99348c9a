package org.jovn.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of an ovsdb column type that {@link ShowLog} needs to print a value: atomic key
 * and value types and the maximum number of elements.
 *
 * @param key atomic type of keys ("integer", "real", "boolean", "string", "uuid")
 * @param value atomic type of values, or null if the column is not a map
 * @param min minimum number of elements
 * @param max maximum number of elements ({@link Long#MAX_VALUE} for "unlimited")
 */
record ColumnType(String key, String value, long min, long max) {
    boolean isMap() {
        return value != null;
    }

    /** Parses a column's {@code "type"}, or returns null if it is not understood. */
    static ColumnType parse(JsonNode type) {
        if (type == null) {
            return null;
        }
        if (type.isTextual()) {
            return new ColumnType(type.asText(), null, 1, 1);
        }
        if (!type.isObject()) {
            return null;
        }
        String key = atomic(type.get("key"));
        JsonNode valueJson = type.get("value");
        String value = valueJson == null ? null : atomic(valueJson);
        if (key == null || (valueJson != null && value == null)) {
            return null;
        }
        long min = type.path("min").asLong(1);
        JsonNode maxJson = type.get("max");
        long max = maxJson == null ? 1
                : "unlimited".equals(maxJson.asText()) ? Long.MAX_VALUE : maxJson.asLong(1);
        return new ColumnType(key, value, min, max);
    }

    private static String atomic(JsonNode base) {
        if (base == null) {
            return null;
        }
        if (base.isTextual()) {
            return base.asText();
        }
        JsonNode t = base.get("type");
        return t != null && t.isTextual() ? t.asText() : null;
    }
}
