package org.jovn.northd.sb;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.NorthboundInputs;
import org.jovn.northd.pipeline.MulticastGroup;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * Everything northd wants the Southbound database to hold, computed from one Northbound
 * snapshot.
 *
 * @param nb the Northbound snapshot it was computed from
 * @param inputs the switches and routers read from it
 * @param flows the logical flows of each switch and router, by Northbound UUID
 * @param groups the multicast groups of each switch, by Northbound UUID
 * @param globalOptions {@code SB_Global.options}
 * @param nbCfg {@code NB_Global.nb_cfg}, copied to {@code SB_Global.nb_cfg} once the rest is
 *     written
 */
public record SouthboundPlan(ReplicaSnapshot nb, NorthboundInputs inputs,
    Map<UUID, Set<LogicalFlow>> flows, Map<UUID, List<MulticastGroup>> groups,
    Map<String, String> globalOptions, long nbCfg) {
}
