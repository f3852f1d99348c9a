package org.jovn.ovsdb.server;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jovn.ovsdb.data.Uuids;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.rpc.RpcServer;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.jovn.ovsdb.rpc.SslSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the server's listeners and outgoing connections in line with its configured remotes:
 * plain ones from the command line or {@code ovsdb-server/add-remote}, and {@code db:} ones read
 * from the databases whenever they change. All binding happens on one worker thread, never on
 * an event loop or a database thread.
 *
 * <p>Every {@value #STATUS_PERIOD_MS} ms, as ovsdb-server, it also reports each remote's
 * {@link ConnectionStatus} in the rows its {@code db:} remotes read (see
 * {@link DbRemoteSource#statusChanges}).
 *
 * <p>Thread-safe.
 */
final class RemoteManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteManager.class);
  /** How often the status columns are refreshed (ovsdb-server's period). */
  static final long STATUS_PERIOD_MS = 2500;

  private final OvsdbServer server;
  private final RpcTransport transport;
  private final RpcOptions baseOptions;
  private final Supplier<SslSettings> ssl;
  private final InstantSource clock;
  private final RandomGenerator random;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "ovsdb-remotes");
    t.setDaemon(true);
    return t;
  });
  /** Guarded by this. */
  private final TreeSet<String> configured = new TreeSet<>();
  /** Guarded by this: remotes read from each db: source. */
  private final Map<String, List<RemoteSpec>> fromDb = new HashMap<>();
  /** Confined to the worker: an RpcServer or an ActiveRemote per remote served. */
  private final Map<RemoteSpec, AutoCloseable> active = new LinkedHashMap<>();
  /** Confined to the worker: bound port per passive target. */
  private final Map<String, Integer> ports = new HashMap<>();
  private volatile boolean closed;

  RemoteManager(OvsdbServer server, RpcTransport transport, RpcOptions baseOptions,
      Supplier<SslSettings> ssl, InstantSource clock, RandomGenerator random) {
    this.server = server;
    this.transport = transport;
    this.baseOptions = baseOptions;
    this.ssl = ssl;
    this.clock = clock;
    this.random = random;
    Timers.every(5000, this::reconcile);
    Timers.every(STATUS_PERIOD_MS, this::reportStatus);
  }

  /** Adds a remote (plain or db:) and applies it. */
  void add(String text) {
    if (text.startsWith("db:")) {
      DbRemoteSource source = DbRemoteSource.parse(text);
      DatabaseEngine engine = server.engine(source.database());
      if (engine == null) {
        throw new IllegalArgumentException(text + ": no database named " + source.database());
      }
      synchronized (this) {
        configured.add(text);
      }
      engine.addCommitListener((db, changes) -> refresh(source, db));
      engine.call(db -> {
        refresh(source, db);
        return null;
      });
      return;
    }
    Remote.parse(text);
    synchronized (this) {
      configured.add(text);
    }
    reconcile();
  }

  /** Re-reads a db: source; called on that database's owner thread. */
  private void refresh(DbRemoteSource source, Database db) {
    try {
      update(source, source.read(db));
    } catch (RuntimeException e) {
      LOG.warn("{}: {}", source.text(), e.getMessage());
    }
  }

  private void update(DbRemoteSource source, List<RemoteSpec> specs) {
    synchronized (this) {
      if (!configured.contains(source.text()) || specs.equals(fromDb.get(source.text()))) {
        return;
      }
      fromDb.put(source.text(), specs);
    }
    reconcile();
  }

  /** Removes a remote; false when it was not configured. */
  boolean remove(String text) {
    synchronized (this) {
      if (!configured.remove(text)) {
        return false;
      }
      fromDb.remove(text);
    }
    reconcile();
    return true;
  }

  synchronized List<String> list() {
    return new ArrayList<>(configured);
  }

  /** The port a passive TCP/SSL target is bound to, once bound, else -1. */
  int port(String target) {
    try {
      return worker.submit(() -> ports.getOrDefault(target, -1)).get();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Applies the configuration; waits until done. */
  void reconcileNow() {
    try {
      worker.submit(this::doReconcile).get();
    } catch (Exception e) {
      LOG.warn("applying remotes failed", e);
    }
  }

  void reconcile() {
    if (!closed) {
      worker.execute(this::doReconcile);
    }
  }

  private void doReconcile() {
    if (closed) {
      return;
    }
    List<RemoteSpec> desired = new ArrayList<>();
    synchronized (this) {
      for (String c : configured) {
        if (!c.startsWith("db:")) {
          desired.add(RemoteSpec.of(c));
        }
      }
      fromDb.values().forEach(desired::addAll);
    }
    for (RemoteSpec spec : new ArrayList<>(active.keySet())) {
      if (!desired.contains(spec)) {
        closeQuietly(active.remove(spec));
        ports.remove(spec.target());
      }
    }
    for (RemoteSpec spec : desired) {
      if (!active.containsKey(spec)) {
        open(spec);
      }
    }
  }

  private void open(RemoteSpec spec) {
    try {
      Remote remote = Remote.parse(spec.target());
      RpcOptions options = baseOptions.withProbeInterval(Duration.ofMillis(spec.probeMs()));
      if (remote.kind().ssl()) {
        SslSettings s = ssl.get();
        if (s == null) {
          LOG.warn("{}: SSL remote needs --private-key, --certificate and --ca-cert",
              spec.target());
          return;
        }
        options = options.withSsl(s);
      }
      if (remote.kind().passive()) {
        RpcServer rs = RpcServer.bind(transport, remote, options,
            conn -> server.newSession(conn, spec.readOnly()));
        active.put(spec, rs);
        ports.put(spec.target(), rs.port());
        LOG.info("{}: listening", spec.target());
      } else {
        active.put(spec, new ActiveRemote(server, transport, remote, options, spec.readOnly(),
            clock));
      }
    } catch (RuntimeException e) {
      LOG.warn("{}: {}", spec.target(), e.getMessage());
    }
  }

  /** Refreshes the status columns of the db: remotes' rows (on the worker). */
  private void reportStatus() {
    if (!closed) {
      worker.execute(this::doReportStatus);
    }
  }

  private void doReportStatus() {
    if (closed) {
      return;
    }
    Map<String, ConnectionStatus> statuses = new HashMap<>();
    active.forEach((spec, served) -> statuses.putIfAbsent(spec.target(), status(served)));
    List<String> sources;
    synchronized (this) {
      sources = configured.stream().filter(c -> c.startsWith("db:")).toList();
    }
    for (String text : sources) {
      DbRemoteSource source = DbRemoteSource.parse(text);
      DatabaseEngine engine = server.engine(source.database());
      if (engine != null) {
        engine.commitInMemory(db -> source.statusChanges(db,
            target -> statuses.getOrDefault(target, ConnectionStatus.notServed()),
            this::newVersion));
      }
    }
  }

  private static ConnectionStatus status(AutoCloseable served) {
    if (served instanceof RpcServer rs) {
      return ConnectionStatus.passive(rs.port(), rs.connections().size());
    }
    return ((ActiveRemote) served).status();
  }

  private UUID newVersion() {
    return Uuids.random(random);
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (Exception e) {
      LOG.debug("closing remote failed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    worker.execute(() -> {
      active.values().forEach(RemoteManager::closeQuietly);
      active.clear();
    });
    worker.shutdown();
    try {
      worker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
