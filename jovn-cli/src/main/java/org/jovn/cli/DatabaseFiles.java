package org.jovn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.db.ChangeSetJson;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.SchemaConversion;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.LogStorage;
import org.jovn.ovsdb.storage.LogFile;
import org.jovn.ovsdb.txn.TransactionExecutor;
import org.jovn.ovsdb.txn.TransactionOutcome;

/** The file operations behind {@code jovn ovsdb-tool}. Stateless. */
final class DatabaseFiles {
  private static final RandomGenerator RANDOM = RandomGenerator.of("L64X128MixRandom");

  private DatabaseFiles() {}

  static void create(Path db, JsonNode schema) {
    LogStorage.create(db, schema);
  }

  /** Rewrites DB as its schema plus one snapshot record, in place or into DST. */
  static void compact(Path db, Path dst) {
    if (dst == null) {
      LogStorage.Opened o = LogStorage.open(db, InstantSource.system(), RANDOM);
      try (LogStorage s = o.storage()) {
        s.compact(o.database());
      }
      return;
    }
    LogStorage.Opened o = LogStorage.open(db, InstantSource.system(), RANDOM);
    try (LogStorage s = o.storage()) {
      write(dst, o.database().schema().json(), o.database(), false);
    }
  }

  /** True when the file's schema is not the given one. */
  static boolean needsConversion(Path db, JsonNode schema) {
    JsonNode current = LogFile.readAll(db).get(0);
    return !normalized(current).equals(normalized(schema));
  }

  /** The JSON re-read by one mapper, so that equal numbers compare equal whatever their width. */
  private static JsonNode normalized(JsonNode json) {
    return org.jovn.ovsdb.json.Json.parse(json.toString());
  }

  /**
   * Converts the data to a new schema: columns present in both keep their values when these fit
   * the new type; others take their defaults.
   */
  static void convert(Path db, JsonNode schemaJson, Path dst) {
    DatabaseSchema schema = DatabaseSchema.fromJson(schemaJson);
    LogStorage.Opened o = LogStorage.open(db, InstantSource.system(), RANDOM);
    Database converted;
    try (LogStorage s = o.storage()) {
      converted = SchemaConversion.convert(o.database(), schema, RANDOM);
    }
    Path target = dst != null ? dst : db;
    write(target, schemaJson, converted, dst == null);
  }

  private static void write(Path target, JsonNode schema, Database db, boolean replace) {
    Path tmp = replace ? target.resolveSibling(target.getFileName() + ".convert.tmp") : target;
    try {
      Files.deleteIfExists(tmp);
      try (LogFile log = LogFile.create(tmp)) {
        log.append(schema);
        if (db.totalRows() > 0) {
          log.append(ChangeSetJson.snapshotRecord(db, System.currentTimeMillis()));
        }
        log.sync();
      }
      if (replace) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a transaction on the file (committing it unless read-only) and returns the result. */
  static JsonNode transact(Path file, JsonNode txn, boolean readOnly) {
    LogStorage.Opened o = LogStorage.open(file, InstantSource.system(), RANDOM);
    try (LogStorage s = o.storage()) {
      TransactionExecutor exec = new TransactionExecutor(o.database(), RANDOM);
      TransactionOutcome out = exec.execute(txn, 0, lock -> false, readOnly);
      if (out.blocked()) {
        throw new OvsdbException("timed out", "\"wait\" condition not satisfied");
      }
      if (out.hasChanges()) {
        o.database().apply(out.changes());
        s.append(out.changes(), out.comment(), System.currentTimeMillis());
        s.sync();
      }
      return out.results();
    }
  }
}
