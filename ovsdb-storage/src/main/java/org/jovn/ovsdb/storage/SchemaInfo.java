package org.jovn.ovsdb.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a schema: what {@code ovsdb-tool schema-name/-version/-cksum} print for a
 * schema, and {@code db-name/-version/-cksum} for a database file (from its first record).
 *
 * @param name the schema's {@code "name"}, never null
 * @param version its {@code "version"}, or null if it has none
 * @param cksum its {@code "cksum"}, or null if it has none
 */
public record SchemaInfo(String name, String version, String cksum) {
    /** Validates that {@code name} is present. */
    public SchemaInfo {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Reads the identity of a schema JSON object.
     *
     * @throws IllegalArgumentException if {@code schema} is not an object with a string name
     */
    public static SchemaInfo of(JsonNode schema) {
        if (schema == null || !schema.isObject() || !schema.path("name").isTextual()) {
            throw new IllegalArgumentException("schema must be a JSON object with a string "
                    + "\"name\"");
        }
        return new SchemaInfo(schema.get("name").asText(), text(schema, "version"),
                text(schema, "cksum"));
    }

    /**
     * Reads the identity of the schema stored in database file {@code db}, without locking it.
     *
     * @throws StorageException if the file cannot be read or holds no record
     * @throws IllegalArgumentException if the first record is not a schema
     */
    public static SchemaInfo ofDatabase(Path db) {
        List<JsonNode> records = LogFile.readAll(db);
        if (records.isEmpty()) {
            throw new StorageException(db + ": database file contains no schema");
        }
        return of(records.get(0));
    }

    private static String text(JsonNode schema, String field) {
        JsonNode v = schema.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }
}
