package org.jovn.northd.sb;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.model.RouterInput;
import org.jovn.northd.model.SwitchInput;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the {@code Datapath_Binding} changes a plan implies: one row per
 * logical switch and router, its tunnel key kept as long as the row lives, new rows taking the
 * smallest free key; rows of switches and routers that are gone are deleted.
 */
final class DatapathSync {
  /** The largest datapath key ({@code SB_Global options:max_tunid} of a Geneve deployment). */
  static final int MAX_DATAPATH_KEY = (1 << 24) - 1;

  private final Map<UUID, UUID> rows = new HashMap<>();
  private final Set<UUID> deleted = new HashSet<>();
  private final Map<UUID, Long> tunnelKeys = new HashMap<>();

  /** The Datapath_Binding row (or insert placeholder) of a switch or router, or null. */
  UUID rowOf(UUID nbUuid) {
    return rows.get(nbUuid);
  }

  /** The tunnel key the datapath of a switch or router has (or is given), or null. */
  Long tunnelKeyOf(UUID nbUuid) {
    return tunnelKeys.get(nbUuid);
  }

  /** The switches and routers whose datapath this transaction deletes. */
  Set<UUID> deleted() {
    return deleted;
  }

  static DatapathSync apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb) {
    DatapathSync out = new DatapathSync();
    Map<UUID, DatapathBinding> existing = new HashMap<>();
    KeyAllocator keys = new KeyAllocator(1, MAX_DATAPATH_KEY);
    Set<UUID> wanted = new HashSet<>(plan.inputs().switches().keySet());
    wanted.addAll(plan.inputs().routers().keySet());
    DatapathBinding.all(sb).forEach(dp -> {
      DatapathKey key = DatapathKey.of(dp).orElse(null);
      if (key == null || existing.containsKey(key.nbUuid())) {
        t.delete(DatapathBinding.TABLE, dp.uuid().uuid());
      } else if (!wanted.contains(key.nbUuid())) {
        t.delete(DatapathBinding.TABLE, dp.uuid().uuid());
        out.deleted.add(key.nbUuid());
      } else {
        existing.put(key.nbUuid(), dp);
        keys.reserve(dp.tunnelKey());
      }
    });
    for (SwitchInput sw : plan.inputs().switches().values()) {
      out.put(t, existing.get(sw.uuid()), sw.uuid(),
          Map.of(DatapathKey.LOGICAL_SWITCH, sw.uuid().toString(), "name", sw.name()), keys);
    }
    for (RouterInput lr : plan.inputs().routers().values()) {
      out.put(t, existing.get(lr.uuid()), lr.uuid(),
          Map.of(DatapathKey.LOGICAL_ROUTER, lr.uuid().toString(), "name", lr.name()), keys);
    }
    return out;
  }

  private void put(Transaction t, DatapathBinding have, UUID nbUuid, Map<String, String> ids,
      KeyAllocator keys) {
    if (have == null) {
      long key = keys.allocate();
      tunnelKeys.put(nbUuid, key);
      rows.put(nbUuid, t.insert(DatapathBinding.TABLE)
          .set(DatapathBinding.TUNNEL_KEY, key)
          .set(DatapathBinding.EXTERNAL_IDS, ids).uuid());
      return;
    }
    tunnelKeys.put(nbUuid, have.tunnelKey());
    rows.put(nbUuid, have.uuid().uuid());
    if (!have.externalIds().equals(ids)) {
      t.update(DatapathBinding.TABLE, have.uuid().uuid()).set(DatapathBinding.EXTERNAL_IDS, ids);
    }
  }
}
