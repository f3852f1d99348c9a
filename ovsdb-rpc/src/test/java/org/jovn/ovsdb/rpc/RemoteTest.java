package org.jovn.ovsdb.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteTest {
  @Test
  void parse_activeAndPassiveForms_yieldComponents() {
    assertThat(Remote.parse("tcp:127.0.0.1:6641"))
        .isEqualTo(new Remote(Remote.Kind.TCP, "127.0.0.1", 6641, null));
    assertThat(Remote.parse("ssl:[::1]:6643"))
        .isEqualTo(new Remote(Remote.Kind.SSL, "::1", 6643, null));
    assertThat(Remote.parse("tcp:ovsdb.example")).extracting(Remote::port).isEqualTo(6640);
    assertThat(Remote.parse("ptcp:0")).isEqualTo(new Remote(Remote.Kind.PTCP, "0.0.0.0", 0, null));
    assertThat(Remote.parse("pssl:6641:[::1]"))
        .isEqualTo(new Remote(Remote.Kind.PSSL, "::1", 6641, null));
    assertThat(Remote.parse("ptcp:")).extracting(Remote::port).isEqualTo(6640);
    assertThat(Remote.parse("punix:/var/run/db.sock"))
        .isEqualTo(new Remote(Remote.Kind.PUNIX, null, 0, Path.of("/var/run/db.sock")));
    assertThat(Remote.parse("unix:db.sock").kind().passive()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp:127.0.0.1:6641", "ssl:[::1]:6643", "ptcp:6641:127.0.0.1",
      "pssl:0:[::1]", "punix:/tmp/x.sock", "unix:/tmp/x.sock"})
  void toString_roundTripsThroughParse(String text) {
    assertThat(Remote.parse(text).toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "6641                | expected METHOD:ARGS",
    "udp:1.2.3.4:5       | unknown connection method \"udp\"",
    "tcp:1.2.3.4:99999   | port 99999 is out of range",
    "tcp:1.2.3.4:http    | port \"http\" is not a number",
    "tcp:::1:6641        | IPv6 address must be in brackets",
    "tcp:[::1:6641       | unterminated '['",
    "tcp:1.2.3.4:0       | port 0 is not valid",
    "tcp:                | missing host",
    "punix:              | missing socket path",
    "ptcp:6641:          | missing host",
  })
  void parse_badString_failsWithReason(String text, String reason) {
    assertThatThrownBy(() -> Remote.parse(text.strip()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remote \"" + text.strip() + "\"")
        .hasMessageContaining(reason.strip());
  }
}
