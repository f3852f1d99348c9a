package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * {@link RaftReplica#submit} to the leader — batched with the other writes that arrived meanwhile
 * ({@link #flushForwards}) — where {@link #propose} executes them, in order, against the
 * latest state: committed entries plus the leader's own proposals still in flight, applied
 * speculatively so that many transactions can be in flight at once. A batch's change sets make
 * one log entry, each keeping its own transaction id. Every member applies committed entries in order ({@link #apply}); the member
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

  /** A client's write waiting to be sent to the leader. */
  private record Forwarded(MonitorSink client, JsonNode requestId, JsonNode params, long start) {}

  /**
   * A batch this member submitted while leading, executed from memory by {@link #propose}.
   *
   * @param replies filled in by the leader: one reply object per transaction
   */
  private record LocalBatch(long id, List<Forwarded> batch, ArrayNode replies) {
    LocalBatch(long id, List<Forwarded> batch) {
      this(id, batch, Json.array());
    }
  }

  /**
   * Batches of forwarded writes a member may have in flight to the leader at once. One: Raft's
   * cost is per entry, so fewer, larger entries carry more transactions per second (measured
   * with 64 writes in flight on one connection: 1 batch 2,400 txn/s, 2 batches 1,500, 4 batches
   * 1,200, all CPU-bound on two cores).
   */
  static final int MAX_BATCHES_IN_FLIGHT = 1;
  /** Most transactions in one batch (one Raft entry). */
  static final int MAX_BATCH = 256;

  private final DatabaseEngine engine;
  private final Runnable onStatusChange;
  private volatile RaftReplica replica;
  /** Loop-confined. */
  private final ArrayDeque<Speculative> speculative = new ArrayDeque<>();
  private final TreeMap<Long, List<Runnable>> afterIndex = new TreeMap<>();
  /** Writes waiting for the next batch to the leader. Loop-confined. */
  private final List<Forwarded> queued = new ArrayList<>();
  private int batchesInFlight;
  /** Batches submitted while leading, by id. Loop-confined. */
  private final Map<Long, LocalBatch> localBatches = new java.util.HashMap<>();
  private long nextLocalId;
  /** Tells this process's local batches from another's. */
  private final UUID instance = UUID.randomUUID();
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
    queued.add(new Forwarded(client, requestId, params, start));
  }

  /**
   * Sends the queued writes to the leader, many per Raft entry. Called by the engine at the end
   * of every batch of loop tasks, hence also when a batch in flight completes. At most
   * {@link #MAX_BATCHES_IN_FLIGHT} batches are in flight at once; writes arriving meanwhile wait
   * and go together in the next one, so a loaded member proposes few large entries instead of
   * one entry per transaction (the per-entry cost of Raft — a log append, an fsync on each
   * member, a round trip, Ratis's bookkeeping — is then shared). Loop-confined.
   */
  void flushForwards() {
    while (!queued.isEmpty() && batchesInFlight < MAX_BATCHES_IN_FLIGHT) {
      int n = Math.min(queued.size(), MAX_BATCH);
      List<Forwarded> batch = new ArrayList<>(queued.subList(0, n));
      queued.subList(0, n).clear();
      submit(batch, true);
    }
  }

  /**
   * Sends one batch to the leader. When this member leads, the request carries only a handle of
   * the batch, which {@link #propose} (in this process) executes from memory: the transactions
   * are neither serialized nor parsed again, and their results come back the same way. If
   * leadership moved meanwhile, the new leader cannot resolve the handle and asks for the whole
   * batch, which is then sent again in full.
   */
  private void submit(List<Forwarded> batch, boolean mayStayLocal) {
    ObjectNode request = Json.object();
    LocalBatch mine = null;
    if (mayStayLocal && replica.isLeader()) {
      mine = new LocalBatch(nextLocalId++, batch);
      localBatches.put(mine.id(), mine);
      request.put("local", instance.toString());
      request.put("id", mine.id());
    } else {
      ArrayNode txns = request.putArray("txns");
      long now = engine.clock().millis();
      for (Forwarded f : batch) {
        ObjectNode t = txns.addObject();
        t.set("params", f.params());
        t.put("elapsed", now - f.start());
      }
    }
    LocalBatch local = mine;
    batchesInFlight++;
    replica.submit(bytes(request)).whenComplete((s, err) -> engine.loop().execute(() -> {
      batchesInFlight--;
      if (local != null) {
        localBatches.remove(local.id());
      }
      if (err != null) {
        OvsdbException e = new OvsdbException("not leader", "the cluster has no leader "
            + "that accepts writes now (" + rootMessage(err) + "); try again later");
        for (Forwarded f : batch) {
          engine.outbox().add(() -> f.client().replyError(f.requestId(), e.toJson()));
        }
        return;
      }
      // An empty reply: Ratis retried the request after a change of leader and found it already
      // committed, with the reply of a member that did not propose it (which has none).
      JsonNode reply = s.reply().length == 0 ? Json.object()
          : Json.parse(new String(s.reply(), StandardCharsets.UTF_8));
      if (reply.has("resend")) {
        submit(batch, false);
        return;
      }
      JsonNode replies = local != null ? local.replies() : reply.path("replies");
      if (replies.size() < batch.size()) {
        // Not "not leader": clients retry those, and this write did commit.
        OvsdbException e = new OvsdbException("results lost", "the write was committed "
            + "during a change of leader, but its results were lost; read the database to see "
            + "them");
        for (Forwarded f : batch) {
          whenApplied(s.index(), () -> engine.outbox().add(() -> f.client().replyError(
              f.requestId(), e.toJson())));
        }
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        Forwarded f = batch.get(i);
        JsonNode r = replies.path(i);
        if (r.has("blocked")) {
          engine.block(f.client(), f.requestId(), f.params(), f.start(),
              r.get("blocked").asLong());
        } else if (r.has("error")) {
          JsonNode error = r.get("error");
          engine.outbox().add(() -> f.client().replyError(f.requestId(), error));
        } else {
          JsonNode results = r.get("results");
          whenApplied(s.index(), () -> engine.outbox().add(() -> f.client().reply(
              f.requestId(), results)));
        }
      }
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

  /**
   * Executes a batch of forwarded transactions in order, each seeing the ones before it, and
   * makes one log entry of all their changes (one transaction id each, as in a standalone log).
   */
  private Proposal proposeOnLoop(byte[] request) {
    JsonNode req = Json.parse(new String(request, StandardCharsets.UTF_8));
    if (req.has("local")) {
      LocalBatch local = instance.toString().equals(req.get("local").asText())
          ? localBatches.get(req.path("id").asLong()) : null;
      if (local == null || local.replies().size() > 0) {
        // Not submitted here, or already executed once (Ratis retried it): send it in full.
        return new Proposal(null, bytes(Json.object().put("resend", true)), null);
      }
      long now = engine.clock().millis();
      List<JsonNode> params = new ArrayList<>();
      long[] elapsed = new long[local.batch().size()];
      for (int i = 0; i < elapsed.length; i++) {
        Forwarded f = local.batch().get(i);
        params.add(f.params());
        elapsed[i] = now - f.start();
      }
      return execute(params, elapsed, local.replies(), bytes(Json.object().put("local", true)));
    }
    List<JsonNode> params = new ArrayList<>();
    JsonNode txns = req.path("txns");
    long[] elapsed = new long[txns.size()];
    for (int i = 0; i < elapsed.length; i++) {
      params.add(txns.get(i).get("params"));
      elapsed[i] = txns.get(i).path("elapsed").asLong(0);
    }
    ObjectNode reply = Json.object();
    ArrayNode replies = reply.putArray("replies");
    return execute(params, elapsed, replies, null);
  }

  /**
   * Executes transactions one after another, adds one reply object per transaction to
   * {@code replies}, and proposes their changes as one entry.
   *
   * @param replyBytes the submitter's reply, or null to send {@code replies} (in a
   *     {@code "replies"} member) once they are filled in
   */
  private Proposal execute(List<JsonNode> params, long[] elapsed, ArrayNode replies,
      byte[] replyBytes) {
    ObjectNode entry = Json.object();
    ArrayNode entryTxns = entry.putArray("txns");
    List<Speculative> proposed = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      ObjectNode r = replies.addObject();
      TransactionOutcome out;
      try {
        out = engine.executor().execute(params.get(i), elapsed[i], lock -> true, false);
      } catch (OvsdbException e) {
        r.set("error", e.toJson());
        continue;
      }
      if (out.blocked()) {
        r.put("blocked", out.timeoutMs());
        continue;
      }
      r.set("results", out.results());
      if (out.hasChanges()) {
        UUID txnId = engine.newTxnId();
        engine.applyProposed(out.changes(), txnId);
        Speculative spec = new Speculative(txnId, out.changes());
        speculative.addLast(spec);
        proposed.add(spec);
        ObjectNode e = entryTxns.addObject();
        e.put("txn", txnId.toString());
        e.set("record", ChangeSetJson.toRecord(out.changes(), out.comment(),
            engine.clock().millis(), true));
      }
    }
    byte[] reply = replyBytes != null ? replyBytes
        : bytes(Json.object().set("replies", replies));
    if (proposed.isEmpty()) {
      return new Proposal(null, reply, null);
    }
    return new Proposal(bytes(entry), reply, List.copyOf(proposed));
  }

  @Override
  public CompletableFuture<Void> apply(long term, long index, byte[] entry,
      Proposal proposedHere) {
    return engine.call(db -> {
      if (entry.length > 0) {
        List<?> mine = proposedHere == null ? List.of() : (List<?>) proposedHere.token();
        if (!mine.isEmpty() && speculative.peekFirst() == mine.get(0)) {
          for (int i = 0; i < mine.size(); i++) {
            Speculative s = speculative.pollFirst();
            engine.committed(s.changes(), s.txnId(), engine.outbox());
          }
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

  /** Applies an entry another member proposed: its transactions, in order. */
  private void applyForeign(Database db, byte[] entry) {
    for (JsonNode t : Json.parse(new String(entry, StandardCharsets.UTF_8)).path("txns")) {
      UUID txnId = Atoms.parseUuid(t.get("txn").asText());
      ChangeSet changes = ChangeSetJson.fromFileRecord(db, t.get("record"), engine::newTxnId);
      engine.applyChanges(changes, txnId, engine.outbox());
    }
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
