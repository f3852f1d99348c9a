package org.jovn.northd.model;

import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * The DHCP options of one logical switch's ports and its DNS records, as its flows see them.
 * Not translated yet: always {@link #NONE}.
 */
public record SwitchDhcpDns() {
  /** No DHCP and no DNS. */
  public static final SwitchDhcpDns NONE = new SwitchDhcpDns();

  /** Reads the DHCP options and DNS records of a switch. */
  static SwitchDhcpDns read(ReplicaSnapshot nb, LogicalSwitch ls) {
    return NONE;
  }
}
