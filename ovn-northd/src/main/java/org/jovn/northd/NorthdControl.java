package org.jovn.northd;

import org.jovn.ovsdb.rpc.unixctl.UnixctlServer;

/**
 * The control commands of northd, named and worded as ovn-northd's ({@code ovn-appctl -t
 * ovn-northd status}).
 */
public final class NorthdControl {
  private NorthdControl() {}

  /**
   * Registers {@code exit}, {@code status}, {@code pause}, {@code resume}, {@code is-paused} and
   * {@code northd/stats}.
   *
   * @param exit run by {@code exit}, after the reply is sent
   */
  public static void register(UnixctlServer u, Northd northd, Runnable exit) {
    u.register("exit", "", 0, 0, (args, reply) -> {
      reply.success("");
      exit.run();
    });
    u.register("status", "", 0, 0,
        (args, reply) -> reply.success("Status: " + northd.status() + "\n"));
    u.register("pause", "", 0, 0, (args, reply) -> {
      northd.pause();
      reply.success("");
    });
    u.register("resume", "", 0, 0, (args, reply) -> {
      northd.resume();
      reply.success("");
    });
    u.register("is-paused", "", 0, 0,
        (args, reply) -> reply.success(northd.isPaused() ? "true\n" : "false\n"));
    u.register("northd/stats", "", 0, 0, (args, reply) -> {
      NorthdStats s = northd.stats();
      reply.success(String.format("runs: %d%ndatapaths recomputed: %d%nlast compute: %.1f ms%n"
          + "southbound commits: %d%nlogical flows: %d%n", s.runs(), s.datapathsRecomputed(),
          s.lastComputeNanos() / 1e6, s.commits(), s.flows()));
    });
  }
}
