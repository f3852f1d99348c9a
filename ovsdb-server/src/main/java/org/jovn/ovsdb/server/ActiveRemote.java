package org.jovn.ovsdb.server;

import java.time.InstantSource;
import org.jovn.ovsdb.rpc.Notification;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.Request;
import org.jovn.ovsdb.rpc.RpcClient;
import org.jovn.ovsdb.rpc.RpcConnection;
import org.jovn.ovsdb.rpc.RpcHandler;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.rpc.RpcTransport;

/**
 * An outgoing connection kept up with backoff (a {@code tcp:}, {@code ssl:} or {@code unix:}
 * remote of ovsdb-server): the peer is the client. It keeps the reconnect state that
 * {@link #status} reports, named as ovsdb-server's reconnect state machine names it.
 *
 * <p>Thread-safe: connection callbacks arrive on event loops and timers, status reads on the
 * remotes' worker; the state is guarded by this. Owned by {@link RemoteManager}, which closes it.
 */
final class ActiveRemote implements AutoCloseable {
  /** Reconnect states, named as ovsdb-server shows them in {@code status:state}. */
  private enum State { CONNECTING, ACTIVE, BACKOFF }

  private final OvsdbServer server;
  private final RpcTransport transport;
  private final Remote remote;
  private final RpcOptions options;
  private final boolean readOnly;
  private final InstantSource clock;
  /** Guarded by this. */
  private boolean stopped;
  /** Guarded by this. */
  private RpcConnection connection;
  /** Guarded by this. */
  private LazySession session;
  /** Guarded by this. */
  private State state = State.CONNECTING;
  /** Guarded by this: clock millis of the last connect and disconnect, -1 before the first. */
  private long connectedAt = -1;
  private long disconnectedAt = -1;
  /** Confined to the connect/retry chain (one attempt at a time). */
  private long backoffMs = 1000;

  ActiveRemote(OvsdbServer server, RpcTransport transport, Remote remote, RpcOptions options,
      boolean readOnly, InstantSource clock) {
    this.server = server;
    this.transport = transport;
    this.remote = remote;
    this.options = options;
    this.readOnly = readOnly;
    this.clock = clock;
    connect();
  }

  private void connect() {
    LazySession handler = new LazySession(readOnly);
    synchronized (this) {
      if (stopped) {
        return;
      }
      state = State.CONNECTING;
    }
    RpcClient.connect(transport, remote, handler, options).whenComplete((conn, err) -> {
      if (err != null) {
        retry();
        return;
      }
      backoffMs = 1000;
      connected(conn, handler);
      conn.closeFuture().whenComplete((v, e) -> {
        synchronized (this) {
          disconnectedAt = clock.millis();
        }
        retry();
      });
    });
  }

  private synchronized void connected(RpcConnection conn, LazySession handler) {
    connection = conn;
    session = handler;
    state = State.ACTIVE;
    connectedAt = clock.millis();
    if (stopped) {
      conn.close();
    }
  }

  private void retry() {
    synchronized (this) {
      connection = null;
      session = null;
      state = State.BACKOFF;
      if (stopped) {
        return;
      }
    }
    Timers.schedule(backoffMs, this::connect);
    backoffMs = Math.min(backoffMs * 2, 8000);
  }

  /** The status ovsdb-server would report for this remote now. */
  synchronized ConnectionStatus status() {
    long now = clock.millis();
    Session s = session == null ? null : session.session;
    return ConnectionStatus.active(state.name(), state == State.ACTIVE,
        connectedAt < 0 ? -1 : now - connectedAt,
        disconnectedAt < 0 ? -1 : now - disconnectedAt,
        s == null ? LockManager.SessionLocks.NONE : server.locks().locksOf(s));
  }

  @Override
  public void close() {
    RpcConnection c;
    synchronized (this) {
      stopped = true;
      c = connection;
    }
    if (c != null) {
      c.close();
    }
  }

  /** A handler that creates the server session on the connection's first message. */
  private final class LazySession implements RpcHandler {
    private final boolean readOnly;
    /** Written on the connection's event loop; read under the remote's lock for status. */
    private volatile Session session;

    LazySession(boolean readOnly) {
      this.readOnly = readOnly;
    }

    private Session session(RpcConnection conn) {
      if (session == null) {
        session = server.newSession(conn, readOnly);
      }
      return session;
    }

    @Override
    public void onRequest(RpcConnection conn, Request request) {
      session(conn).onRequest(conn, request);
    }

    @Override
    public void onNotification(RpcConnection conn, Notification n) {
      session(conn).onNotification(conn, n);
    }

    @Override
    public void onClose(RpcConnection conn) {
      if (session != null) {
        session.onClose(conn);
      }
    }
  }
}
