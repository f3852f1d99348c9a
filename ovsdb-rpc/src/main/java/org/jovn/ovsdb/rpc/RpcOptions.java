package org.jovn.ovsdb.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-connection settings. Immutable; use {@link #defaults()} and the {@code with...} methods.
 *
 * @param probeInterval how long the peer may be silent before an {@code echo} probe is sent, and
 *     again before the connection is closed; {@link Duration#ZERO} disables the probe
 * @param maxMessageBytes largest accepted incoming message
 * @param maxDepth deepest accepted nesting of an incoming message
 * @param maxBacklogBytes largest amount of outgoing data queued but not yet written to the socket;
 *     a peer that lets more pile up is disconnected. Must exceed the largest message sent.
 * @param ssl key material for {@code ssl:} and {@code pssl:} remotes, or null if none
 */
public record RpcOptions(
    Duration probeInterval,
    int maxMessageBytes,
    int maxDepth,
    long maxBacklogBytes,
    SslSettings ssl) {
  /** The OVS default inactivity probe interval. */
  public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofMillis(5000);
  /** Default outbound backlog cap: 64 MiB. */
  public static final long DEFAULT_MAX_BACKLOG_BYTES = 64L << 20;

  /** @throws IllegalArgumentException if a value is out of range */
  public RpcOptions {
    Objects.requireNonNull(probeInterval, "probeInterval");
    if (probeInterval.isNegative()) {
      throw new IllegalArgumentException("probeInterval must not be negative: " + probeInterval);
    }
    if (maxMessageBytes < 2 || maxDepth < 1 || maxBacklogBytes < 1) {
      throw new IllegalArgumentException(
          "limits must be positive: maxMessageBytes=" + maxMessageBytes + ", maxDepth=" + maxDepth
              + ", maxBacklogBytes=" + maxBacklogBytes);
    }
  }

  /** Returns 5 s probe, 32 MiB messages, depth 1000, 64 MiB backlog, no SSL. */
  public static RpcOptions defaults() {
    return new RpcOptions(
        DEFAULT_PROBE_INTERVAL,
        JsonFrameDecoder.DEFAULT_MAX_MESSAGE_BYTES,
        JsonFrameDecoder.DEFAULT_MAX_DEPTH,
        DEFAULT_MAX_BACKLOG_BYTES,
        null);
  }

  /** Returns a copy with another probe interval ({@link Duration#ZERO} disables it). */
  public RpcOptions withProbeInterval(Duration interval) {
    return new RpcOptions(interval, maxMessageBytes, maxDepth, maxBacklogBytes, ssl);
  }

  /** Returns a copy with other incoming message limits. */
  public RpcOptions withMessageLimits(int newMaxMessageBytes, int newMaxDepth) {
    return new RpcOptions(probeInterval, newMaxMessageBytes, newMaxDepth, maxBacklogBytes, ssl);
  }

  /** Returns a copy with another outbound backlog cap. */
  public RpcOptions withMaxBacklogBytes(long bytes) {
    return new RpcOptions(probeInterval, maxMessageBytes, maxDepth, bytes, ssl);
  }

  /** Returns a copy with SSL key material. */
  public RpcOptions withSsl(SslSettings settings) {
    return new RpcOptions(probeInterval, maxMessageBytes, maxDepth, maxBacklogBytes, settings);
  }
}
