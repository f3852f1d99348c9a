package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.data.Uuids;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.db.SchemaConversion;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.monitor.Monitor;
import org.jovn.ovsdb.monitor.UpdateFormat;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.txn.TransactionExecutor;
import org.jovn.ovsdb.txn.TransactionOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one database: runs transactions, commits them durably, feeds monitors and keeps the
 * transaction history.
 *
 * <p><b>Threading.</b> Everything that touches the database runs on its {@link CommitLoop}: one
 * writer, no locks. Public methods are thread-safe; they hand work to the loop and answer
 * through the client's {@link MonitorSink}.
 *
 * <p><b>Commit path.</b> A transaction is executed against the committed state (propose), its
 * change set applied ({@link Database#apply}, the replay path), its monitor updates computed and
 * its record appended to the log. At the end of the batch the monitor updates go out (monitors see
 * a commit once it is applied, as with ovsdb-server), while the replies wait in {@link #outbox}
 * until the batch's single fsync (run on a sync thread, see {@link #afterBatch}) makes the
 * commits durable: a transaction is acknowledged only once durable, and a client's own updates
 * always reach it before its reply.
 */
public final class DatabaseEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseEngine.class);

  /** Replaced only by {@link #convert}, on the loop; volatile for {@link #schema}. */
  private volatile Database db;
  private final DatabaseStorage storage;
  private TransactionExecutor executor;
  private final CommitLoop loop;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final TxnHistory history = new TxnHistory();
  private final Monitors monitors = new Monitors();
  private final BlockedTransactions blocked;
  private final List<Runnable> outbox = new ArrayList<>();
  /**
   * Monitor updates of this batch's standalone commits, and replies to monitor requests, in the
   * order they happened: sent at the end of the batch, before the fsync, as ovsdb-server sends
   * them; the committing clients' replies wait in {@link #outbox} for the fsync. A monitor's
   * reply thus always precedes its first update. (Clustered commits send updates only once
   * committed by the cluster.)
   */
  private final List<Runnable> updatesNow = new ArrayList<>();
  /** Tasks waiting for no sync to be in flight. */
  private final ArrayDeque<Runnable> whenIdle = new ArrayDeque<>();
  /** Batches for the sync thread, in order. */
  private final java.util.concurrent.ConcurrentLinkedQueue<SyncBatch> toSync =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean syncScheduled =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** Batches handed to the sync thread and not yet released. */
  private int inFlight;
  private final ExecutorService syncer;
  private final List<BiConsumer<Database, ChangeSet>> commitListeners = new ArrayList<>();
  private final boolean clientsReadOnly;
  /** Set once, before clients connect, for clustered databases; read on the loop thread. */
  private volatile ClusterMember cluster;

  /**
   * Starts serving a database.
   *
   * @param db the recovered contents, now owned by this engine
   * @param storage where commits go; {@link DatabaseStorage#none()} for an in-memory database
   * @param clientsReadOnly true for {@code _Server}, which clients may only read
   */
  public DatabaseEngine(Database db, DatabaseStorage storage, InstantSource clock,
      RandomGenerator random, boolean clientsReadOnly) {
    this.db = db;
    this.storage = storage;
    this.clock = clock;
    this.random = random;
    this.clientsReadOnly = clientsReadOnly;
    this.executor = new TransactionExecutor(db, random);
    this.loop = new CommitLoop("db-" + db.schema().name(), this::afterBatch);
    this.syncer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "db-" + db.schema().name() + "-sync");
      t.setDaemon(true);
      return t;
    });
    this.blocked = new BlockedTransactions(clock);
  }

  public String name() {
    return db.schema().name();
  }

  public DatabaseSchema schema() {
    return db.schema();
  }

  /** Runs a task on the database thread and returns its result (failed if the engine closed). */
  public <T> CompletableFuture<T> call(Function<Database, T> task) {
    CompletableFuture<T> f = new CompletableFuture<>();
    boolean queued = loop.execute(() -> {
      try {
        f.complete(task.apply(db));
      } catch (RuntimeException | Error e) {
        // Errors too (e.g. a class that fails to load): the caller must not wait forever.
        f.completeExceptionally(e);
      }
    });
    if (!queued) {
      f.completeExceptionally(new IllegalStateException("database " + name() + " is closed"));
    }
    return f;
  }

  /** Makes this engine a member of a cluster: writes go through the cluster's leader. */
  void attachCluster(ClusterMember member) {
    this.cluster = member;
  }

  /** The cluster membership, or null for a standalone database. */
  ClusterMember cluster() {
    return cluster;
  }

  Database database() {
    return db;
  }

  TransactionExecutor executor() {
    return executor;
  }

  TxnHistory history() {
    return history;
  }

  List<Runnable> outbox() {
    return outbox;
  }

  CommitLoop loop() {
    return loop;
  }

  InstantSource clock() {
    return clock;
  }

  UUID newTxnId() {
    return newUuid();
  }

  /** Calls the listener on the database thread after every commit. */
  public void addCommitListener(BiConsumer<Database, ChangeSet> listener) {
    loop.execute(() -> commitListeners.add(listener));
  }

  /** Executes a "transact" request and replies through the client. */
  void transact(MonitorSink client, JsonNode requestId, JsonNode params) {
    long start = clock.millis();
    loop.execute(() -> runTransaction(client, requestId, params, start));
  }

  private void runTransaction(MonitorSink client, JsonNode requestId, JsonNode params,
      long start) {
    if (cluster != null && !isReadOnly(params)) {
      cluster.forward(client, requestId, params, start);
      return;
    }
    TransactionOutcome out;
    try {
      out = committedView(() -> executor.execute(params, clock.millis() - start,
          client::ownsLock, clientsReadOnly || client.readOnly()));
    } catch (OvsdbException e) {
      outbox.add(() -> client.replyError(requestId, e.toJson()));
      return;
    }
    if (out.blocked()) {
      block(client, requestId, params, start, out.timeoutMs());
      return;
    }
    if (out.hasChanges()) {
      commit(out.changes(), out.comment());
    }
    JsonNode results = out.results();
    outbox.add(() -> client.reply(requestId, results));
  }

  /** Commits a change set made by the server itself (e.g. {@code _Server} rows). */
  public void commitInternal(Function<Database, ChangeSet> change) {
    loop.execute(() -> {
      ChangeSet cs = change.apply(db);
      if (!cs.isEmpty()) {
        commit(cs, null);
      }
    });
  }

  /**
   * Applies a change set made by the server itself without writing it to storage, as
   * ovsdb-server's replay commit of remote status: monitors and waiting transactions see it, the
   * file never does (no record, no fsync). Only for changes that need no durability, such as
   * ephemeral status columns. Ignored on a clustered database, whose contents come only from
   * its log (ovsdb-server reports no remote status there either).
   */
  void commitInMemory(Function<Database, ChangeSet> change) {
    loop.execute(() -> {
      if (cluster != null) {
        return;
      }
      ChangeSet cs = change.apply(db);
      if (!cs.isEmpty()) {
        applyChanges(cs, newUuid(), updatesNow);
      }
    });
  }

  /** Parks a transaction whose "wait" is not yet satisfied; it runs again on later commits. */
  void block(MonitorSink client, JsonNode requestId, JsonNode params, long start,
      long timeoutMs) {
    blocked.add(client, requestId, params, start, timeoutMs, this::runTransaction);
    if (timeoutMs != Long.MAX_VALUE) {
      long delay = Math.max(0, start + timeoutMs - clock.millis());
      Timers.schedule(delay, () -> loop.execute(() -> {}));
    }
  }

  /** True when every operation only reads (such transactions never need the cluster leader). */
  static boolean isReadOnly(JsonNode params) {
    for (int i = 1; i < params.size(); i++) {
      String op = params.get(i).path("op").asText();
      if (!READ_ONLY_OPS.contains(op)) {
        return false;
      }
    }
    return true;
  }

  private static final java.util.Set<String> READ_ONLY_OPS =
      java.util.Set.of("select", "wait", "comment", "assert", "abort");

  private void commit(ChangeSet changes, String comment) {
    applyChanges(changes, newUuid(), updatesNow);
    storage.append(changes, comment, clock.millis());
  }

  /**
   * The replay path: applies committed (or, on a cluster leader, proposed) changes to the
   * database, records them in the history and queues the monitor updates they cause.
   */
  void applyChanges(ChangeSet changes, UUID txnId, List<Runnable> sends) {
    applyProposed(changes, txnId);
    committed(changes, txnId, sends);
  }

  /**
   * A cluster leader's proposal: applies its changes to the database and history, but tells no
   * monitor and wakes no blocked transaction until {@link #committed} (readers see the committed
   * state through {@link #committedView}).
   */
  void applyProposed(ChangeSet changes, UUID txnId) {
    db.apply(changes);
    history.add(txnId, changes);
    for (BiConsumer<Database, ChangeSet> l : commitListeners) {
      l.accept(db, changes);
    }
  }

  /** Changes already applied are now committed: queues monitor updates, retries waiters. */
  void committed(ChangeSet changes, UUID txnId, List<Runnable> sends) {
    monitors.collectUpdates(changes, txnId, sends);
    blocked.retryAll();
  }

  /** Runs a read against committed data only (a cluster leader hides its proposals). */
  private <T> T committedView(java.util.function.Supplier<T> read) {
    ClusterMember member = cluster;
    return member == null ? read.get() : member.readCommitted(read);
  }

  /**
   * Ends a batch of tasks: hands its log records to the OS and its replies and updates to the
   * sync thread, which sends them back to this thread once the fsync is done. Meanwhile this
   * thread goes on with the next batch, so the disk and the executor work in parallel; batches
   * are released in order.
   */
  private void afterBatch() {
    blocked.expire();
    ClusterMember member = cluster;
    if (member != null) {
      member.flushForwards();
    }
    for (Runnable r : updatesNow) {
      r.run();
    }
    updatesNow.clear();
    if (outbox.isEmpty() && !storage.hasUnsynced()) {
      return;
    }
    List<Runnable> batch = new ArrayList<>(outbox);
    outbox.clear();
    inFlight++;
    toSync.add(new SyncBatch(storage.flushForSync(), batch));
    if (syncScheduled.compareAndSet(false, true)) {
      syncer.execute(this::syncAll);
    }
  }

  /** A batch's log writes and the replies that wait for them to be durable. */
  private record SyncBatch(Runnable write, List<Runnable> replies) {}

  /**
   * On the sync thread: writes every batch waiting, fsyncs once for all of them, and hands them
   * back to the loop for release in order. Under load batches pile up while the disk syncs, so
   * one fsync covers many of them (group commit).
   */
  private void syncAll() {
    syncScheduled.set(false);
    List<SyncBatch> batches = new ArrayList<>();
    for (SyncBatch b = toSync.poll(); b != null; b = toSync.poll()) {
      batches.add(b);
    }
    if (batches.isEmpty()) {
      return;
    }
    boolean durable = true;
    try {
      for (SyncBatch b : batches) {
        b.write().run();
      }
      storage.forceWritten();
    } catch (RuntimeException e) {
      durable = false;
      LOG.error("database {}: writing to disk failed; replies withheld", name(), e);
    }
    boolean ok = durable;
    loop.execute(() -> batches.forEach(b -> release(b.replies(), ok)));
  }

  private void release(List<Runnable> batch, boolean durable) {
    inFlight--;
    if (durable) {
      for (Runnable r : batch) {
        r.run();
      }
    }
    if (inFlight == 0) {
      while (!whenIdle.isEmpty()) {
        whenIdle.poll().run();
      }
      storage.maybeCompact(db);
    }
  }

  /** Runs the task on this thread once no sync is in flight (compaction swaps the file). */
  private void whenNoSyncInFlight(Runnable task) {
    if (inFlight == 0 && outbox.isEmpty() && !storage.hasUnsynced()) {
      task.run();
    } else {
      whenIdle.add(task);
    }
  }

  /**
   * Starts a monitor (monitor, monitor_cond or monitor_cond_since) and replies with its initial
   * contents.
   *
   * @param lastTxnId for monitor_cond_since, the client's last transaction id, else null
   */
  void monitor(MonitorSink client, JsonNode requestId, JsonNode monitorId, JsonNode requests,
      UpdateFormat format, UUID lastTxnId) {
    loop.execute(() -> committedView(() -> {
      startMonitor(client, requestId, monitorId, requests, format, lastTxnId);
      return null;
    }));
  }

  private void startMonitor(MonitorSink client, JsonNode requestId, JsonNode monitorId,
      JsonNode requests, UpdateFormat format, UUID lastTxnId) {
    try {
      Monitor m = Monitor.fromJson(db.schema(), monitorId, requests, format);
      if (!monitors.add(client, m)) {
        throw new OvsdbException("duplicate monitor ID", "monitor " + monitorId
            + " already exists");
      }
      JsonNode result;
      if (format == UpdateFormat.UPDATE3) {
        ChangeSet missed = lastTxnId == null ? null : history.since(lastTxnId);
        ObjectNode updates = missed == null ? m.initial(db) : m.update(missed);
        ArrayNode r = Json.array();
        r.add(missed != null);
        r.add(history.lastTxnId().toString());
        r.add(updates == null ? Json.object() : updates);
        result = r;
      } else {
        result = m.initial(db);
      }
      // With the updates, not after the fsync: a commit made after this point sends its
      // update at the end of the batch, and the client must see the reply first.
      updatesNow.add(() -> client.reply(requestId, result));
    } catch (OvsdbException e) {
      client.monitorRejected(monitorId);
      outbox.add(() -> client.replyError(requestId, e.toJson()));
    }
  }

  /** monitor_cond_change: new conditions (and possibly a new id) for a monitor. */
  void changeMonitor(MonitorSink client, JsonNode requestId, JsonNode monitorId,
      JsonNode newId, JsonNode conditions) {
    loop.execute(() -> {
      try {
        Monitor m = monitors.rename(client, monitorId, newId);
        ObjectNode u = committedView(() -> m.changeConditions(db, conditions));
        // As ovsdb-server: the rows entering and leaving the monitor, then the reply.
        if (u != null) {
          UUID last = history.lastTxnId();
          updatesNow.add(() -> Monitors.send(client, m, u, last));
        }
        updatesNow.add(() -> client.reply(requestId, Json.object()));
      } catch (OvsdbException e) {
        outbox.add(() -> client.replyError(requestId, e.toJson()));
      }
    });
  }

  /** monitor_cancel. Completes with false when the client has no such monitor. */
  CompletableFuture<Boolean> cancelMonitor(MonitorSink client, JsonNode monitorId) {
    return call(d -> monitors.remove(client, monitorId));
  }

  /** Forgets a client that disconnected. */
  void clientClosed(MonitorSink client) {
    loop.execute(() -> {
      monitors.removeAll(client);
      blocked.removeAll(client);
    });
  }

  /** The "cancel" method: abandons a blocked transaction. */
  void cancelTransaction(MonitorSink client, JsonNode requestId) {
    loop.execute(() -> blocked.cancel(client, requestId));
  }

  /** Compacts the database file now (once commits in flight are durable). */
  public CompletableFuture<Void> compact() {
    ClusterMember member = cluster;
    if (member != null) {
      return member.replica().snapshotNow().thenApply(index -> null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(() -> whenNoSyncInFlight(() -> {
      try {
        storage.compact(db);
        done.complete(null);
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    }));
    return done;
  }

  /**
   * The "convert" method: converts the database to a new version of its schema while it is
   * served, as ovsdb-server does. Once commits in flight are durable, the converted contents
   * replace the file (written whole, like a compaction, so a crash leaves the old or the new
   * database) and the data; the transaction history restarts, so that monitor_cond_since
   * clients fetch everything again; every monitor of the database is ended: a client that asked
   * to be told of database changes ({@code set_db_change_aware}) receives
   * {@code monitor_canceled} for each, and is otherwise disconnected.
   */
  CompletableFuture<Void> convert(DatabaseSchema target) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loop.execute(() -> {
      if (cluster != null) {
        done.completeExceptionally(new OvsdbException("not supported", "converting a "
            + "clustered database online is not supported; convert its file offline"));
        return;
      }
      whenNoSyncInFlight(() -> {
        try {
          Database converted = SchemaConversion.convert(db, target, random);
          storage.compact(converted);
          db = converted;
          executor = new TransactionExecutor(converted, random);
          history.reset(newUuid());
          for (Monitors.Entry m : monitors.clear()) {
            m.client().monitorCanceled(m.monitor().id());
          }
          LOG.info("database {} converted to schema version {}", name(), target.version());
          done.complete(null);
        } catch (RuntimeException e) {
          done.completeExceptionally(e);
        }
      });
    });
    return done;
  }

  /** Figures for memory/show. */
  CompletableFuture<String> memoryReport() {
    return call(d -> "cells:" + d.totalRows() + " monitors:" + monitors.count()
        + " txn-history:" + history.size());
  }

  private UUID newUuid() {
    return Uuids.random(random);
  }

  /** Finishes queued work, makes it durable, and closes the storage. */
  @Override
  public void close() {
    ClusterMember member = cluster;
    if (member != null && member.replica() != null) {
      member.replica().close();
    }
    loop.close();
    syncer.shutdown();
    try {
      syncer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storage.close();
  }
}
