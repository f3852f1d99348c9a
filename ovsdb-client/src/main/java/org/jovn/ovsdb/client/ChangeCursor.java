package org.jovn.ovsdb.client;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Follows one table of a replica from snapshot to snapshot, for code that keeps state derived
 * from the table and brings it up to date: each {@link #next} tells which rows changed since the
 * snapshot given to the previous call ({@link ReplicaSnapshot#changedRows}). Not thread-safe.
 */
public final class ChangeCursor {
  private final String table;
  private ReplicaSnapshot seen;

  /** A cursor on {@code table}, at no snapshot yet. */
  public ChangeCursor(String table) {
    this.table = Objects.requireNonNull(table, "table");
  }

  /**
   * The UUIDs of the rows changed between the snapshot given last and {@code now}, which becomes
   * the cursor's position; empty (read the whole table) on the first call, after
   * {@link #reset}, or when the replica cannot tell.
   */
  public Optional<Set<UUID>> next(ReplicaSnapshot now) {
    Optional<Set<UUID>> changed = seen == null ? Optional.empty()
        : now.changedRows(table, seen);
    seen = now;
    return changed;
  }

  /** Forgets the position: the next call reads the whole table. */
  public void reset() {
    seen = null;
  }
}
