package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Uuids;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.ChangeSetJson;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.storage.CompactionPolicy;
import org.jovn.ovsdb.storage.LogFile;
import org.jovn.ovsdb.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database kept in a standalone OVSDB file (ovsdb(5)): the schema record, then one record per
 * commit. Recovery replays the records through {@link Database#apply}; compaction writes the
 * schema plus one snapshot record. Fsync policy: see {@link LogFile} — a commit is acknowledged
 * only after the {@link #sync} that covers it.
 */
public final class LogStorage implements DatabaseStorage {
  private static final Logger LOG = LoggerFactory.getLogger(LogStorage.class);

  private final LogFile log;
  private final CompactionPolicy policy;
  /** Commits not yet handed to the log; owner thread only. */
  private final List<Pending> pending = new ArrayList<>();

  private LogStorage(LogFile log, CompactionPolicy policy) {
    this.log = log;
    this.policy = policy;
  }

  /** A database read back from its file, and the storage that continues it. */
  public record Opened(Database database, LogStorage storage) {}

  /**
   * Opens a database file, replaying its transactions.
   *
   * @throws StorageException when the file cannot be opened or is locked by another server
   * @throws OvsdbException when its schema or a record is invalid
   */
  public static Opened open(Path file, InstantSource clock, RandomGenerator random) {
    AtomicReference<Database> db = new AtomicReference<>();
    long[] count = {0};
    LogFile log = LogFile.open(file, record -> {
      if (db.get() == null) {
        db.set(new Database(DatabaseSchema.fromJson(record)));
      } else {
        Database d = db.get();
        d.apply(ChangeSetJson.fromFileRecord(d, record, () -> Uuids.random(random)));
        count[0]++;
      }
    });
    if (db.get() == null) {
      log.close();
      throw new StorageException(file + ": database file has no schema record");
    }
    LOG.info("{}: opened database {} ({} transactions, {} rows)", file,
        db.get().schema().name(), count[0], db.get().totalRows());
    return new Opened(db.get(), new LogStorage(log,
        new CompactionPolicy(clock, random)));
  }

  /** Creates a new database file holding only the schema (as {@code ovsdb-tool create}). */
  public static void create(Path file, JsonNode schemaJson) {
    DatabaseSchema.fromJson(schemaJson);
    try (LogFile log = LogFile.create(file)) {
      log.append(schemaJson);
      log.sync();
    }
  }

  @Override
  public void append(ChangeSet changes, String comment, long dateMs) {
    pending.add(new Pending(changes, comment, dateMs));
  }

  /** A commit whose record is yet to be encoded and written. */
  private record Pending(ChangeSet changes, String comment, long dateMs) {}

  /** Encodes and appends the queued records (on whichever thread owns the log just then). */
  private static void write(LogFile log, List<Pending> records) {
    for (Pending p : records) {
      ObjectNode record = ChangeSetJson.toFileRecord(p.changes(), p.comment(), p.dateMs());
      if (record != null) {
        log.append(record);
      }
    }
  }

  @Override
  public boolean hasUnsynced() {
    return !pending.isEmpty();
  }

  @Override
  public void sync() {
    if (!pending.isEmpty()) {
      write(log, pending);
      pending.clear();
      log.sync();
    }
  }

  /**
   * Hands the queued commits to the sync thread, which encodes their records (change sets are
   * immutable), appends them and fsyncs: the owner thread spends no time on JSON, hashing or I/O.
   * The sync thread runs one batch at a time and compaction waits for it to be idle, so the log
   * always has a single user at a time.
   */
  @Override
  public Runnable flushForSync() {
    if (pending.isEmpty()) {
      return () -> {};
    }
    List<Pending> batch = new ArrayList<>(pending);
    pending.clear();
    return () -> {
      write(log, batch);
      log.flush();
    };
  }

  @Override
  public void forceWritten() {
    log.force();
  }

  @Override
  public void compact(Database db) {
    sync();
    boolean ok = false;
    try {
      log.replaceWith(List.of(db.schema().json(), ChangeSetJson.snapshotRecord(db,
          System.currentTimeMillis())));
      ok = true;
      LOG.info("{}: compacted database to {} bytes", log.path(), log.size());
    } finally {
      policy.compacted(ok);
    }
  }

  @Override
  public void maybeCompact(Database db) {
    if (policy.shouldCompact(log)) {
      try {
        compact(db);
      } catch (StorageException e) {
        LOG.warn("{}: compaction failed: {}", log.path(), e.getMessage());
      }
    }
  }

  /** The file's path. */
  public Path path() {
    return log.path();
  }

  @Override
  public void close() {
    try {
      sync();
    } finally {
      log.close();
    }
  }
}
