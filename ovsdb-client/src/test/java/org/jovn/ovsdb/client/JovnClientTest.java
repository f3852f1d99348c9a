package org.jovn.ovsdb.client;

import java.nio.file.Path;

/** The client against our own server, in-process. */
class JovnClientTest extends ClientContract {
  @Override
  ServerUnderTest startServer(Path dir) {
    return new JovnServer(dir);
  }
}
