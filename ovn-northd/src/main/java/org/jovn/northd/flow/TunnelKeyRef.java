package org.jovn.northd.flow;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A flow's reference to the tunnel key of its own datapath. ovn-northd names some Southbound
 * rows after a datapath's tunnel key (a router's load balancer VIP address sets,
 * {@code $_rtr_lb_KEY_ip4}), and flows that refer to them carry the key; but the key is known
 * only once the datapath is bound in the Southbound. So the pipelines write {@link #TOKEN} in
 * its place, and the Southbound writer {@linkplain #resolve resolves} a datapath's flows with
 * its key before comparing them with what the Southbound holds.
 *
 * <p>Stateless and thread-safe.
 */
public final class TunnelKeyRef {
  /** Stands for the datapath's tunnel key in a match or actions; no flow text contains it. */
  public static final String TOKEN = "${tunnel_key}";

  private TunnelKeyRef() {}

  /**
   * The flows with {@link #TOKEN} replaced by {@code key}: {@code flows} itself, the very
   * object, if none mentions it.
   */
  public static Set<LogicalFlow> resolve(Set<LogicalFlow> flows, long key) {
    if (flows.stream().noneMatch(TunnelKeyRef::mentions)) {
      return flows;
    }
    Set<LogicalFlow> out = new LinkedHashSet<>();
    flows.forEach(f -> out.add(resolve(f, key)));
    return out;
  }

  /** The flow with {@link #TOKEN} replaced by {@code key}. */
  public static LogicalFlow resolve(LogicalFlow f, long key) {
    if (!mentions(f)) {
      return f;
    }
    String k = Long.toString(key);
    return new LogicalFlow(f.stage(), f.priority(), f.match().replace(TOKEN, k),
        f.actions().replace(TOKEN, k), f.inOutPort());
  }

  private static boolean mentions(LogicalFlow f) {
    return f.match().contains(TOKEN) || f.actions().contains(TOKEN);
  }
}
