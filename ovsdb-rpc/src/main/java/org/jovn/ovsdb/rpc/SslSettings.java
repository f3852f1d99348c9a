package org.jovn.ovsdb.rpc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * SSL key material, like {@code ovsdb-server}'s {@code -p}, {@code -c} and {@code -C} options.
 * Both sides authenticate: a server requires a client certificate signed by the CA, a client
 * verifies the server's certificate against the CA. As in OVS, host names are not checked.
 *
 * <p>Files are PEM. The private key may be PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}); it must not be encrypted. The certificate file may hold a chain
 * (the leaf first); the CA file may hold several certificates. Files are read when a listener or
 * connection is set up, so a missing or bad file fails that operation.
 *
 * @param privateKey the private key file
 * @param certificate the certificate (chain) file matching the key
 * @param caCertificate the file of CA certificates trusted to sign the peer's certificate
 */
public record SslSettings(Path privateKey, Path certificate, Path caCertificate) {
  /** @throws NullPointerException if a path is null */
  public SslSettings {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(caCertificate, "caCertificate");
  }
}
