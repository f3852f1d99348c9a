package org.jovn.northd.pipeline;

import static org.jovn.northd.flow.Stage.LR_IN_DNAT;
import static org.jovn.northd.flow.Stage.LR_IN_LB_AFF_CHECK;
import static org.jovn.northd.flow.Stage.LR_IN_LB_AFF_LEARN;

import org.jovn.northd.flow.FlowSink;
import org.jovn.northd.model.LoadBalancerInput;
import org.jovn.northd.model.LoadBalancerInput.Backend;
import org.jovn.northd.model.LoadBalancerInput.Vip;

/**
 * Load balancer affinity on a logical router ({@code options:affinity_timeout}): a new
 * connection to a VIP first asks whether its client reached a backend recently
 * ({@code chk_lb_aff}, remembering the VIP and port asked for); if so it goes to the same
 * backend, otherwise the backend chosen is learned for the timeout ({@code commit_lb_aff}).
 * The flows carry the router's SNAT choice for load balanced traffic, as
 * {@link RouterLbFlows} does.
 */
final class RouterLbAffinity {
  private static final String KNOWN_SESSION = "reg9[6]";
  private static final String ORIG_DPORT = "reg9[16..31]";
  private static final String AFF_PORT = "reg8[0..15]";

  private RouterLbAffinity() {}

  /**
   * The affinity flows of one VIP.
   *
   * @param newMatch the match of a new connection to the VIP
   */
  static void build(RouterContext ctx, LoadBalancerInput lb, Vip vip, String newMatch,
      FlowSink sink) {
    if (lb.affinityTimeout() == 0) {
      return;
    }
    boolean force = RouterLbFlows.forcesSnat(ctx);
    String flag = force ? "flags.force_snat_for_lb = 1; "
        : lb.skipSnat() ? "flags.skip_snat_for_lb = 1; " : "";
    String ctFlag = force ? "; force_snat" : lb.skipSnat() ? "; skip_snat" : "";
    String ip = vip.ipMatch();
    String regVip = vip.ipv6() ? "xxreg0" : "reg0";
    String regBackend = vip.ipv6() ? "xxreg1" : "reg4";
    boolean port = vip.port() != 0;
    sink.add(LR_IN_LB_AFF_CHECK, 100, newMatch, regVip + " = " + ip + ".dst; "
        + (port ? ORIG_DPORT + " = " + lb.protocol() + ".dst; " : "")
        + KNOWN_SESSION + " = chk_lb_aff(); next;");
    String learnMatch = KNOWN_SESSION + " == 0 && ct.new && " + ip + " && " + regVip + " == "
        + vip.address() + (port ? " && " + ORIG_DPORT + " == " + vip.port() : "") + " && "
        + ip + ".dst == ";
    String learn = "commit_lb_aff(vip = \"" + endpoint(vip.ipv6(), vip.address(), vip.port())
        + "\", backend = \"";
    for (Backend b : vip.backends()) {
      String backend = endpoint(vip.ipv6(), b.address(), b.port());
      boolean backendPort = b.port() != 0;
      sink.add(LR_IN_LB_AFF_LEARN, 100, learnMatch + b.address()
          + (backendPort ? " && " + lb.protocol() + ".dst == " + b.port() : ""),
          learn + backend + "\"" + (port ? ", proto = " + lb.protocol() : "")
              + ", timeout = " + lb.affinityTimeout() + "); /* drop */");
      sink.add(LR_IN_DNAT, 150, KNOWN_SESSION + " == 1 && ct.new && " + ip + " && "
          + regBackend + " == " + b.address()
          + (backendPort ? " && " + AFF_PORT + " == " + b.port() : ""),
          regVip + " = " + vip.address() + "; " + flag + "ct_lb_mark(backends=" + backend
              + ctFlag + ");");
    }
  }

  private static String endpoint(boolean ipv6, String address, int port) {
    if (port == 0) {
      return address;
    }
    return (ipv6 ? "[" + address + "]" : address) + ":" + port;
  }
}
