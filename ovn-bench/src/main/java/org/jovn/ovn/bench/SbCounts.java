package org.jovn.ovn.bench;

import java.time.Duration;
import org.jovn.ovn.sb.DatapathBinding;
import org.jovn.ovn.sb.LogicalFlow;
import org.jovn.ovn.sb.PortBinding;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.schema.DatabaseSchema;

/**
 * How many rows northd wrote to the Southbound: logical flows, port bindings, datapaths.
 *
 * @param logicalFlows rows of {@code Logical_Flow}
 * @param portBindings rows of {@code Port_Binding}
 * @param datapaths rows of {@code Datapath_Binding}
 */
record SbCounts(long logicalFlows, long portBindings, long datapaths) {
  /** The first monitor reply holds every row (one small column each): allow large messages. */
  private static final int MAX_REPLY_BYTES = 1 << 30;

  /**
   * Counts the rows of a replica holding one integer column of each table. (A {@code select}
   * naming columns would not do: ovsdb-server returns distinct projected rows only.)
   *
   * @throws BenchException when the database cannot be read within {@code timeout}
   */
  static SbCounts read(String sbRemote, Duration timeout) {
    try (OvsdbClient sb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-sb"))
        .remotes(sbRemote)
        .rpcOptions(RpcOptions.defaults().withMessageLimits(MAX_REPLY_BYTES, 1000))
        .monitor(LogicalFlow.TABLE, LogicalFlow.TABLE_ID)
        .monitor(PortBinding.TABLE, PortBinding.TUNNEL_KEY)
        .monitor(DatapathBinding.TABLE, DatapathBinding.TUNNEL_KEY).build()) {
      Waits.get(sb.connect(), timeout, "reading the Southbound");
      ReplicaSnapshot s = sb.snapshot();
      return new SbCounts(s.rows(LogicalFlow.TABLE).size(), s.rows(PortBinding.TABLE).size(),
          s.rows(DatapathBinding.TABLE).size());
    }
  }
}
