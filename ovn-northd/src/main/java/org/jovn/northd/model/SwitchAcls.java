package org.jovn.northd.model;

import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * The ACLs that apply to one logical switch (its own and those of the port groups its ports
 * are in), as its flows see them. Not translated yet: always {@link #NONE}.
 */
public record SwitchAcls() {
  /** No ACLs. */
  public static final SwitchAcls NONE = new SwitchAcls();

  /** Reads the ACLs of a switch. */
  static SwitchAcls read(ReplicaSnapshot nb, LogicalSwitch ls) {
    return NONE;
  }
}
