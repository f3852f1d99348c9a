package org.jovn.ovsdb.client;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The recent history of one replica table: which rows each replica update touched, newest
 * first. Immutable; a snapshot keeps the history as it stood when taken, and later updates
 * extend it without copying, so two snapshots of one replica can say which rows differ between
 * them without comparing the tables.
 *
 * <p>The history is bounded: past {@link #MAX_BATCHES} updates or {@link #MAX_ROWS} row entries
 * the oldest part is dropped, and a question about that far back gets no answer.
 */
final class TableChanges {
  static final int MAX_BATCHES = 512;
  static final int MAX_ROWS = 200_000;

  /** The history of a table nothing has happened to since the replica began. */
  static final TableChanges EMPTY = new TableChanges(0, Set.of(), null, 0, 0, 0);

  private final long seqno;
  private final Set<UUID> rows;
  private final TableChanges older;
  private final long knownAfter;
  private final int batches;
  private final int rowCount;

  private TableChanges(long seqno, Set<UUID> rows, TableChanges older, long knownAfter,
      int batches, int rowCount) {
    this.seqno = seqno;
    this.rows = rows;
    this.older = older;
    this.knownAfter = knownAfter;
    this.batches = batches;
    this.rowCount = rowCount;
  }

  /** This history followed by the update that made replica seqno {@code seqno}. */
  TableChanges then(long seqno, Set<UUID> changed) {
    Set<UUID> copy = Set.copyOf(changed);
    if (batches + 1 > MAX_BATCHES || rowCount + copy.size() > MAX_ROWS) {
      // Start afresh: only what follows the newest update already recorded is known.
      return new TableChanges(seqno, copy, null, this.seqno, 1, copy.size());
    }
    return new TableChanges(seqno, copy, this, knownAfter, batches + 1,
        rowCount + copy.size());
  }

  /**
   * The rows touched by the updates after replica seqno {@code since} up to this history's
   * newest; empty if the history does not reach back that far.
   */
  Optional<Set<UUID>> since(long since) {
    if (since < knownAfter) {
      return Optional.empty();
    }
    Set<UUID> out = new HashSet<>();
    for (TableChanges c = this; c != null && c.seqno > since; c = c.older) {
      out.addAll(c.rows);
    }
    return Optional.of(out);
  }
}
