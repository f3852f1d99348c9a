package org.jovn.ovsdb.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.schema.TableSchema;

/**
 * A client of one OVSDB database: a session to one of several remotes, a live replica of the
 * monitored tables, transactions and locks.
 *
 * <pre>{@code
 * try (OvsdbClient nb = OvsdbClient.builder(DatabaseSchema.bundled("ovn-nb"))
 *     .remotes("tcp:127.0.0.1:6641").monitor("Logical_Switch").build()) {
 *   nb.connect().get(10, SECONDS);
 *   nb.snapshot().rows("Logical_Switch").values().forEach(...);
 * }
 * }</pre>
 *
 * <p>Threading: the client has one thread of its own, the client thread, on which updates are
 * applied, listeners called and returned futures completed (so dependent stages must not block;
 * use the {@code ...Async} variants to move work elsewhere). Every method may be called from any
 * thread except {@link #close()}, which must not be called from the client thread.
 *
 * <p>Replica consistency: when a {@link #transact} future completes, the replica already holds
 * the transaction's changes (OVSDB servers send updates before the reply on the same connection).
 *
 * <p>Ownership: the caller closes the client. A transport passed to the builder stays the
 * caller's; otherwise the client makes one and closes it.
 */
public final class OvsdbClient implements AutoCloseable {
  private final ClientCore core;

  private OvsdbClient(ClientCore core) {
    this.core = core;
  }

  /** Starts a builder for a client of a database with this schema (e.g. a bundled one). */
  public static Builder builder(DatabaseSchema schema) {
    return new Builder(schema);
  }

  /**
   * Starts connecting (and reconnecting whenever the session is lost) until {@link #disconnect()}
   * or {@link #close()}. The future completes when the replica is next in sync; it never fails
   * for connection errors (those are retried) but does when the client is closed first.
   */
  public CompletableFuture<Void> connect() {
    return core.connect();
  }

  /**
   * Closes the session and stays idle, keeping the replica and the last transaction id so that
   * {@link #connect()} later fetches only the changes missed. Blocks until done.
   */
  public void disconnect() {
    core.disconnect();
  }

  /** Closes the current connection; the client reconnects at once (to the next remote). */
  public void forceReconnect() {
    core.forceReconnect();
  }

  /** Where the session stands. */
  public ConnectionState state() {
    return core.state();
  }

  /**
   * The replica's current contents. O(1) when nothing changed since the last call; otherwise
   * copies the tables that changed. From another thread, waits for the client thread.
   */
  public ReplicaSnapshot snapshot() {
    return core.snapshot();
  }

  /**
   * Completes with the first snapshot satisfying {@code condition}: now, or after a later update.
   * The condition runs on the client thread after every update; it must be quick.
   */
  public CompletableFuture<ReplicaSnapshot> await(Predicate<ReplicaSnapshot> condition) {
    return core.await(condition);
  }

  /** A new transaction on the server's schema (the configured one until first connected). */
  public Transaction transaction() {
    return new Transaction(core.schema());
  }

  /**
   * Commits a transaction: sent once the session is synced. Fails with
   * {@link TransactionException} when the server rejects it or the session closes first.
   */
  public CompletableFuture<TransactionResult> transact(Transaction txn) {
    return core.transact(Objects.requireNonNull(txn, "txn"));
  }

  /**
   * Completes once the replica reflects every transaction the server committed before this
   * call: a round trip (an empty transaction) behind the updates already in flight, repeated on
   * the next session when the current one is lost first.
   */
  public CompletableFuture<ReplicaSnapshot> sync() {
    return core.sync();
  }

  /**
   * Optimistic concurrency: runs {@code build} on the client thread with the current snapshot,
   * commits what it returns, and on a {@linkplain TransactionException#isRetryable() retryable}
   * failure (a {@link Transaction#verify} conflict or a lost session) runs it again on the fresh
   * replica, at most {@code attempts} times in all. {@code build} may return null or an empty
   * transaction for "nothing to do" (the future then completes with null). It must be quick and
   * not block.
   */
  public CompletableFuture<TransactionResult> transact(Function<ReplicaSnapshot, Transaction> build,
      int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    return core.transact(build, attempts);
  }

  /**
   * Changes which rows of a monitored table the replica holds ({@code monitor_cond_change}); an
   * empty list means every row. Rows leaving the condition are deleted from the replica, rows
   * entering it inserted. The future completes once the server acknowledged. With the plain
   * {@code monitor} method, conditions are not supported by the server and every row is kept.
   */
  public CompletableFuture<Void> setCondition(String table, List<Clause> where) {
    return core.setCondition(table, List.copyOf(where));
  }

  /** Adds a listener for row changes; see {@link ReplicaListener} for when it runs. */
  public void addListener(ReplicaListener listener) {
    core.addReplicaListener(Objects.requireNonNull(listener, "listener"));
  }

  /** Adds a listener for session state changes. */
  public void addConnectionListener(ConnectionListener listener) {
    core.addConnectionListener(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Asks for a lock (RFC 7047 {@code lock}), now and on every later session, until
   * {@link #unlock}. The listener hears {@link LockState#ACQUIRED} when this client holds it.
   */
  public void lock(String lock, LockListener listener) {
    core.lock(lock, Objects.requireNonNull(listener, "listener"), false);
  }

  /** Takes a lock from its holder ({@code steal}); later sessions ask for it with {@code lock}. */
  public void steal(String lock, LockListener listener) {
    core.lock(lock, Objects.requireNonNull(listener, "listener"), true);
  }

  /** Releases a lock, or withdraws the request. */
  public void unlock(String lock) {
    core.unlock(lock);
  }

  /** The state of a lock this client asked for; {@link LockState#RELEASED} for any other. */
  public LockState lockState(String lock) {
    return core.lockState(lock);
  }

  /**
   * Closes the session and the client thread; pending futures fail with
   * {@link IllegalStateException}. {@link #snapshot()} still returns the last contents.
   * Idempotent. Must not be called from the client thread.
   */
  @Override
  public void close() {
    core.close();
  }

  /** Collects a client's settings. Not thread-safe. */
  public static final class Builder {
    private final DatabaseSchema schema;
    private final List<Remote> remotes = new ArrayList<>();
    private boolean leaderOnly = true;
    private Duration minBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private RpcOptions rpcOptions = RpcOptions.defaults();
    private MonitorMethod monitorMethod = MonitorMethod.COND_SINCE;
    private final Map<String, TableSpec> tables = new LinkedHashMap<>();
    private RpcTransport transport;

    private Builder(DatabaseSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** Adds remotes ({@code tcp:HOST:PORT}, {@code ssl:HOST:PORT}, {@code unix:PATH}), tried in turn. */
    public Builder remotes(String... remoteStrings) {
      for (String r : remoteStrings) {
        remotes.add(Remote.parse(r));
      }
      return this;
    }

    /**
     * Whether only the leader of a clustered database is acceptable (default true, as for the
     * C IDL). Standalone databases are always accepted.
     */
    public Builder leaderOnly(boolean value) {
      this.leaderOnly = value;
      return this;
    }

    /** The wait after a whole round of remotes failed: min, doubling up to max. */
    public Builder backoff(Duration min, Duration max) {
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("need 0 <= min <= max, got " + min + ", " + max);
      }
      this.minBackoff = min;
      this.maxBackoff = max;
      return this;
    }

    /** Connection options: inactivity probe, message limits, SSL key material. */
    public Builder rpcOptions(RpcOptions options) {
      this.rpcOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    /** The monitor method to try first (default {@link MonitorMethod#COND_SINCE}). */
    public Builder monitorMethod(MonitorMethod m) {
      this.monitorMethod = Objects.requireNonNull(m, "m");
      return this;
    }

    /** Monitors a table: the columns given, or all when none. */
    public Builder monitor(String table, String... columns) {
      TableSchema ts = schema.table(table);
      if (ts == null) {
        throw new IllegalArgumentException("no table " + table + " in " + schema);
      }
      for (String c : columns) {
        Transaction.column(ts, c);
      }
      TableSpec old = tables.get(table);
      tables.put(table, new TableSpec(List.of(columns), old == null ? List.of() : old.where()));
      return this;
    }

    /** Monitors every table of the schema, all columns. */
    public Builder monitorAll() {
      schema.tables().forEach(t -> monitor(t.name()));
      return this;
    }

    /** The initial condition of a monitored table (see {@link OvsdbClient#setCondition}). */
    public Builder condition(String table, List<Clause> where) {
      TableSpec spec = tables.get(table);
      if (spec == null) {
        throw new IllegalArgumentException("monitor table " + table + " before its condition");
      }
      tables.put(table, spec.withWhere(where));
      return this;
    }

    /** Shares a transport (its event loop threads) with other clients; the caller closes it. */
    public Builder transport(RpcTransport shared) {
      this.transport = shared;
      return this;
    }

    /**
     * Makes the client, idle until {@link OvsdbClient#connect()}.
     *
     * @throws IllegalArgumentException when no remote was given or one is passive
     */
    public OvsdbClient build() {
      ClientConfig config = new ClientConfig(schema, remotes, leaderOnly, minBackoff, maxBackoff,
          rpcOptions, monitorMethod, tables);
      return new OvsdbClient(new ClientCore(config, transport));
    }
  }
}
