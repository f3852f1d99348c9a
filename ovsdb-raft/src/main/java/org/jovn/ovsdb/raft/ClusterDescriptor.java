package org.jovn.ovsdb.raft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A clustered database file: a small JSON document naming the database, its schema, this
 * server's Raft address and, for a server that joins, the members to contact. The replicated log
 * and snapshots live in the directory {@code FILE.raft} beside it, managed by Ratis.
 *
 * <p>Format: {@code {"format": "jovn-cluster", "name": ..., "cid": ..., "local": "tcp:IP:PORT",
 * "remotes": [...], "bootstrap": true|false, "schema": {...}}}. {@code bootstrap} is true for the
 * server that created the cluster (it starts as a one-member cluster), false for joiners.
 *
 * @param name the database name
 * @param cid the cluster id
 * @param local this server's Raft address
 * @param remotes other members to contact when joining
 * @param bootstrap true for the creating server
 * @param schema the database schema JSON
 */
public record ClusterDescriptor(String name, UUID cid, ClusterAddress local,
    List<ClusterAddress> remotes, boolean bootstrap, JsonNode schema) {
  /** The value of the "format" member that marks a clustered database file. */
  public static final String FORMAT = "jovn-cluster";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ClusterDescriptor {
    remotes = List.copyOf(remotes);
  }

  /** The cluster id every member derives from the database name. */
  public static UUID clusterId(String dbName) {
    return UUID.nameUUIDFromBytes(("jovn-raft-cluster:" + dbName)
        .getBytes(StandardCharsets.UTF_8));
  }

  /** True when the file is a clustered database file (false for standalone ones). */
  public static boolean isClustered(Path file) {
    try (var in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(64);
      String s = new String(head, StandardCharsets.UTF_8);
      return s.startsWith("{") && s.contains("\"" + FORMAT + "\"");
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads a clustered database file. */
  public static ClusterDescriptor read(Path file) {
    try {
      JsonNode j = MAPPER.readTree(Files.readAllBytes(file));
      if (!FORMAT.equals(j.path("format").asText())) {
        throw new IllegalArgumentException(file + ": not a clustered database file");
      }
      List<ClusterAddress> remotes = new ArrayList<>();
      for (JsonNode r : j.path("remotes")) {
        remotes.add(ClusterAddress.parse(r.asText()));
      }
      return new ClusterDescriptor(j.get("name").asText(), UUID.fromString(j.get("cid").asText()),
          ClusterAddress.parse(j.get("local").asText()), remotes,
          j.path("bootstrap").asBoolean(false), j.get("schema"));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the file (atomically) and creates its Raft directory. Fails if the file exists. */
  public void create(Path file) {
    if (Files.exists(file)) {
      throw new IllegalArgumentException(file + ": file exists");
    }
    ObjectNode j = MAPPER.createObjectNode();
    j.put("format", FORMAT);
    j.put("name", name);
    j.put("cid", cid.toString());
    j.put("local", local.toString());
    ArrayNode r = j.putArray("remotes");
    remotes.forEach(a -> r.add(a.toString()));
    j.put("bootstrap", bootstrap);
    j.set("schema", schema);
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, j.toPrettyString() + "\n");
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      Files.createDirectories(raftDir(file));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The directory that holds the Raft log and snapshots of a clustered database file. */
  public static Path raftDir(Path file) {
    return file.resolveSibling(file.getFileName() + ".raft");
  }
}
