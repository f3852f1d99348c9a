/**
 * The OVSDB client library: what OVN's C IDL, Python's ovsdbapp and Go's libovsdb give, for
 * Java.
 *
 * <p>{@link org.jovn.ovsdb.client.OvsdbClient} keeps a session to one of several remotes
 * (tcp, unix, ssl; leader-only through the {@code _Server} database; reconnect with backoff), a
 * live {@linkplain org.jovn.ovsdb.client.ReplicaSnapshot replica} of the monitored tables kept
 * current by {@code monitor_cond_since} (falling back to {@code monitor_cond}, then
 * {@code monitor}), {@linkplain org.jovn.ovsdb.client.Transaction transactions} with optimistic
 * concurrency, and locks.
 *
 * <p>Threading: each client owns one thread, the <em>client thread</em>. It applies updates,
 * runs listeners and completes futures; everything mutable is confined to it. Other threads read
 * the replica through immutable {@link org.jovn.ovsdb.client.ReplicaSnapshot}s.
 */
package org.jovn.ovsdb.client;
