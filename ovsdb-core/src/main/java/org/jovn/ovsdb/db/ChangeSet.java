package org.jovn.ovsdb.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The row changes of one committed transaction, grouped by table in the order they were first
 * touched. Immutable once built; this is what storage writes, what replay applies and what
 * monitors turn into updates.
 */
public final class ChangeSet {
  private static final ChangeSet EMPTY = new ChangeSet(Map.of());

  private final Map<String, Map<UUID, RowChange>> tables;

  ChangeSet(Map<String, Map<UUID, RowChange>> tables) {
    this.tables = tables;
  }

  public static ChangeSet empty() {
    return EMPTY;
  }

  /** Starts a builder. Not thread-safe. */
  public static Builder builder() {
    return new Builder();
  }

  /** Table name to the changes of its rows, in order. */
  public Map<String, Map<UUID, RowChange>> tables() {
    return tables;
  }

  public boolean isEmpty() {
    return tables.isEmpty();
  }

  /** Total number of changed rows. */
  public int size() {
    int n = 0;
    for (Map<UUID, RowChange> t : tables.values()) {
      n += t.size();
    }
    return n;
  }

  @Override
  public String toString() {
    return "ChangeSet" + tables;
  }

  /** Collects changes; a later change to the same row is merged with the earlier one. */
  public static final class Builder {
    private final Map<String, Map<UUID, RowChange>> tables = new LinkedHashMap<>();

    /** Records a change, merging with an earlier one of the same row. */
    public Builder put(String table, RowChange change) {
      Map<UUID, RowChange> rows = tables.computeIfAbsent(table, t -> new LinkedHashMap<>());
      UUID uuid = change.current().uuid();
      RowChange prev = rows.get(uuid);
      if (prev == null) {
        rows.put(uuid, change);
      } else if (prev.old() == null && change.neu() == null) {
        rows.remove(uuid);
      } else {
        rows.put(uuid, new RowChange(prev.old(), change.neu()));
      }
      return this;
    }

    public ChangeSet build() {
      Map<String, Map<UUID, RowChange>> out = new LinkedHashMap<>();
      tables.forEach((t, rows) -> {
        if (!rows.isEmpty()) {
          out.put(t, Collections.unmodifiableMap(rows));
        }
      });
      return out.isEmpty() ? EMPTY : new ChangeSet(Collections.unmodifiableMap(out));
    }
  }
}
