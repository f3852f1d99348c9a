package org.jovn.ovsdb.client;

import java.nio.file.Path;

/**
 * The replica property against the real ovsdb-server of Open vSwitch (the installed binary, OVS
 * 3.1 on Debian). Skipped only with {@code -Djovn.interop=false}.
 */
class RealServerReplicaInteropTest extends ReplicaPropertyContract {
  @Override
  ServerUnderTest startServer(Path dir) {
    return new RealOvsdbServer(dir);
  }
}
