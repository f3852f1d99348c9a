package org.jovn.northd.sb;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jovn.ovn.sb.Chassis;
import org.jovn.ovn.sb.HaChassis;
import org.jovn.ovn.sb.HaChassisGroup;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the {@code HA_Chassis_Group} changes the wanted port bindings imply, as
 * ovn-northd 23.03 writes them: one group per name a binding refers to, each member an
 * {@code HA_Chassis} row with its priority, the {@code Chassis} of that name if it is
 * registered, and {@code external_ids:chassis-name} (so the member is known before its chassis
 * registers). A group whose members differ gets a fresh set of members; groups no binding
 * refers to are deleted. {@code ref_chassis} is not maintained.
 */
final class GatewaySync {
  private static final String CHASSIS_NAME = "chassis-name";

  private GatewaySync() {}

  /**
   * Adds the changes and returns the row (or insert placeholder) of every wanted group, by
   * name.
   */
  static Map<String, UUID> apply(Transaction t, Collection<PortSpec> wanted, ReplicaSnapshot sb) {
    Map<String, PortSpec.HaGroup> groups = new LinkedHashMap<>();
    for (PortSpec spec : wanted) {
      spec.haChassisGroup().ifPresent(g -> groups.putIfAbsent(g.name(), g));
    }
    Map<String, UUID> rows = new HashMap<>();
    Set<String> seen = new HashSet<>();
    HaChassisGroup.all(sb).forEach(g -> {
      PortSpec.HaGroup want = groups.get(g.name());
      if (want == null) {
        t.delete(HaChassisGroup.TABLE, g.uuid().uuid());
        return;
      }
      if (!seen.add(g.name())) {
        return;
      }
      rows.put(g.name(), g.uuid().uuid());
      if (!members(sb, g).equals(wantedMembers(sb, want))) {
        t.update(HaChassisGroup.TABLE, g.uuid().uuid())
            .set(HaChassisGroup.HA_CHASSIS, insertMembers(t, sb, want));
      }
    });
    groups.forEach((name, want) -> {
      if (!rows.containsKey(name)) {
        rows.put(name, t.insert(HaChassisGroup.TABLE).set(HaChassisGroup.NAME, name)
            .set(HaChassisGroup.HA_CHASSIS, insertMembers(t, sb, want)).uuid());
      }
    });
    return rows;
  }

  /** A member as compared: priority and the registered chassis it names, if any. */
  private record Member(long priority, Optional<UUID> chassis) {}

  private static Map<String, Member> members(ReplicaSnapshot sb, HaChassisGroup g) {
    Map<String, Member> out = new TreeMap<>();
    for (var ref : g.haChassis()) {
      Optional<HaChassis> h = HaChassis.get(sb, ref);
      if (h.isEmpty() || !h.get().externalIds().containsKey(CHASSIS_NAME)) {
        return Map.of("", new Member(-1, Optional.empty()));
      }
      out.put(h.get().externalIds().get(CHASSIS_NAME), new Member(h.get().priority(),
          h.get().chassis().map(c -> c.uuid())));
    }
    return out;
  }

  private static Map<String, Member> wantedMembers(ReplicaSnapshot sb, PortSpec.HaGroup want) {
    Map<String, Member> out = new TreeMap<>();
    want.members().forEach((name, priority) -> out.put(name, new Member(priority,
        Chassis.byName(sb, name).map(c -> c.uuid().uuid()))));
    return out;
  }

  private static Set<UUID> insertMembers(Transaction t, ReplicaSnapshot sb,
      PortSpec.HaGroup want) {
    Set<UUID> out = new HashSet<>();
    wantedMembers(sb, want).forEach((name, m) -> out.add(t.insert(HaChassis.TABLE)
        .set(HaChassis.CHASSIS, m.chassis())
        .set(HaChassis.PRIORITY, m.priority())
        .set(HaChassis.EXTERNAL_IDS, Map.of(CHASSIS_NAME, name)).uuid()));
    return out;
  }
}
