package org.jovn.northd.model;

import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * One logical router's NAT rules and gateway configuration (gateway router chassis,
 * distributed gateway ports), as its flows see them. Not translated yet: always {@link #NONE}.
 */
public record RouterNat() {
  /** No NAT and no gateway. */
  public static final RouterNat NONE = new RouterNat();

  /** Reads the NAT rules and gateway configuration of a router. */
  static RouterNat read(ReplicaSnapshot nb, LogicalRouter lr) {
    return NONE;
  }
}
