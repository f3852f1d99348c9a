package org.jovn.ovsdb.server;

import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;

/**
 * Where a database's commits go. Implementations are confined to the database's owner thread.
 */
public interface DatabaseStorage extends AutoCloseable {
  /** Queues the record of a commit (not yet durable). */
  void append(ChangeSet changes, String comment, long dateMs);

  /** True when appended records await {@link #sync}. */
  boolean hasUnsynced();

  /**
   * Makes every appended record durable.
   *
   * @throws RuntimeException when the disk fails; nothing since the last sync is durable
   */
  void sync();

  /**
   * Takes the records appended so far and returns the action that writes them to the log (to the
   * operating system, not yet durable). The action runs on the sync thread, one at a time, while
   * the owner thread goes on appending; never concurrently with {@link #compact} or
   * {@link #close}.
   */
  Runnable flushForSync();

  /** On the sync thread, after write actions: makes everything written durable (fsync). */
  void forceWritten();

  /** Rewrites the storage as one snapshot of the database. */
  void compact(Database db);

  /** Compacts when the storage's policy says it has grown enough. */
  void maybeCompact(Database db);

  @Override
  void close();

  /** Storage for an in-memory database: keeps nothing. */
  static DatabaseStorage none() {
    return new DatabaseStorage() {
      @Override
      public void append(ChangeSet changes, String comment, long dateMs) {}

      @Override
      public boolean hasUnsynced() {
        return false;
      }

      @Override
      public void sync() {}

      @Override
      public Runnable flushForSync() {
        return () -> {};
      }

      @Override
      public void forceWritten() {}

      @Override
      public void compact(Database db) {}

      @Override
      public void maybeCompact(Database db) {}

      @Override
      public void close() {}
    };
  }
}
