package org.jovn.ovsdb.rpc;

/**
 * Receives what the peer sends on one {@link RpcConnection}, except responses (which complete
 * {@link RpcConnection#call} futures) and {@code echo} requests (answered automatically).
 *
 * <p>All methods are called on the connection's event loop, one at a time, in arrival order. They
 * must not block: hand long work to another executor and answer later with
 * {@link RpcConnection#reply} or {@link RpcConnection#replyError}, which may be called from any
 * thread. An exception thrown by a method is logged and closes the connection.
 */
public interface RpcHandler {
  /** Called for each request; the handler must eventually reply, once, with the request's id. */
  void onRequest(RpcConnection connection, Request request);

  /** Called for each notification. The default ignores it. */
  default void onNotification(RpcConnection connection, Notification notification) {}

  /**
   * Called once when the connection has closed, after pending calls have been failed. The default
   * does nothing.
   */
  default void onClose(RpcConnection connection) {}
}
