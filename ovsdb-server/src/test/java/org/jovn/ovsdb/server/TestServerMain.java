package org.jovn.ovsdb.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A server process for tests that need a separate JVM (to kill it with SIGKILL): {@code
 * TestServerMain DBFILE [--remote=REMOTE]... [--unixctl=PATH]}. Prints {@code READY PORT} (the
 * port of the first ptcp remote, or 0) once serving, then runs until killed or told to exit.
 */
final class TestServerMain {
  private TestServerMain() {}

  public static void main(String[] args) throws Exception {
    Path db = null;
    Path unixctl = null;
    List<String> remotes = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--remote=")) {
        remotes.add(a.substring("--remote=".length()));
      } else if (a.startsWith("--unixctl=")) {
        unixctl = Path.of(a.substring("--unixctl=".length()));
      } else {
        db = Path.of(a);
      }
    }
    OvsdbServer server = new OvsdbServer(ServerConfig.defaults().withRemotes(remotes));
    server.openDatabase(db);
    server.start();
    if (unixctl != null) {
      server.startUnixctl(unixctl);
    }
    int port = 0;
    for (String r : remotes) {
      if (r.startsWith("ptcp:")) {
        port = server.boundPort(r);
        break;
      }
    }
    System.out.println("READY " + port);
    System.out.flush();
    server.terminated().join();
    server.close();
  }
}
