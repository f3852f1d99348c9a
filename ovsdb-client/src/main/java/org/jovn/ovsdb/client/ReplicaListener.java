package org.jovn.ovsdb.client;

import java.util.List;

/**
 * Receives the replica's row changes. Called on the client thread, once per update the server
 * sent (one transaction, or the initial contents), with the replica already changed; must not
 * block. An exception thrown is logged and does not stop other listeners.
 */
@FunctionalInterface
public interface ReplicaListener {
  /** @param events the changes in this update, never empty, unmodifiable */
  void onChanges(List<RowEvent> events);
}
