// Real peer: ovn-nbctl (OVN 23.03, Debian packages) sets and lists jovn's NB Connection rows.
package org.jovn.ovsdb.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ephemeral {@code is_connected} and {@code status} columns of a Connection row served
 * through {@code db:OVN_Northbound,NB_Global,connections}, as ovn-nbctl shows them.
 */
class ConnectionStatusInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Pattern BOUND_PORT = Pattern.compile("bound_port=\"(\\d+)\"");

  @TempDir Path dir;
  private JovnServer nb;

  @BeforeEach
  void setUp() throws Exception {
    RealTools.assumeInteropEnabled();
    nb = JovnServer.start(dir, "nb", "ovn-nb");
    nb.server().addRemote("db:OVN_Northbound,NB_Global,connections");
    nbctl("init");
  }

  @AfterEach
  void tearDown() {
    if (nb != null) {
      nb.close();
    }
  }

  private String nbctl(String... args) {
    String[] command = new String[args.length + 3];
    command[0] = "ovn-nbctl";
    command[1] = "--db=" + nb.unix();
    command[2] = "--timeout=20";
    System.arraycopy(args, 0, command, 3, args.length);
    return RealTools.run(command).check().stdout();
  }

  /** {@code is_connected} and {@code status} of the only Connection row, one per line. */
  private String status() {
    return nbctl("get", "connection", ".", "is_connected", "status");
  }

  private String waitForStatus(String what, java.util.function.Predicate<String> condition) {
    String[] last = {""};
    RealTools.waitUntil(WAIT, () -> condition.test(last[0] = status()),
        () -> what + "; last status:\n" + last[0]);
    return last[0];
  }

  @Test
  void setConnection_clientsComeAndGo_statusFollows() throws Exception {
    nbctl("set-connection", "ptcp:0:127.0.0.1");
    Path file = dir.resolve("nb-ovn-nb.db");
    long sizeAfterSet = Files.size(file);

    String listening = waitForStatus("bound_port shown", s -> BOUND_PORT.matcher(s).find());
    assertThat(listening).startsWith("false");
    Matcher m = BOUND_PORT.matcher(listening);
    assertThat(m.find()).isTrue();
    int port = Integer.parseInt(m.group(1));

    try (Socket first = new Socket("127.0.0.1", port)) {
      String one = waitForStatus("is_connected=true", s -> s.startsWith("true"));
      assertThat(one).contains("bound_port=\"" + port + "\"").doesNotContain("n_connections");
      try (Socket second = new Socket("127.0.0.1", port)) {
        waitForStatus("n_connections=2", s -> s.contains("n_connections=\"2\""));
      }
    }
    String gone = waitForStatus("is_connected=false", s -> s.startsWith("false"));
    assertThat(gone).contains("bound_port=\"" + port + "\"").doesNotContain("n_connections");

    // Status changes live in memory only: the database file has not grown.
    assertThat(Files.size(file)).isEqualTo(sizeAfterSet);
    assertThat(nbctl("list", "connection")).contains("ptcp:0:127.0.0.1");
  }
}
