package org.jovn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.raft.ClusterAddress;
import org.jovn.ovsdb.raft.ClusterDescriptor;
import org.jovn.ovsdb.storage.SchemaInfo;
import org.jovn.ovsdb.storage.ShowLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jovn ovsdb-tool}: ovsdb-tool's commands on standalone database files. */
@Command(name = "ovsdb-tool", mixinStandardHelpOptions = true,
    description = "Creates, inspects, compacts and converts OVSDB database files.",
    subcommands = {
        OvsdbToolCommand.Create.class,
        OvsdbToolCommand.CreateCluster.class,
        OvsdbToolCommand.JoinCluster.class,
        OvsdbToolCommand.DbIsClustered.class,
        OvsdbToolCommand.Compact.class,
        OvsdbToolCommand.ShowLogCmd.class,
        OvsdbToolCommand.Convert.class,
        OvsdbToolCommand.NeedsConversion.class,
        OvsdbToolCommand.Query.class,
        OvsdbToolCommand.Transact.class,
        OvsdbToolCommand.SchemaName.class,
        OvsdbToolCommand.SchemaVersion.class,
        OvsdbToolCommand.SchemaCksum.class,
        OvsdbToolCommand.DbName.class,
        OvsdbToolCommand.DbVersion.class,
        OvsdbToolCommand.DbCksum.class,
    })
final class OvsdbToolCommand {
  static final String DEFAULT_DB = "/etc/openvswitch/conf.db";
  static final String DEFAULT_SCHEMA = "/usr/share/openvswitch/vswitch.ovsschema";

  static JsonNode readJson(Path file) {
    try {
      return Json.MAPPER.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  @Command(name = "create", description = "Creates DB with SCHEMA and no rows.")
  static final class Create implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1") Path db = Path.of(DEFAULT_DB);
    @Parameters(index = "1", arity = "0..1") Path schema = Path.of(DEFAULT_SCHEMA);

    @Override
    public Integer call() {
      DatabaseFiles.create(db, readJson(schema));
      return 0;
    }
  }

  @Command(name = "create-cluster",
      description = "Creates DB as the first member of a new cluster whose Raft traffic this "
          + "server receives at LOCAL_ADDRESS (tcp:IP:PORT).")
  static final class CreateCluster implements Callable<Integer> {
    @Parameters(index = "0") Path db;
    @Parameters(index = "1") Path schema;
    @Parameters(index = "2") String local;

    @Override
    public Integer call() {
      JsonNode s = readJson(schema);
      String name = s.path("name").asText();
      new ClusterDescriptor(name, ClusterDescriptor.clusterId(name), ClusterAddress.parse(local),
          java.util.List.of(), true, s).create(db);
      return 0;
    }
  }

  @Command(name = "join-cluster",
      description = "Creates DB for a server that joins the cluster of database NAME through "
          + "the members at REMOTE_ADDRESS...; it receives the data once it has joined.")
  static final class JoinCluster implements Callable<Integer> {
    @Option(names = "--schema", paramLabel = "FILE",
        description = "The schema, for databases other than OVN_Northbound, OVN_Southbound and "
            + "Open_vSwitch (whose schemas are bundled).")
    Path schema;
    @Parameters(index = "0") Path db;
    @Parameters(index = "1") String name;
    @Parameters(index = "2") String local;
    @Parameters(index = "3..*", arity = "1..*") java.util.List<String> remotes;

    @Override
    public Integer call() {
      JsonNode s = schema != null ? readJson(schema) : bundledSchema(name);
      new ClusterDescriptor(name, ClusterDescriptor.clusterId(name), ClusterAddress.parse(local),
          remotes.stream().map(ClusterAddress::parse).toList(), false, s).create(db);
      return 0;
    }

    private static JsonNode bundledSchema(String name) {
      String base = switch (name) {
        case "OVN_Northbound" -> "ovn-nb";
        case "OVN_Southbound" -> "ovn-sb";
        case "Open_vSwitch" -> "vswitch";
        default -> throw new IllegalArgumentException("no bundled schema for " + name
            + "; give --schema=FILE");
      };
      return org.jovn.ovsdb.schema.DatabaseSchema.bundled(base).json();
    }
  }

  @Command(name = "db-is-clustered", description = "Exits 0 if DB is clustered, else 2.")
  static final class DbIsClustered implements Callable<Integer> {
    @Parameters(arity = "0..1") Path db = Path.of(DEFAULT_DB);

    @Override
    public Integer call() {
      return ClusterDescriptor.isClustered(db) ? 0 : 2;
    }
  }

  @Command(name = "compact", description = "Compacts DB in place, or into DST.")
  static final class Compact implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1") Path db = Path.of(DEFAULT_DB);
    @Parameters(index = "1", arity = "0..1") Path dst;

    @Override
    public Integer call() {
      DatabaseFiles.compact(db, dst);
      return 0;
    }
  }

  @Command(name = "show-log", description = "Prints the records of DB.")
  static final class ShowLogCmd implements Callable<Integer> {
    @Option(names = {"-m", "--more"}, description = "More detail; repeat for even more.")
    boolean[] more = new boolean[0];
    @Parameters(arity = "0..1") Path db = Path.of(DEFAULT_DB);

    @Override
    public Integer call() {
      System.out.print(ShowLog.render(db, more.length));
      return 0;
    }
  }

  @Command(name = "convert", description = "Converts DB to SCHEMA, in place or into DST.")
  static final class Convert implements Callable<Integer> {
    @Parameters(index = "0") Path db;
    @Parameters(index = "1") Path schema;
    @Parameters(index = "2", arity = "0..1") Path dst;

    @Override
    public Integer call() {
      DatabaseFiles.convert(db, readJson(schema), dst);
      return 0;
    }
  }

  @Command(name = "needs-conversion", description = "Prints yes if DB's schema differs from SCHEMA.")
  static final class NeedsConversion implements Callable<Integer> {
    @Parameters(index = "0") Path db;
    @Parameters(index = "1") Path schema;

    @Override
    public Integer call() {
      System.out.println(DatabaseFiles.needsConversion(db, readJson(schema)) ? "yes" : "no");
      return 0;
    }
  }

  @Command(name = "query", description = "Runs a read-only transaction on DB and prints the result.")
  static final class Query implements Callable<Integer> {
    @Parameters(index = "0") Path db;
    @Parameters(index = "1") String transaction;

    @Override
    public Integer call() {
      System.out.println(DatabaseFiles.transact(db, Json.parse(transaction), true));
      return 0;
    }
  }

  @Command(name = "transact", description = "Runs a transaction on DB and prints the result.")
  static final class Transact implements Callable<Integer> {
    @Parameters(index = "0") Path db;
    @Parameters(index = "1") String transaction;

    @Override
    public Integer call() {
      System.out.println(DatabaseFiles.transact(db, Json.parse(transaction), false));
      return 0;
    }
  }

  @Command(name = "schema-name") static final class SchemaName extends Printer {
    @Parameters(arity = "0..1") Path schema = Path.of(DEFAULT_SCHEMA);

    @Override
    String value() {
      return SchemaInfo.of(readJson(schema)).name();
    }
  }

  @Command(name = "schema-version") static final class SchemaVersion extends Printer {
    @Parameters(arity = "0..1") Path schema = Path.of(DEFAULT_SCHEMA);

    @Override
    String value() {
      return SchemaInfo.of(readJson(schema)).version();
    }
  }

  @Command(name = "schema-cksum") static final class SchemaCksum extends Printer {
    @Parameters(arity = "0..1") Path schema = Path.of(DEFAULT_SCHEMA);

    @Override
    String value() {
      return SchemaInfo.of(readJson(schema)).cksum();
    }
  }

  @Command(name = "db-name") static final class DbName extends Printer {
    @Parameters(arity = "0..1") Path db = Path.of(DEFAULT_DB);

    @Override
    String value() {
      return SchemaInfo.ofDatabase(db).name();
    }
  }

  @Command(name = "db-version") static final class DbVersion extends Printer {
    @Parameters(arity = "0..1") Path db = Path.of(DEFAULT_DB);

    @Override
    String value() {
      return SchemaInfo.ofDatabase(db).version();
    }
  }

  @Command(name = "db-cksum") static final class DbCksum extends Printer {
    @Parameters(arity = "0..1") Path db = Path.of(DEFAULT_DB);

    @Override
    String value() {
      return SchemaInfo.ofDatabase(db).cksum();
    }
  }

  /** A command that prints one value (an empty line when absent, as ovsdb-tool does). */
  abstract static class Printer implements Callable<Integer> {
    abstract String value();

    @Override
    public Integer call() {
      String v = value();
      System.out.println(v == null ? "" : v);
      return 0;
    }
  }
}
