package org.jovn.ovsdb.client;

/**
 * An OVSDB server serving a fresh OVN_Northbound database for a client test: ours in-process or
 * the real ovsdb-server as a child process. Owned by the test, which closes it.
 */
interface ServerUnderTest extends AutoCloseable {
  /** A {@code tcp:} remote of the server. */
  String tcpRemote();

  /** A {@code unix:} remote of the server. */
  String unixRemote();

  /** Stops the server and starts it again on the same file and remotes. */
  void restart();

  @Override
  void close();
}
