package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.model.RowMemo;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovsdb.client.ChangeCursor;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.data.Row;

/**
 * The Southbound's {@code Port_Binding} rows by logical port and by datapath, brought up to
 * date from the replica's change history: a pass after a small change looks at the bindings that
 * changed, not at all of them (the whole table is read again only on the first pass, or when
 * the history does not reach back). Not thread-safe.
 */
final class BindingIndex {
  private final RowMemo<PortBinding> converted = new RowMemo<>();
  private final Map<UUID, PortBinding> byRow = new HashMap<>();
  private final Map<String, PortBinding> byName = new HashMap<>();
  private final Map<UUID, Map<UUID, PortBinding>> byDatapath = new HashMap<>();
  private final ChangeCursor cursor = new ChangeCursor(PortBinding.TABLE);

  /**
   * Brings the index up to the bindings in {@code sb}; returns the logical ports (old and new
   * names) of the bindings changed since, or empty if the whole table was read again.
   */
  Optional<Set<String>> catchUp(ReplicaSnapshot sb) {
    Map<UUID, Row> rows = sb.rows(PortBinding.TABLE);
    Optional<Set<UUID>> delta = cursor.next(sb);
    if (delta.isEmpty()) {
      byRow.clear();
      byName.clear();
      byDatapath.clear();
      converted.retain(rows);
      rows.values().forEach(r -> add(converted.get(r, PortBinding::from)));
      return Optional.empty();
    }
    Set<String> names = new HashSet<>();
    // All removals first: one update may delete a binding and insert another of the same name.
    for (UUID u : delta.get()) {
      PortBinding old = byRow.remove(u);
      if (old != null) {
        names.add(old.logicalPort());
        byName.remove(old.logicalPort(), old);
        Map<UUID, PortBinding> onDatapath = byDatapath.get(old.datapath().uuid());
        onDatapath.remove(u);
        if (onDatapath.isEmpty()) {
          byDatapath.remove(old.datapath().uuid());
        }
      }
    }
    for (UUID u : delta.get()) {
      Row r = rows.get(u);
      if (r != null) {
        PortBinding pb = converted.get(r, PortBinding::from);
        names.add(pb.logicalPort());
        add(pb);
      }
    }
    converted.retain(rows);
    return Optional.of(names);
  }

  private void add(PortBinding pb) {
    byRow.put(pb.uuid().uuid(), pb);
    // Port_Binding's index on logical_port keeps names unique; were two to share one, the
    // first stays the one named and the other is deleted as a duplicate.
    byName.putIfAbsent(pb.logicalPort(), pb);
    byDatapath.computeIfAbsent(pb.datapath().uuid(), d -> new HashMap<>())
        .put(pb.uuid().uuid(), pb);
  }

  /** Every binding, by row. */
  Map<UUID, PortBinding> rows() {
    return byRow;
  }

  /** The binding of a logical port, or null. */
  PortBinding named(String logicalPort) {
    return byName.get(logicalPort);
  }

  /** The bindings on a datapath row. */
  java.util.Collection<PortBinding> onDatapath(UUID datapathRow) {
    return byDatapath.getOrDefault(datapathRow, Map.of()).values();
  }

  /** Forgets the index: the next pass reads every binding. */
  void reset() {
    cursor.reset();
  }
}
