package org.jovn.northd;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;

/**
 * A Northbound database file the real ovsdb-server wrote (a test resource under
 * {@code golden/}), served by our ovsdb-server in this JVM so that a test reads the very rows,
 * UUIDs included, the real ovn-northd translated; and the golden text files next to it.
 */
public final class GoldenNorthbound {
  private GoldenNorthbound() {}

  /**
   * A snapshot of the database in resource {@code golden/NAME.nb.db}.
   *
   * @param dir a scratch directory the database file is copied to
   */
  public static ReplicaSnapshot snapshot(Path dir, String name) throws Exception {
    Path db = dir.resolve(name + ".nb.db");
    try (InputStream in = resource(name + ".nb.db")) {
      Files.copy(in, db);
    }
    String socket = "unix:" + dir.resolve(name + ".sock");
    try (OvsdbServer server = new OvsdbServer(ServerConfig.defaults()
        .withRemotes(List.of("p" + socket)))) {
      server.openDatabase(db);
      server.start();
      try (OvsdbClient nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb"))
          .remotes(socket).monitorAll().build()) {
        nb.connect().get(10, TimeUnit.SECONDS);
        return nb.sync().get(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The lines of resource {@code golden/FILE} that are not comments. */
  public static List<String> lines(String file) throws IOException {
    String text;
    try (InputStream in = resource(file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.startsWith("#") && !line.isBlank()) {
        out.add(line);
      }
    }
    return out;
  }

  /**
   * The flow lines of one datapath (both pipelines) in an {@code ovn-sbctl lflow-list} golden
   * file.
   */
  public static List<String> flowsOf(String file, String datapath) throws IOException {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : lines(file)) {
      if (line.startsWith("Datapath: ")) {
        in = line.startsWith("Datapath: \"" + datapath + "\" ");
      } else if (in && line.startsWith("  table=")) {
        out.add(line);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no flows of " + datapath + " in " + file);
    }
    return out;
  }

  private static InputStream resource(String file) throws IOException {
    InputStream in = GoldenNorthbound.class.getResourceAsStream("/golden/" + file);
    if (in == null) {
      throw new IOException("no test resource golden/" + file);
    }
    return in;
  }
}
