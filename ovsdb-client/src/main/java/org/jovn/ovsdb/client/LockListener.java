package org.jovn.ovsdb.client;

/** Told when a lock changes state, on the client thread; must not block. */
@FunctionalInterface
public interface LockListener {
  void onLockState(String lock, LockState state);
}
