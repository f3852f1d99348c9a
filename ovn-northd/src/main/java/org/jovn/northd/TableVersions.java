package org.jovn.northd;

import java.util.ArrayList;
import java.util.List;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * Which versions of some tables a snapshot holds: a replica snapshot reuses the very same row
 * map for a table that did not change, so two {@code TableVersions} taken from snapshots are
 * {@link #same} exactly when none of the tables changed in between. Immutable.
 */
final class TableVersions {
  /** Versions that match no snapshot. */
  static final TableVersions NONE = new TableVersions(List.of());

  private final List<Object> maps;

  private TableVersions(List<Object> maps) {
    this.maps = maps;
  }

  /** The versions of these tables in the snapshot. */
  static TableVersions of(ReplicaSnapshot s, String... tables) {
    List<Object> maps = new ArrayList<>(tables.length);
    for (String t : tables) {
      maps.add(s.rows(t));
    }
    return new TableVersions(maps);
  }

  /** These versions followed by {@code more}. */
  TableVersions and(TableVersions more) {
    List<Object> all = new ArrayList<>(maps);
    all.addAll(more.maps);
    return new TableVersions(all);
  }

  /** Whether both name the very same table contents. */
  boolean same(TableVersions other) {
    return org.jovn.northd.model.Identity.sameObjects(maps, other.maps);
  }
}
