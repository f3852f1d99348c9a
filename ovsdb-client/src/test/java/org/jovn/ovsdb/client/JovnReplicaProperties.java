package org.jovn.ovsdb.client;

import java.nio.file.Path;

/** The replica property against our own server, in-process. */
class JovnReplicaProperties extends ReplicaPropertyContract {
  @Override
  ServerUnderTest startServer(Path dir) {
    return new JovnServer(dir);
  }
}
