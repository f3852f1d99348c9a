package org.jovn.ovsdb.raft;

import java.util.List;
import java.util.UUID;

/**
 * A member's view of its cluster, for {@code _Server} and cluster/status.
 *
 * @param cid cluster id
 * @param sid this server's id
 * @param address this server's Raft address
 * @param role "leader", "follower", "candidate" or "listener"
 * @param term current term
 * @param leader the leader's address, or null when unknown
 * @param connected true when this server knows a leader (is part of a working majority)
 * @param logStartIndex index of the first entry still in the log (earlier ones are in the
 *     snapshot)
 * @param lastLogIndex index of the last log entry
 * @param commitIndex index of the last committed entry
 * @param appliedIndex index of the last applied entry
 * @param servers the configured members
 * @param electionTimerMs the election timer
 */
public record ClusterStatus(UUID cid, UUID sid, ClusterAddress address, String role, long term,
    ClusterAddress leader, boolean connected, long logStartIndex, long lastLogIndex, long commitIndex,
    long appliedIndex, List<ClusterAddress> servers, long electionTimerMs) {

  public boolean isLeader() {
    return "leader".equals(role);
  }

  /** The text of ovs-appctl cluster/status, with ovsdb-server's field names. */
  public String render(String dbName) {
    StringBuilder b = new StringBuilder();
    b.append(shortId(sid)).append('\n');
    b.append("Name: ").append(dbName).append('\n');
    b.append("Cluster ID: ").append(shortId(cid)).append(" (").append(cid).append(")\n");
    b.append("Server ID: ").append(shortId(sid)).append(" (").append(sid).append(")\n");
    b.append("Address: ").append(address).append('\n');
    b.append("Status: ").append(connected ? "cluster member" : "disconnected from the cluster")
        .append('\n');
    b.append("Role: ").append(role).append('\n');
    b.append("Term: ").append(term).append('\n');
    b.append("Leader: ").append(leader == null ? "unknown"
        : leader.equals(address) ? "self" : shortId(leader.serverId())).append('\n');
    b.append("Vote: ").append(leader == null ? "unknown" : shortId(leader.serverId()))
        .append('\n');
    b.append("\nElection timer: ").append(electionTimerMs).append('\n');
    b.append("Log: [").append(Math.max(1, logStartIndex)).append(", ").append(lastLogIndex + 1)
        .append("]\n");
    b.append("Entries not yet committed: ").append(Math.max(0, lastLogIndex - commitIndex))
        .append('\n');
    b.append("Entries not yet applied: ").append(Math.max(0, commitIndex - appliedIndex))
        .append('\n');
    b.append("Connections:");
    for (ClusterAddress s : servers) {
      if (!s.equals(address)) {
        b.append(" ->").append(shortId(s.serverId())).append(" <-").append(shortId(s.serverId()));
      }
    }
    b.append('\n');
    b.append("Disconnections: 0\n");
    b.append("Servers:\n");
    for (ClusterAddress s : servers) {
      b.append("    ").append(shortId(s.serverId())).append(" (").append(shortId(s.serverId()))
          .append(" at ").append(s).append(')');
      if (s.equals(address)) {
        b.append(" (self)");
      }
      if (s.equals(leader)) {
        b.append(" (leader)");
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** The first four hex digits, as OVS abbreviates ids. */
  public static String shortId(UUID id) {
    return id.toString().substring(0, 4);
  }
}
