package org.jovn.ovsdb.server;

/**
 * One remote to serve: a connection method ({@code ptcp:6641}, {@code punix:PATH},
 * {@code pssl:...}, or an active {@code tcp:}/{@code unix:}/{@code ssl:} to connect out to),
 * with the options a Connection row can give it.
 *
 * @param target the connection method
 * @param probeMs inactivity probe interval in ms; 0 disables it
 * @param readOnly true when clients of this remote may not write
 */
record RemoteSpec(String target, long probeMs, boolean readOnly) {
  static final long DEFAULT_PROBE_MS = 5000;

  static RemoteSpec of(String target) {
    return new RemoteSpec(target, DEFAULT_PROBE_MS, false);
  }
}
