package org.jovn.northd;

import java.util.concurrent.CompletableFuture;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.jovn.ovsdb.rpc.unixctl.UnixctlServer;

/**
 * northd with its control socket, as a process runs it. Closing it closes both.
 */
public final class NorthdDaemon implements AutoCloseable {
  private final Northd northd;
  private final RpcTransport transport;
  private final UnixctlServer unixctl;
  private final CompletableFuture<Void> exitRequested = new CompletableFuture<>();

  private NorthdDaemon(NorthdConfig config) {
    northd = Northd.start(config);
    transport = RpcTransport.create(1);
    unixctl = new UnixctlServer("ovn-northd (jovn)");
    if (config.unixctl() != null) {
      NorthdControl.register(unixctl, northd, () -> exitRequested.complete(null));
      unixctl.start(transport, config.unixctl());
    }
  }

  /** Starts northd and, if the configuration names one, its control socket. */
  public static NorthdDaemon start(NorthdConfig config) {
    return new NorthdDaemon(config);
  }

  /** The daemon's northd. */
  public Northd northd() {
    return northd;
  }

  /** Completes when {@code exit} was run on the control socket. */
  public CompletableFuture<Void> exitRequested() {
    return exitRequested;
  }

  @Override
  public void close() {
    unixctl.close();
    northd.close();
    transport.close();
  }
}
