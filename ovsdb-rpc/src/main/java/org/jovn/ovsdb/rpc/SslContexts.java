package org.jovn.ovsdb.rpc;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** Builds Netty SSL contexts with OVS semantics: mutual authentication, no host name checks. */
final class SslContexts {
  private SslContexts() {}

  /**
   * @throws UncheckedIOException if a file cannot be read or holds unusable key material
   */
  static SslContext create(SslSettings settings, boolean server) {
    try {
      PrivateKey key = PemFiles.privateKey(settings.privateKey());
      List<X509Certificate> chain = PemFiles.certificates(settings.certificate());
      List<X509Certificate> ca = PemFiles.certificates(settings.caCertificate());
      SslContextBuilder builder =
          server
              ? SslContextBuilder.forServer(key, chain).clientAuth(ClientAuth.REQUIRE)
              : SslContextBuilder.forClient().keyManager(key, chain);
      return builder.trustManager(ca).endpointIdentificationAlgorithm(null).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load SSL settings " + settings, e);
    } catch (GeneralSecurityException e) {
      throw new UncheckedIOException(
          "cannot load SSL settings " + settings, new IOException(e.getMessage(), e));
    }
  }
}
