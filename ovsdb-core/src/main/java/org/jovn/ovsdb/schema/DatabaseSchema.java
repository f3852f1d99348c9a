package org.jovn.ovsdb.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jovn.ovsdb.json.Json;

/**
 * A database schema (RFC 7047 §3.2), immutable. Keeps the JSON it was read from, which is what
 * {@code get_schema} returns and what the database file stores.
 */
public final class DatabaseSchema {
  private final String name;
  private final String version;
  private final String cksum;
  private final Map<String, TableSchema> tables;
  private final JsonNode json;
  /** Lazily made; a benign race at worst makes it twice. */
  private volatile String jsonText;

  DatabaseSchema(String name, String version, String cksum, Map<String, TableSchema> tables,
      JsonNode json) {
    this.name = name;
    this.version = version;
    this.cksum = cksum;
    this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    this.json = json;
  }

  /** Parses a schema from its JSON form. @throws org.jovn.ovsdb.OvsdbException on a bad schema */
  public static DatabaseSchema fromJson(JsonNode json) {
    return SchemaParser.parse(json);
  }

  /** Reads a {@code .ovsschema} file. */
  public static DatabaseSchema read(Path file) throws IOException {
    return fromJson(Json.MAPPER.readTree(Files.readAllBytes(file)));
  }

  /** One of the bundled schemas: "ovn-nb", "ovn-sb" or "vswitch". */
  public static DatabaseSchema bundled(String baseName) {
    String resource = "/org/jovn/ovsdb/schemas/" + baseName + ".ovsschema";
    try (InputStream in = DatabaseSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled schema " + baseName);
      }
      return fromJson(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  /** The schema version, "x.y.z", or "" when the schema has none. */
  public String version() {
    return version;
  }

  /** The schema's "cksum" member, or "" when absent. */
  public String cksum() {
    return cksum;
  }

  /** The table of that name, or null. */
  public TableSchema table(String tableName) {
    return tables.get(tableName);
  }

  public Collection<TableSchema> tables() {
    return tables.values();
  }

  /** The schema as JSON, as it was read. */
  public JsonNode json() {
    return json;
  }

  /** {@link #json()} as text, made once (the {@code _Server} database republishes it often). */
  public String jsonText() {
    String text = jsonText;
    if (text == null) {
      text = json.toString();
      jsonText = text;
    }
    return text;
  }

  @Override
  public String toString() {
    return "schema " + name + " " + version;
  }
}
