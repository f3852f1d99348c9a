package org.jovn.ovsdb.raft;

/**
 * Tunables of a cluster member.
 *
 * @param electionTimerMs OVS's election timer: a follower that hears nothing from the leader for
 *     between half of it and all of it starts an election (default 1000)
 * @param snapshotEveryEntries take a snapshot, and drop the log before it, after this many entries
 * @param writeTimeoutMs how long a write waits for a leader before failing
 */
public record RaftSettings(long electionTimerMs, long snapshotEveryEntries, long writeTimeoutMs) {
  public static RaftSettings defaults() {
    return new RaftSettings(1000, 10_000, 5_000);
  }

  public RaftSettings withElectionTimer(long ms) {
    return new RaftSettings(ms, snapshotEveryEntries, writeTimeoutMs);
  }

  public RaftSettings withSnapshotEvery(long entries) {
    return new RaftSettings(electionTimerMs, entries, writeTimeoutMs);
  }
}
