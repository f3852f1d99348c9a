package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jovn.ovsdb.data.Atoms;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.ConnectionClosedException;
import org.jovn.ovsdb.rpc.Notification;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.Request;
import org.jovn.ovsdb.rpc.RpcClient;
import org.jovn.ovsdb.rpc.RpcConnection;
import org.jovn.ovsdb.rpc.RpcException;
import org.jovn.ovsdb.rpc.RpcHandler;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link OvsdbClient}: the session state machine, the replica, pending
 * transactions, waiters and locks.
 *
 * <p>Design. Every field below the "client thread only" line is read and written on the client
 * thread, a single-thread scheduled executor; network callbacks (which come on Netty's event
 * loop) and public calls hop onto it. Because notifications and replies of one connection are
 * handed over in arrival order, an update the server sends before a transaction's reply is
 * applied before the reply completes the caller's future.
 *
 * <p>Session: connect to the next remote; check it through {@code _Server} (skipped when the
 * server has no {@code _Server}); fetch its schema; send the monitor request (falling back on
 * "unknown method"); apply the reply; then the session is SYNCED: locks are requested again and
 * queued transactions sent. Any failure closes the connection and moves on to the next remote,
 * with exponential backoff after a whole round of remotes failed. Each attempt has a generation
 * number; callbacks of older attempts are ignored.
 */
final class ClientCore {
  private static final Logger LOG = LoggerFactory.getLogger(ClientCore.class);

  private final ClientConfig config;
  private final RpcTransport transport;
  private final boolean ownsTransport;
  private final ScheduledExecutorService exec;
  private volatile Thread clientThread;
  private final List<ReplicaListener> replicaListeners = new CopyOnWriteArrayList<>();
  private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
  private volatile DatabaseSchema schema;
  private volatile ConnectionState state = ConnectionState.IDLE;
  private volatile ReplicaSnapshot finalSnapshot;

  // ---- client thread only ----
  private final ReplicaState replica;
  private final Map<String, TableSpec> specs;
  private final Locks locks = new Locks();
  private final Backoff backoff;
  private MonitorMethod method;
  private boolean wanted;
  private boolean closed;
  private boolean condsUnacked;
  private long generation;
  private RpcConnection conn;
  private String remoteName;
  private boolean synced;
  private int nextRemote;
  private int failedInRound;
  private long minIndex = -1;
  private ObjectNode serverRow;
  private ScheduledFuture<?> retryTimer;
  private final List<Pending> whenSynced = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();

  private record Pending(Runnable action, CompletableFuture<?> future) {}

  private record Waiter(Predicate<ReplicaSnapshot> condition,
      CompletableFuture<ReplicaSnapshot> future) {}

  ClientCore(ClientConfig config, RpcTransport transport) {
    this.config = config;
    this.ownsTransport = transport == null;
    this.transport = transport == null ? RpcTransport.create(1) : transport;
    this.exec = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "jovn-client-" + config.database());
      t.setDaemon(true);
      clientThread = t;
      return t;
    });
    this.schema = config.schema();
    this.replica = new ReplicaState(config.schema(), config.tables().keySet());
    this.specs = new HashMap<>(config.tables());
    this.backoff = new Backoff(config.minBackoff(), config.maxBackoff());
    this.method = config.monitorMethod();
  }

  // ---------------------------------------------------------------- public operations

  ConnectionState state() {
    return state;
  }

  DatabaseSchema schema() {
    return schema;
  }

  LockState lockState(String lock) {
    return locks.state(lock);
  }

  void addReplicaListener(ReplicaListener l) {
    replicaListeners.add(l);
  }

  void addConnectionListener(ConnectionListener l) {
    connectionListeners.add(l);
  }

  CompletableFuture<Void> connect() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    run(f, () -> {
      whenSynced(f, () -> f.complete(null));
      if (!wanted) {
        wanted = true;
        attempt();
      }
    });
    return f;
  }

  void disconnect() {
    call(() -> {
      wanted = false;
      drop();
      setState(ConnectionState.IDLE, null);
    });
  }

  void forceReconnect() {
    run(null, () -> {
      if (conn != null) {
        conn.close();
      }
    });
  }

  ReplicaSnapshot snapshot() {
    if (Thread.currentThread() == clientThread) {
      return replica.snapshot();
    }
    ReplicaSnapshot last = finalSnapshot;
    if (last != null) {
      return last;
    }
    try {
      return CompletableFuture.supplyAsync(replica::snapshot, exec).join();
    } catch (RejectedExecutionException e) {
      return finalSnapshot;
    }
  }

  CompletableFuture<ReplicaSnapshot> await(Predicate<ReplicaSnapshot> condition) {
    CompletableFuture<ReplicaSnapshot> f = new CompletableFuture<>();
    run(f, () -> {
      ReplicaSnapshot s = replica.snapshot();
      if (condition.test(s)) {
        f.complete(s);
      } else {
        waiters.add(new Waiter(condition, f));
      }
    });
    return f;
  }

  CompletableFuture<TransactionResult> transact(Transaction txn) {
    CompletableFuture<TransactionResult> f = new CompletableFuture<>();
    run(f, () -> whenSynced(f, () -> send(txn, f)));
    return f;
  }

  CompletableFuture<TransactionResult> transact(
      java.util.function.Function<ReplicaSnapshot, Transaction> build, int attempts) {
    CompletableFuture<TransactionResult> f = new CompletableFuture<>();
    run(f, () -> retry(build, attempts, f));
    return f;
  }

  CompletableFuture<ReplicaSnapshot> sync() {
    CompletableFuture<ReplicaSnapshot> f = new CompletableFuture<>();
    run(f, () -> syncOnce(f));
    return f;
  }

  /** An empty transaction as a barrier; sent again on the next session if this one is lost. */
  private void syncOnce(CompletableFuture<ReplicaSnapshot> f) {
    whenSynced(f, () -> {
      CompletableFuture<TransactionResult> one = new CompletableFuture<>();
      send(new Transaction(replica.schema()), one);
      one.whenCompleteAsync((r, err) -> {
        if (err instanceof TransactionException te
            && TransactionException.CONNECTION_LOST.equals(te.error())) {
          syncOnce(f);
        } else if (err != null) {
          f.completeExceptionally(err);
        } else {
          f.complete(replica.snapshot());
        }
      }, exec);
    });
  }

  CompletableFuture<Void> setCondition(String table, List<Clause> where) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    run(f, () -> {
      TableSpec spec = specs.get(table);
      if (spec == null) {
        throw new IllegalArgumentException("table " + table + " is not monitored");
      }
      specs.put(table, spec.withWhere(where));
      if (!synced || method == MonitorMethod.PLAIN) {
        condsUnacked = true;
        whenSynced(f, () -> f.complete(null));
        return;
      }
      RpcConnection c = conn;
      c.call("monitor_cond_change", MonitorRequests.condChange(replica.schema(), table, where))
          .whenCompleteAsync((r, err) -> {
            if (err != null) {
              condsUnacked = true;
              f.completeExceptionally(MonitorRequests.cause(err));
            } else {
              f.complete(null);
            }
          }, exec);
    });
    return f;
  }

  void lock(String lock, LockListener listener, boolean steal) {
    run(null, () -> locks.request(lock, listener, steal, synced ? conn : null, exec));
  }

  void unlock(String lock) {
    run(null, () -> locks.release(lock, synced ? conn : null));
  }

  void close() {
    if (Thread.currentThread() == clientThread) {
      throw new IllegalStateException("close() must not be called on the client thread");
    }
    try {
      call(() -> {
        closed = true;
        wanted = false;
        drop();
        finalSnapshot = replica.snapshot();
        IllegalStateException gone = new IllegalStateException("client closed");
        whenSynced.forEach(p -> p.future().completeExceptionally(gone));
        whenSynced.clear();
        waiters.forEach(w -> w.future().completeExceptionally(gone));
        waiters.clear();
        setState(ConnectionState.CLOSED, null);
      });
    } catch (RejectedExecutionException e) {
      return;
    }
    exec.shutdown();
    try {
      exec.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownsTransport) {
      transport.close();
    }
  }

  // ---------------------------------------------------------------- session

  private void attempt() {
    if (!wanted || closed) {
      return;
    }
    long gen = ++generation;
    List<Remote> remotes = config.remotes();
    Remote remote = remotes.get(nextRemote++ % remotes.size());
    remoteName = remote.toString();
    setState(ConnectionState.CONNECTING, remoteName);
    CompletableFuture<RpcConnection> connecting;
    try {
      connecting = RpcClient.connect(transport, remote, handler(gen), config.rpcOptions());
    } catch (RuntimeException e) {
      failed(gen, e.toString());
      return;
    }
    connecting.whenCompleteAsync((c, err) -> {
      if (gen != generation) {
        if (c != null) {
          c.close();
        }
      } else if (err != null) {
        failed(gen, MonitorRequests.cause(err).toString());
      } else {
        conn = c;
        checkServer(gen, c);
      }
    }, exec);
  }

  private RpcHandler handler(long gen) {
    return new RpcHandler() {
      @Override
      public void onRequest(RpcConnection c, Request request) {
        c.replyError(request.id(), Json.NODES.textNode("unknown method"));
      }

      @Override
      public void onNotification(RpcConnection c, Notification n) {
        run(null, () -> notification(gen, n));
      }

      @Override
      public void onClose(RpcConnection c) {
        run(null, () -> connectionClosed(gen));
      }
    };
  }

  private void checkServer(long gen, RpcConnection c) {
    if (config.database().equals("_Server")) {
      fetchSchema(gen, c);
      return;
    }
    c.call("monitor_cond", MonitorRequests.serverMonitor(config.database()))
        .whenCompleteAsync((r, err) -> {
          if (gen != generation) {
            return;
          }
          if (err != null) {
            LOG.debug("{}: no _Server database ({}); not checking it", remoteName, err.toString());
            fetchSchema(gen, c);
            return;
          }
          serverRow = MonitorRequests.firstRow(r, "Database");
          String why = ServerCheck.verdict(serverRow, config.database(), config.leaderOnly(),
              minIndex);
          if (why != null) {
            failed(gen, why);
            return;
          }
          minIndex = Math.max(minIndex, ServerCheck.index(serverRow));
          fetchSchema(gen, c);
        }, exec);
  }

  private void fetchSchema(long gen, RpcConnection c) {
    c.call("get_schema", Json.array(Json.NODES.textNode(config.database())))
        .whenCompleteAsync((r, err) -> {
          if (gen != generation) {
            return;
          }
          if (err != null) {
            failed(gen, "get_schema: " + MonitorRequests.cause(err));
            return;
          }
          DatabaseSchema server;
          try {
            server = DatabaseSchema.fromJson(r);
          } catch (RuntimeException e) {
            failed(gen, "bad schema: " + e.getMessage());
            return;
          }
          if (!server.json().equals(replica.schema().json())) {
            fire(replica.reset(server, specs.keySet()));
            schema = server;
          }
          monitor(gen, c, method);
        }, exec);
  }

  private void monitor(long gen, RpcConnection c, MonitorMethod m) {
    java.util.UUID since = condsUnacked ? org.jovn.ovsdb.data.Uuids.ZERO : replica.lastTxnId();
    LOG.debug("{}: sending {} since {}", remoteName, m.method(), since);
    c.call(m.method(), MonitorRequests.params(m, replica.schema(), specs, since))
        .whenCompleteAsync((r, err) -> {
          if (gen != generation) {
            return;
          }
          LOG.debug("{}: {} answered", remoteName, m.method());
          Throwable cause = err == null ? null : MonitorRequests.cause(err);
          if (cause != null && MonitorRequests.unknownMethod(cause) && m.fallback() != null) {
            LOG.info("{}: server does not know {}; falling back to {}", remoteName, m.method(),
                m.fallback().method());
            method = m.fallback();
            monitor(gen, c, method);
          } else if (cause != null) {
            failed(gen, m.method() + ": " + cause);
          } else {
            try {
              fire(applyMonitorReply(m, r));
            } catch (RuntimeException e) {
              replica.lastTxnId(org.jovn.ovsdb.data.Uuids.ZERO);
              failed(gen, "bad monitor reply: " + e);
              return;
            }
            synced(gen, c);
          }
        }, exec);
  }

  private List<RowEvent> applyMonitorReply(MonitorMethod m, JsonNode r) {
    return switch (m) {
      case COND_SINCE -> {
        List<RowEvent> events = r.get(0).asBoolean()
            ? replica.applyUpdates2(r.get(2)) : replica.replaceAll(r.get(2), true);
        replica.lastTxnId(Atoms.parseUuid(r.get(1).asText()));
        yield events;
      }
      case COND -> replica.replaceAll(r, true);
      case PLAIN -> replica.replaceAll(r, false);
    };
  }

  private void synced(long gen, RpcConnection c) {
    condsUnacked = false;
    synced = true;
    failedInRound = 0;
    backoff.reset();
    LOG.info("{}: synced {} with {}", remoteName, config.database(), method.method());
    setState(ConnectionState.SYNCED, remoteName);
    locks.resend(c, exec);
    List<Pending> ready = new ArrayList<>(whenSynced);
    whenSynced.clear();
    for (Pending p : ready) {
      if (gen == generation && synced) {
        runCatching(p);
      } else {
        whenSynced.add(p);
      }
    }
  }

  private void failed(long gen, String why) {
    if (gen != generation) {
      return;
    }
    LOG.info("{}: {}", remoteName, why);
    drop();
    scheduleRetry(false);
  }

  private void connectionClosed(long gen) {
    if (gen != generation) {
      return;
    }
    boolean wasSynced = synced;
    LOG.info("{}: connection closed", remoteName);
    drop();
    scheduleRetry(wasSynced);
  }

  /** Forgets the current connection (closing it) so its callbacks are ignored from now on. */
  private void drop() {
    generation++;
    if (retryTimer != null) {
      retryTimer.cancel(false);
      retryTimer = null;
    }
    if (conn != null) {
      conn.close();
      conn = null;
    }
    if (synced) {
      synced = false;
      locks.disconnected();
    }
    serverRow = null;
  }

  private void scheduleRetry(boolean immediately) {
    if (!wanted || closed) {
      setState(closed ? ConnectionState.CLOSED : ConnectionState.IDLE, null);
      return;
    }
    Duration delay = Duration.ZERO;
    if (!immediately && ++failedInRound >= config.remotes().size()) {
      failedInRound = 0;
      delay = backoff.next();
    }
    setState(ConnectionState.BACKOFF, remoteName);
    retryTimer = exec.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  // ---------------------------------------------------------------- notifications

  private void notification(long gen, Notification n) {
    if (gen != generation) {
      return;
    }
    JsonNode p = n.params();
    String id = p.path(0).asText();
    try {
      switch (n.method()) {
        case "update3" -> {
          if (id.equals(MonitorRequests.MONITOR_ID)) {
            fire(replica.applyUpdates2(p.get(2)));
            replica.lastTxnId(Atoms.parseUuid(p.get(1).asText()));
          }
        }
        case "update2" -> {
          if (id.equals(MonitorRequests.MONITOR_ID)) {
            fire(replica.applyUpdates2(p.get(1)));
          } else if (id.equals(MonitorRequests.SERVER_MONITOR_ID)) {
            serverChanged(gen, p.get(1));
          }
        }
        case "update" -> {
          if (id.equals(MonitorRequests.MONITOR_ID)) {
            fire(replica.applyUpdates1(p.get(1)));
          }
        }
        case "locked", "stolen" -> locks.notified(n.method(), p);
        case "monitor_canceled" -> failed(gen, "server canceled the monitor");
        default -> LOG.debug("{}: ignoring notification {}", remoteName, n.method());
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: cannot apply {}; resynchronizing", remoteName, n.method(), e);
      replica.lastTxnId(org.jovn.ovsdb.data.Uuids.ZERO);
      failed(gen, "bad update");
    }
  }

  private void serverChanged(long gen, JsonNode updates) {
    for (JsonNode row : updates.path("Database")) {
      if (row.has("delete")) {
        serverRow = null;
      } else {
        JsonNode body = row.has("modify") ? row.get("modify")
            : row.has("initial") ? row.get("initial") : row.get("insert");
        if (serverRow == null) {
          serverRow = Json.object();
        }
        if (body != null && body.isObject()) {
          serverRow.setAll((ObjectNode) body);
        }
      }
    }
    String why = ServerCheck.verdict(serverRow, config.database(), config.leaderOnly(), -1);
    if (why != null) {
      failed(gen, why);
    } else {
      minIndex = Math.max(minIndex, ServerCheck.index(serverRow));
    }
  }

  // ---------------------------------------------------------------- transactions

  private void send(Transaction txn, CompletableFuture<TransactionResult> f) {
    conn.call("transact", txn.toParams()).whenCompleteAsync((r, err) -> {
      if (err == null) {
        try {
          f.complete(TransactionResult.parse(r, txn));
        } catch (TransactionException e) {
          f.completeExceptionally(e);
        }
        return;
      }
      Throwable cause = MonitorRequests.cause(err);
      if (cause instanceof ConnectionClosedException || cause instanceof java.io.IOException) {
        f.completeExceptionally(new TransactionException(TransactionException.CONNECTION_LOST,
            cause.getMessage(), -1));
      } else if (cause instanceof RpcException e) {
        f.completeExceptionally(new TransactionException(TransactionException.RPC_ERROR,
            e.error().toString(), -1));
      } else {
        f.completeExceptionally(cause);
      }
    }, exec);
  }

  private void retry(java.util.function.Function<ReplicaSnapshot, Transaction> build,
      int attemptsLeft, CompletableFuture<TransactionResult> f) {
    whenSynced(f, () -> {
      ReplicaSnapshot s = replica.snapshot();
      Transaction txn = build.apply(s);
      if (txn == null || txn.isEmpty()) {
        f.complete(null);
        return;
      }
      CompletableFuture<TransactionResult> one = new CompletableFuture<>();
      send(txn, one);
      one.whenCompleteAsync((r, err) -> {
        if (err instanceof TransactionException te && te.isRetryable() && attemptsLeft > 1) {
          LOG.debug("transaction failed ({}); trying again", te.getMessage());
          if (te.isConflict()) {
            await(x -> x.seqno() > s.seqno())
                .thenRunAsync(() -> retry(build, attemptsLeft - 1, f), exec);
          } else {
            retry(build, attemptsLeft - 1, f);
          }
        } else if (err != null) {
          f.completeExceptionally(err);
        } else {
          f.complete(r);
        }
      }, exec);
    });
  }

  // ---------------------------------------------------------------- helpers

  private void whenSynced(CompletableFuture<?> f, Runnable action) {
    Pending p = new Pending(action, f);
    if (synced) {
      runCatching(p);
    } else {
      whenSynced.add(p);
    }
  }

  private static void runCatching(Pending p) {
    try {
      p.action().run();
    } catch (RuntimeException e) {
      if (p.future() == null || !p.future().completeExceptionally(e)) {
        LOG.warn("client task failed", e);
      }
    }
  }

  private void fire(List<RowEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    List<RowEvent> view = java.util.Collections.unmodifiableList(events);
    for (ReplicaListener l : replicaListeners) {
      try {
        l.onChanges(view);
      } catch (RuntimeException e) {
        LOG.warn("replica listener failed", e);
      }
    }
    if (!waiters.isEmpty()) {
      ReplicaSnapshot s = replica.snapshot();
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter w = it.next();
        if (w.future().isDone()) {
          it.remove();
        } else if (w.condition().test(s)) {
          it.remove();
          w.future().complete(s);
        }
      }
    }
  }

  private void setState(ConnectionState s, String remote) {
    if (state == s) {
      return;
    }
    state = s;
    for (ConnectionListener l : connectionListeners) {
      try {
        l.onStateChange(s, remote);
      } catch (RuntimeException e) {
        LOG.warn("connection listener failed", e);
      }
    }
  }

  /** Runs a task on the client thread; failures go to {@code f} (or the log when null). */
  private void run(CompletableFuture<?> f, Runnable task) {
    Pending p = new Pending(task, f);
    try {
      exec.execute(() -> runCatching(p));
    } catch (RejectedExecutionException e) {
      if (f != null) {
        f.completeExceptionally(new IllegalStateException("client closed"));
      }
    }
  }

  /** Runs a task on the client thread and waits for it. */
  private void call(Runnable task) {
    CompletableFuture.runAsync(task, exec).join();
  }
}
