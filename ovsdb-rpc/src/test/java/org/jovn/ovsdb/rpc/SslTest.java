package org.jovn.ovsdb.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual SSL authentication with keys and certificates made by the openssl command. */
class SslTest {
  private static final long WAIT = 30;
  @TempDir static Path dir;
  private final RpcTransport transport = RpcTransport.create();

  @BeforeAll
  static void makeCertificates() throws Exception {
    makeCa("ca");
    makeCa("rogue-ca");
    openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048",
        "-out", "server.key");
    sign("server", "ca");
    openssl("genrsa", "-traditional", "-out", "client.key", "2048");
    sign("client", "ca");
    openssl("genrsa", "-traditional", "-out", "rogue.key", "2048");
    sign("rogue", "rogue-ca");
    assertThat(Files.readString(dir.resolve("client.key"))).contains("BEGIN RSA PRIVATE KEY");
    assertThat(Files.readString(dir.resolve("server.key"))).contains("BEGIN PRIVATE KEY");
  }

  private static void makeCa(String name) throws Exception {
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key",
        "-out", name + ".crt", "-subj", "/CN=" + name, "-days", "2");
  }

  private static void sign(String name, String ca) throws Exception {
    openssl("req", "-new", "-key", name + ".key", "-subj", "/CN=" + name, "-out", name + ".csr");
    openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key",
        "-CAcreateserial", "-out", name + ".crt", "-days", "2");
  }

  private static void openssl(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("openssl %s: %s", command, output).isZero();
  }

  private static SslSettings settings(String name, String ca) {
    return new SslSettings(dir.resolve(name + ".key"), dir.resolve(name + ".crt"),
        dir.resolve(ca + ".crt"));
  }

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private RpcServer server() {
    return RpcServer.bind(transport, Remote.parse("pssl:0:127.0.0.1"),
        RpcOptions.defaults().withSsl(settings("server", "ca")),
        c -> (connection, request) -> connection.reply(request.id(), request.params()));
  }

  @Test
  void ssl_mutualAuthWithPkcs1ClientKey_succeeds() throws Exception {
    try (RpcServer server = server()) {
      RpcConnection client = RpcClient.connect(transport,
          Remote.parse("ssl:127.0.0.1:" + server.port()), TestHandlers.ignoring(),
          RpcOptions.defaults().withSsl(settings("client", "ca"))).get(WAIT, TimeUnit.SECONDS);
      assertThat(client.name()).startsWith("ssl:127.0.0.1:");
      var params = JsonNodeFactory.instance.arrayNode().add("hi");
      assertThat(client.call("anything", params).get(WAIT, TimeUnit.SECONDS)).isEqualTo(params);
      client.close().get(WAIT, TimeUnit.SECONDS);
    }
  }

  @Test
  void ssl_clientCertificateFromUntrustedCa_isRejected() {
    try (RpcServer server = server()) {
      var params = JsonNodeFactory.instance.arrayNode();
      assertThatThrownBy(() -> RpcClient.connect(transport,
              Remote.parse("ssl:127.0.0.1:" + server.port()), TestHandlers.ignoring(),
              RpcOptions.defaults().withSsl(settings("rogue", "ca")))
          .thenCompose(c -> c.call("anything", params))
          .get(WAIT, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
    }
  }

  @Test
  void ssl_serverCertificateFromUntrustedCa_isRejectedByClient() {
    try (RpcServer server = server()) {
      assertThatThrownBy(() -> RpcClient.connect(transport,
              Remote.parse("ssl:127.0.0.1:" + server.port()), TestHandlers.ignoring(),
              RpcOptions.defaults().withSsl(settings("client", "rogue-ca")))
          .get(WAIT, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
    }
  }

  @Test
  void pssl_withoutSettings_failsClearly() {
    assertThatThrownBy(() -> RpcServer.bind(transport, Remote.parse("pssl:0"),
        RpcOptions.defaults(), c -> TestHandlers.ignoring()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs SSL settings");
  }
}
