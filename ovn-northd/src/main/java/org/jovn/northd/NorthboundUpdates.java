package org.jovn.northd;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jovn.northd.ipam.Ipam;
import org.jovn.northd.net.MacAddress;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovn.sb.Chassis;
import org.jovn.ovn.sb.ChassisPrivate;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovn.sb.SbGlobal;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;
import org.jovn.ovsdb.data.Row;

/**
 * What northd writes back to the Northbound database, as ovn-northd 23.03 does:
 * <ul>
 *   <li>before computing flows: the {@code NB_Global} row if there is none, its
 *       {@code options} northd maintains ({@code mac_prefix} and {@code svc_monitor_mac},
 *       chosen at random once, {@code max_tunid}, {@code northd_internal_version}), and dynamic
 *       address assignments ({@link Ipam});</li>
 *   <li>after the Southbound is written: {@code sb_cfg} (the {@code SB_Global.nb_cfg} northd
 *       last committed) and {@code hv_cfg} (the smallest {@code nb_cfg} every chassis reports in
 *       {@code Chassis_Private}), with timestamps, and {@code Logical_Switch_Port.up} from the
 *       port's binding.</li>
 * </ul>
 * Each method gives a transaction only if something must change; the state it keeps between
 * runs, to look only at what changed, is in {@link DynamicPorts} and {@link PortUpStates}.
 */
final class NorthboundUpdates {
  /** {@code max_tunid} of a Geneve deployment, as ovn-northd writes it. */
  static final String MAX_TUNID = "16711680";
  /** The version string ovn-northd 23.03.1 writes; ovn-controller may compare it. */
  static final String INTERNAL_VERSION = "23.03.1-20.27.0-70.6";

  private NorthboundUpdates() {}

  /** The options northd wants in {@code NB_Global} (and copies to {@code SB_Global}). */
  static Map<String, String> globalOptions(Map<String, String> have, RandomGenerator random) {
    Map<String, String> out = new HashMap<>(have);
    out.put("mac_prefix", Ipam.macPrefix(have.get("mac_prefix"), random));
    if (MacAddress.tryParse(have.getOrDefault("svc_monitor_mac", "")).isEmpty()) {
      out.put("svc_monitor_mac", randomMac(random).toString());
    }
    out.put("max_tunid", MAX_TUNID);
    out.put("northd_internal_version", INTERNAL_VERSION);
    return out;
  }

  private static MacAddress randomMac(RandomGenerator random) {
    long v = random.nextLong() & 0xffffffffffffL;
    return new MacAddress((v & ~0x010000000000L) | 0x020000000000L);
  }

  /** NB_Global and dynamic addresses, before flows are computed. */
  static Optional<Transaction> beforeFlows(ReplicaSnapshot nb, RandomGenerator random,
      DynamicPorts dynamicPorts) {
    Transaction t = new Transaction(nb.schema());
    Optional<NbGlobal> global = NbGlobal.all(nb).findFirst();
    if (global.isEmpty()) {
      t.insert(NbGlobal.TABLE).set(NbGlobal.OPTIONS, globalOptions(Map.of(), random));
      return Optional.of(t);
    }
    Map<String, String> options = globalOptions(global.get().options(), random);
    if (!options.equals(global.get().options())) {
      t.update(NbGlobal.TABLE, global.get().uuid().uuid()).set(NbGlobal.OPTIONS, options);
    }
    Map<UUID, Optional<String>> assigned = dynamicPorts.any(nb)
        ? Ipam.assign(nb, options.get("mac_prefix")) : Map.of();
    assigned.forEach((lsp, value) -> t.update(LogicalSwitchPort.TABLE, lsp)
        .set(LogicalSwitchPort.DYNAMIC_ADDRESSES, value));
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }

  /** sb_cfg, hv_cfg and port up states, once the Southbound holds the flows. */
  static Optional<Transaction> afterFlows(ReplicaSnapshot nb, ReplicaSnapshot sb,
      InstantSource clock, PortUpStates portsUp) {
    Optional<NbGlobal> global = NbGlobal.all(nb).findFirst();
    if (global.isEmpty()) {
      return Optional.empty();
    }
    NbGlobal g = global.get();
    Transaction t = new Transaction(nb.schema());
    long sbCfg = SbGlobal.all(sb).findFirst().map(SbGlobal::nbCfg).orElse(0L);
    if (sbCfg != 0 && g.sbCfg() != sbCfg) {
      t.update(NbGlobal.TABLE, g.uuid().uuid()).set(NbGlobal.SB_CFG, sbCfg)
          .set(NbGlobal.SB_CFG_TIMESTAMP, clock.millis());
    }
    long hvCfg = g.nbCfg();
    long hvTs = 0;
    for (ChassisPrivate cp : ChassisPrivate.all(sb).toList()) {
      Optional<Chassis> ch = cp.chassis().flatMap(r -> Chassis.get(sb, r));
      if (ch.isEmpty()
          || Boolean.parseBoolean(ch.get().otherConfig().getOrDefault("is-remote", "false"))) {
        continue;
      }
      if (cp.nbCfg() < hvCfg) {
        hvCfg = cp.nbCfg();
        hvTs = cp.nbCfgTimestamp();
      } else if (cp.nbCfg() == hvCfg && cp.nbCfgTimestamp() > hvTs) {
        hvTs = cp.nbCfgTimestamp();
      }
    }
    if (g.hvCfg() != hvCfg || g.hvCfgTimestamp() != hvTs) {
      t.update(NbGlobal.TABLE, g.uuid().uuid()).set(NbGlobal.HV_CFG, hvCfg)
          .set(NbGlobal.HV_CFG_TIMESTAMP, hvTs);
    }
    portsUp.update(nb, sb, t);
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }
}
