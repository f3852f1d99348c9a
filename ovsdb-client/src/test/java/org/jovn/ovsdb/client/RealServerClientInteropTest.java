package org.jovn.ovsdb.client;

import java.nio.file.Path;

/**
 * The client against the real ovsdb-server of Open vSwitch (the installed binary, OVS 3.1 on
 * Debian) serving a database made by the real ovsdb-tool from OVN's own NB schema. Skipped only
 * with {@code -Djovn.interop=false}.
 */
class RealServerClientInteropTest extends ClientContract {
  @Override
  ServerUnderTest startServer(Path dir) {
    return new RealOvsdbServer(dir);
  }
}
