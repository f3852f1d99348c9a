package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.ChangeSetJson;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.RowChange;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.raft.RaftReplica;
import org.jovn.ovsdb.raft.ReplicaStateMachine;
import org.jovn.ovsdb.schema.TableSchema;
import org.jovn.ovsdb.txn.TransactionOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a {@link DatabaseEngine} a member of a Raft cluster.
 *
 * <p><b>Writes.</b> A client's write transaction is forwarded, on every member, through
 * {@link RaftReplica#submit} to the leader, where {@link #propose} executes it against the
 * latest state — committed entries plus the leader's own proposals still in flight, applied
 * speculatively so that many transactions can be in flight at once — and turns its change set
 * into a log entry. Every member applies committed entries in order ({@link #apply}); the member
 * that forwarded the transaction replies once it has applied the entry, so a client's own
 * updates still reach it before its reply. If the leader loses leadership, its speculative
 * changes are undone ({@link #leadershipLost}); the entries that still commit are applied again
 * from the log like any other. Proposals stay invisible to clients until they commit: reads and
 * new monitors see the committed state ({@link #readCommitted}), and monitor updates are sent
 * when a proposal commits, not when it is made.
 *
 * <p><b>Threading.</b> Every state change runs on the engine's loop; Ratis threads block only in
 * {@link #propose} and {@link #snapshot} while the loop does the work.
 */
final class ClusterMember implements ReplicaStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterMember.class);

  /** A proposal of this leader not yet committed: its transaction id and changes. */
  private record Speculative(UUID txnId, ChangeSet changes) {}

  private final DatabaseEngine engine;
  private final Runnable onStatusChange;
  private volatile RaftReplica replica;
  /** Loop-confined. */
  private final ArrayDeque<Speculative> speculative = new ArrayDeque<>();
  private final TreeMap<Long, List<Runnable>> afterIndex = new TreeMap<>();
  private long appliedIndex;
  private long appliedTerm;

  ClusterMember(DatabaseEngine engine, Runnable onStatusChange) {
    this.engine = engine;
    this.onStatusChange = onStatusChange;
  }

  void attach(RaftReplica r) {
    this.replica = r;
  }

  RaftReplica replica() {
    return replica;
  }

  /** Forwards a write transaction to the leader and replies once it is applied here. */
  void forward(MonitorSink client, JsonNode requestId, JsonNode params, long start) {
    for (int i = 1; i < params.size(); i++) {
      JsonNode op = params.get(i);
      if ("assert".equals(op.path("op").asText()) && !client.ownsLock(op.path("lock").asText())) {
        OvsdbException e = new OvsdbException("not owner", "Asserted lock "
            + op.path("lock").asText() + " not held.");
        engine.outbox().add(() -> client.replyError(requestId, e.toJson()));
        return;
      }
    }
    ObjectNode request = Json.object();
    request.set("params", params);
    long elapsed = engine.clock().millis() - start;
    request.put("elapsed", elapsed);
    RaftReplica r = replica;
    r.submit(request.toString().getBytes(StandardCharsets.UTF_8)).whenComplete((s, err) ->
        engine.loop().execute(() -> {
          if (err != null) {
            OvsdbException e = new OvsdbException("not leader", "the cluster has no leader "
                + "that accepts writes now (" + rootMessage(err) + "); try again later");
            engine.outbox().add(() -> client.replyError(requestId, e.toJson()));
            return;
          }
          JsonNode reply = Json.parse(new String(s.reply(), StandardCharsets.UTF_8));
          if (reply.has("blocked")) {
            engine.block(client, requestId, params, start, reply.get("blocked").asLong());
            return;
          }
          JsonNode results = reply.get("results");
          whenApplied(s.index(), () -> engine.outbox().add(() -> client.reply(requestId,
              results)));
        }));
  }

  private void whenApplied(long index, Runnable task) {
    if (index <= appliedIndex) {
      task.run();
    } else {
      afterIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(task);
    }
  }

  @Override
  public Proposal propose(byte[] request) {
    return engine.call(db -> proposeOnLoop(request)).join();
  }

  private Proposal proposeOnLoop(byte[] request) {
    JsonNode req = Json.parse(new String(request, StandardCharsets.UTF_8));
    TransactionOutcome out = engine.executor().execute(req.get("params"),
        req.path("elapsed").asLong(0), lock -> true, false);
    ObjectNode reply = Json.object();
    if (out.blocked()) {
      reply.put("blocked", out.timeoutMs());
      return new Proposal(null, bytes(reply), null);
    }
    reply.set("results", out.results());
    if (!out.hasChanges()) {
      return new Proposal(null, bytes(reply), null);
    }
    UUID txnId = engine.newTxnId();
    engine.applyProposed(out.changes(), txnId);
    Speculative spec = new Speculative(txnId, out.changes());
    speculative.addLast(spec);
    ObjectNode entry = Json.object();
    entry.put("txn", txnId.toString());
    entry.set("record", ChangeSetJson.toRecord(out.changes(), out.comment(),
        engine.clock().millis(), true));
    return new Proposal(bytes(entry), bytes(reply), spec);
  }

  @Override
  public CompletableFuture<Void> apply(long term, long index, byte[] entry,
      Proposal proposedHere) {
    return engine.call(db -> {
      if (entry.length > 0) {
        Speculative mine = proposedHere == null ? null : (Speculative) proposedHere.token();
        if (mine != null && speculative.peekFirst() == mine) {
          speculative.pollFirst();
          engine.committed(mine.changes(), mine.txnId(), engine.outbox());
        } else {
          applyForeign(db, entry);
        }
      }
      appliedIndex = index;
      appliedTerm = term;
      runAfterIndex();
      return null;
    }).thenRun(onStatusChange);
  }

  private void applyForeign(Database db, byte[] entry) {
    JsonNode e = Json.parse(new String(entry, StandardCharsets.UTF_8));
    UUID txnId = Atoms.parseUuid(e.get("txn").asText());
    ChangeSet changes = ChangeSetJson.fromFileRecord(db, e.get("record"), engine::newTxnId);
    engine.applyChanges(changes, txnId, engine.outbox());
  }

  private void runAfterIndex() {
    Iterator<Map.Entry<Long, List<Runnable>>> it = afterIndex.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, List<Runnable>> e = it.next();
      if (e.getKey() > appliedIndex) {
        break;
      }
      e.getValue().forEach(Runnable::run);
      it.remove();
    }
  }

  @Override
  public void leadershipLost() {
    engine.call(db -> {
      rollBack(db);
      return null;
    });
  }

  /** Undoes every speculative change, newest first; their updates are never sent. */
  private void rollBack(Database db) {
    if (!speculative.isEmpty()) {
      LOG.info("{}: undoing {} proposals not known to be committed", engine.name(),
          speculative.size());
    }
    while (!speculative.isEmpty()) {
      Speculative s = speculative.pollLast();
      db.apply(inverse(s.changes()));
      engine.history().removeLast(s.txnId());
    }
  }

  private static ChangeSet inverse(ChangeSet changes) {
    ChangeSet.Builder b = ChangeSet.builder();
    changes.tables().forEach((table, rows) -> {
      for (RowChange c : rows.values()) {
        b.put(table, new RowChange(c.neu(), c.old()));
      }
    });
    return b.build();
  }

  @Override
  public void statusChanged() {
    onStatusChange.run();
  }

  @Override
  public Snapshot snapshot() {
    return engine.call(db -> readCommitted(() -> {
      ObjectNode s = Json.object();
      s.set("record", ChangeSetJson.snapshotRecord(db, engine.clock().millis(), true));
      s.put("txn", engine.history().lastTxnId().toString());
      return new Snapshot(bytes(s), appliedTerm, appliedIndex);
    })).join();
  }

  /**
   * Runs a read against the committed state: this leader's proposals not yet committed are
   * undone (in the database and the history) for the duration of the read, then redone, so
   * that no client reads data that may never commit. Loop-confined.
   */
  <T> T readCommitted(Supplier<T> read) {
    if (speculative.isEmpty()) {
      return read.get();
    }
    Database db = engine.database();
    List<Speculative> pending = new ArrayList<>(speculative);
    for (int i = pending.size() - 1; i >= 0; i--) {
      db.apply(inverse(pending.get(i).changes()));
      engine.history().removeLast(pending.get(i).txnId());
    }
    try {
      return read.get();
    } finally {
      for (Speculative p : pending) {
        db.apply(p.changes());
        engine.history().add(p.txnId(), p.changes());
      }
    }
  }

  @Override
  public void restore(Snapshot snapshot) {
    engine.call(db -> {
      rollBack(db);
      JsonNode s = Json.parse(new String(snapshot.data(), StandardCharsets.UTF_8));
      ChangeSet.Builder b = ChangeSet.builder();
      for (TableSchema t : db.schema().tables()) {
        for (Row r : new ArrayList<>(db.rows(t.name()))) {
          b.put(t.name(), new RowChange(r, null));
        }
      }
      Database empty = new Database(db.schema());
      ChangeSet fresh = ChangeSetJson.fromFileRecord(empty, s.get("record"), engine::newTxnId);
      fresh.tables().forEach((table, rows) -> rows.values().forEach(c -> b.put(table, c)));
      UUID txnId = Atoms.parseUuid(s.get("txn").asText());
      engine.applyChanges(b.build(), txnId, engine.outbox());
      engine.history().reset(txnId);
      appliedIndex = snapshot.index();
      appliedTerm = snapshot.term();
      return null;
    }).join();
  }

  /** The index of the last entry applied here. Loop-confined. */
  long appliedIndex() {
    return appliedIndex;
  }

  private static byte[] bytes(JsonNode json) {
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String rootMessage(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof java.util.concurrent.TimeoutException) {
      return "no leader committed the write in time; it may still commit";
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }
}
