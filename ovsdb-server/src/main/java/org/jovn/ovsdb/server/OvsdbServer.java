package org.jovn.ovsdb.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.data.Uuids;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.raft.ClusterDescriptor;
import org.jovn.ovsdb.raft.ClusterStatus;
import org.jovn.ovsdb.raft.RaftReplica;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.rpc.RpcConnection;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.jovn.ovsdb.rpc.SslSettings;
import org.jovn.ovsdb.rpc.unixctl.UnixctlServer;
import org.jovn.ovsdb.schema.ColumnSchema;
import org.jovn.ovsdb.schema.TableSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OVSDB server: serves databases over JSON-RPC remotes, with the {@code _Server} database,
 * locks and an ovs-appctl-compatible control socket.
 *
 * <p>Thread-safe. The caller owns it and must {@link #close} it, which closes remotes,
 * sessions and databases (flushing them to disk).
 */
public final class OvsdbServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OvsdbServer.class);

  private final ServerConfig config;
  private final UUID serverId;
  private final Map<String, DatabaseEngine> engines = new ConcurrentHashMap<>();
  private final DatabaseEngine serverDb;
  private final LockManager locks = new LockManager();
  private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
  private final RpcTransport transport;
  private final RemoteManager remotes;
  private final CompletableFuture<Void> terminated = new CompletableFuture<>();
  private final Set<String> publishPending = ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile UnixctlServer unixctl;

  public OvsdbServer(ServerConfig config) {
    this.config = config;
    this.serverId = Uuids.random(config.random());
    this.transport = RpcTransport.create();
    this.serverDb = new DatabaseEngine(new Database(ServerDatabase.schema()),
        DatabaseStorage.none(), config.clock(), config.random(), true);
    engines.put(ServerDatabase.NAME, serverDb);
    publish(serverDb);
    RpcOptions options = RpcOptions.defaults()
        .withMessageLimits(config.maxMessageBytes(), RpcOptions.defaults().maxDepth());
    this.remotes = new RemoteManager(this, transport, options, this::sslSettings,
        config.clock(), config.random());
  }

  /** Opens a database file, standalone or clustered, and serves it. */
  public DatabaseEngine openDatabase(Path file) {
    if (ClusterDescriptor.isClustered(file)) {
      return openClustered(file);
    }
    LogStorage.Opened opened = LogStorage.open(file, config.clock(), config.random());
    DatabaseEngine engine = new DatabaseEngine(opened.database(), opened.storage(),
        config.clock(), config.random(), false);
    addDatabase(engine);
    return engine;
  }

  private DatabaseEngine openClustered(Path file) {
    ClusterDescriptor d = ClusterDescriptor.read(file);
    DatabaseEngine engine = new DatabaseEngine(
        new Database(DatabaseSchema.fromJson(d.schema())), DatabaseStorage.none(),
        config.clock(), config.random(), false);
    ClusterMember member = new ClusterMember(engine, () -> publishSoon(engine));
    engine.attachCluster(member);
    try {
      member.attach(RaftReplica.start(file, d, member, config.raft()));
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    addDatabase(engine);
    return engine;
  }

  /** Serves a database. @throws IllegalArgumentException when one of that name is served */
  public void addDatabase(DatabaseEngine engine) {
    if (engines.putIfAbsent(engine.name(), engine) != null) {
      throw new IllegalArgumentException("database " + engine.name() + " is already served");
    }
    publish(engine);
  }

  /** A database was converted to a new schema: {@code _Server} shows the new one. */
  void schemaChanged(DatabaseEngine engine) {
    publish(engine);
  }

  private void publish(DatabaseEngine engine) {
    ServerDatabase.Status status;
    ClusterMember member = engine.cluster();
    if (member != null && member.replica() != null) {
      ClusterStatus c = member.replica().status();
      status = new ServerDatabase.Status(engine.name(), "clustered", c.connected(), c.isLeader(),
          engine.schema().jsonText(), c.cid(), c.sid(), c.appliedIndex());
    } else {
      status = new ServerDatabase.Status(engine.name(), "standalone", true, true,
          engine.schema().jsonText(), null, null, null);
    }
    serverDb.commitInternal(db -> ServerDatabase.upsert(db, status, config.random()));
  }

  /** Publishes a clustered database's status within a few milliseconds, coalescing bursts. */
  private void publishSoon(DatabaseEngine engine) {
    if (publishPending.add(engine.name())) {
      Timers.schedule(20, () -> {
        publishPending.remove(engine.name());
        if (engines.get(engine.name()) == engine) {
          try {
            publish(engine);
          } catch (RuntimeException e) {
            LOG.debug("publishing {} status failed", engine.name(), e);
          }
        }
      });
    }
  }

  /** Starts serving the configured remotes; returns once the listeners are bound. */
  public void start() {
    for (String r : config.remotes()) {
      addRemote(r);
    }
    remotes.reconcileNow();
  }

  /** Adds a remote. @throws IllegalArgumentException on a malformed remote */
  public void addRemote(String remote) {
    remotes.add(remote);
  }

  /** Removes a remote; false when it was not configured. */
  public boolean removeRemote(String remote) {
    return remotes.remove(remote);
  }

  /** The configured remotes, sorted. */
  public java.util.List<String> listRemotes() {
    return remotes.list();
  }

  /** The port a passive remote is bound to (useful with port 0), or -1. */
  public int boundPort(String remote) {
    remotes.reconcileNow();
    return remotes.port(remote);
  }

  /** Starts the control socket at the given path. */
  public void startUnixctl(Path path) {
    UnixctlServer u = new UnixctlServer("ovsdb-server (jovn) " + Version.VERSION);
    ServerCommands.register(u, this);
    u.start(transport, path);
    unixctl = u;
  }

  /** Completes when the server has been asked to exit (the {@code exit} control command). */
  public CompletableFuture<Void> terminated() {
    return terminated;
  }

  void requestExit() {
    terminated.complete(null);
  }

  Session newSession(RpcConnection conn, boolean readOnly) {
    Session s = new Session(this, conn, readOnly);
    sessions.add(s);
    return s;
  }

  void sessionClosed(Session s) {
    sessions.remove(s);
  }

  int sessionCount() {
    return sessions.size();
  }

  /** The served database of that name, or null. */
  public DatabaseEngine engine(String name) {
    return engines.get(name);
  }

  Collection<DatabaseEngine> engines() {
    return engines.values();
  }

  ArrayNode databaseNames() {
    ArrayNode names = Json.array();
    new TreeMap<>(engines).keySet().forEach(names::add);
    return names;
  }

  LockManager locks() {
    return locks;
  }

  UUID serverId() {
    return serverId;
  }

  private SslSettings sslSettings() {
    String key = resolve(config.privateKey());
    String cert = resolve(config.certificate());
    String ca = resolve(config.caCertificate());
    if (key == null || cert == null || ca == null) {
      return null;
    }
    return new SslSettings(Path.of(key), Path.of(cert), Path.of(ca));
  }

  /** A file path, or the value a {@code db:DB,TABLE,COLUMN} setting names (first row). */
  private String resolve(String setting) {
    if (setting == null || !setting.startsWith("db:")) {
      return setting;
    }
    DbRemoteSource ref = DbRemoteSource.parse(setting);
    DatabaseEngine e = engines.get(ref.database());
    if (e == null) {
      return null;
    }
    return e.call(db -> {
      TableSchema t = db.schema().table(ref.table());
      ColumnSchema c = t == null ? null : t.column(ref.column());
      if (c == null) {
        return null;
      }
      for (Row r : db.rows(ref.table())) {
        Datum d = r.get(c);
        if (!d.isEmpty() && d.first() instanceof String s && !s.isEmpty()) {
          return s;
        }
      }
      return (String) null;
    }).join();
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    remotes.close();
    UnixctlServer u = unixctl;
    if (u != null) {
      u.close();
    }
    for (Session s : new ArrayList<>(sessions)) {
      s.connection().close();
    }
    for (DatabaseEngine e : engines.values()) {
      try {
        e.close();
      } catch (RuntimeException ex) {
        LOG.warn("closing database {} failed", e.name(), ex);
      }
    }
    transport.close();
    terminated.complete(null);
  }
}
