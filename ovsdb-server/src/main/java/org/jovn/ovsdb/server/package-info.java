/**
 * The OVSDB server: {@link org.jovn.ovsdb.server.OvsdbServer} serves databases over JSON-RPC
 * remotes; each database is run by a {@link org.jovn.ovsdb.server.DatabaseEngine} on its own
 * thread with group commit; sessions dispatch RFC 7047's methods plus OVS's extensions; the
 * {@code _Server} database, locks, {@code db:} remotes and ovs-appctl control commands live here.
 */
package org.jovn.ovsdb.server;
