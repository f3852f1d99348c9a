package org.jovn.ovsdb.server;

import java.time.InstantSource;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jovn.ovsdb.raft.RaftSettings;

/**
 * How to run a server.
 *
 * @param remotes connection methods to serve ({@code ptcp:6641}, {@code punix:PATH},
 *     {@code db:DB,TABLE,COLUMN}, ...)
 * @param privateKey SSL private key: a file path or {@code db:DB,TABLE,COLUMN}; null for none
 * @param certificate SSL certificate, likewise
 * @param caCertificate SSL CA certificate, likewise
 * @param maxMessageBytes the largest JSON-RPC message accepted from a client
 * @param clock time source
 * @param random randomness for UUIDs
 * @param raft settings of clustered databases
 */
public record ServerConfig(List<String> remotes, String privateKey, String certificate,
    String caCertificate, int maxMessageBytes, InstantSource clock, RandomGenerator random,
    RaftSettings raft) {

  public ServerConfig {
    remotes = List.copyOf(remotes);
  }

  /** Defaults: no remotes, no SSL, 64 MiB messages, system clock, a fast PRNG. */
  public static ServerConfig defaults() {
    return new ServerConfig(List.of(), null, null, null, 64 << 20, InstantSource.system(),
        RandomGenerator.of("L64X128MixRandom"), RaftSettings.defaults());
  }

  public ServerConfig withRemotes(List<String> newRemotes) {
    return new ServerConfig(newRemotes, privateKey, certificate, caCertificate, maxMessageBytes,
        clock, random, raft);
  }

  public ServerConfig withSsl(String key, String cert, String ca) {
    return new ServerConfig(remotes, key, cert, ca, maxMessageBytes, clock, random, raft);
  }

  public ServerConfig withMaxMessageBytes(int bytes) {
    return new ServerConfig(remotes, privateKey, certificate, caCertificate, bytes, clock,
        random, raft);
  }

  public ServerConfig withRaft(RaftSettings settings) {
    return new ServerConfig(remotes, privateKey, certificate, caCertificate, maxMessageBytes,
        clock, random, settings);
  }
}
