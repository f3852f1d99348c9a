package org.jovn.ovsdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.UUID;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.txn.TransactionExecutor;
import org.jovn.ovsdb.txn.TransactionOutcome;

/** Test support shared by the packages' tests: schemas and a database that commits. */
public final class Fixtures {
  private Fixtures() {}

  /** The small test schema (test resource {@code test.ovsschema}). */
  public static DatabaseSchema testSchema() {
    try (InputStream in = Fixtures.class.getResourceAsStream("test.ovsschema")) {
      return DatabaseSchema.fromJson(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses JSON written with single quotes for readability. */
  public static JsonNode json(String singleQuoted) {
    return Json.parse(singleQuoted.replace('\'', '"'));
  }

  /** A database plus an executor with a seeded random source; commits what succeeds. */
  public static final class Db {
    public final Database db;
    public final TransactionExecutor executor;
    /** The change set of the last transaction. */
    public ChangeSet lastChanges = ChangeSet.empty();
    public TransactionOutcome lastOutcome;

    public Db(DatabaseSchema schema) {
      this(schema, 42);
    }

    public Db(DatabaseSchema schema, long seed) {
      this.db = new Database(schema);
      this.executor = new TransactionExecutor(db, new Random(seed));
    }

    /** Runs the operations (a JSON array, single quotes allowed) and commits the changes. */
    public JsonNode transact(String ops) {
      return transact(ops, 0);
    }

    public JsonNode transact(String ops, long elapsedMs) {
      ArrayNode params = Json.array();
      params.add(db.schema().name());
      json(ops).forEach(params::add);
      lastOutcome = executor.execute(params, elapsedMs, lock -> lock.equals("mine"), false);
      lastChanges = lastOutcome.changes();
      db.apply(lastChanges);
      // Re-read so that numbers compare equal to parsed expectations (long, not int, nodes).
      return lastOutcome.results() == null ? null : Json.parse(Json.write(lastOutcome.results()));
    }

    /** The uuid of the i-th result of the last transaction (an insert). */
    public UUID uuid(JsonNode results, int i) {
      return Atoms.parseUuid(results.get(i).get("uuid").get(1).textValue());
    }

    public Row row(String table, UUID uuid) {
      return db.row(table, uuid);
    }
  }
}
