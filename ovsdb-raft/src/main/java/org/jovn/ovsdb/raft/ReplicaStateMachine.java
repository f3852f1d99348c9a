package org.jovn.ovsdb.raft;

import java.util.concurrent.CompletableFuture;

/**
 * What a replicated database must do for the Raft layer. Implemented by the server's database
 * engine; every method hands work to the engine's single owner thread.
 */
public interface ReplicaStateMachine {
  /**
   * On the leader: executes a client request against the latest state, including entries
   * proposed but not yet committed, and applies its changes to that state speculatively.
   * Blocks until done.
   *
   * @param request the request as submitted through {@link RaftReplica#submit}
   * @return the entry to replicate (or none), and the reply for the submitter
   */
  Proposal propose(byte[] request);

  /**
   * Applies a committed entry, in log order. For an entry this server proposed as leader (whose
   * changes are already applied speculatively) only the acknowledgement remains to be done.
   *
   * @param proposedHere the proposal this server made for the entry, or null
   * @return completes when applied
   */
  CompletableFuture<Void> apply(long term, long index, byte[] entry, Proposal proposedHere);

  /**
   * This server stopped being leader (or never was): speculative changes not yet committed must
   * be undone, as the new leader decides their fate.
   */
  void leadershipLost();

  /** Role, term or leader changed (for {@code _Server} and cluster/status). */
  void statusChanged();

  /** The committed state, for a snapshot: exactly the entries applied so far. Blocks. */
  Snapshot snapshot();

  /** Replaces the whole state with a snapshot (on restart or when installed from the leader). */
  void restore(Snapshot snapshot);

  /**
   * A snapshot of the committed state.
   *
   * @param data the state
   * @param term term of the last entry it includes
   * @param index index of the last entry it includes
   */
  record Snapshot(byte[] data, long term, long index) {}

  /**
   * A proposal: the log entry to replicate, or null when the request changes nothing (a failed
   * or read-only transaction), and the reply to send back to the submitter.
   *
   * @param entry the entry bytes, or null
   * @param reply the reply bytes
   * @param token the state machine's own handle of the speculative change, or null
   */
  record Proposal(byte[] entry, byte[] reply, Object token) {}
}
