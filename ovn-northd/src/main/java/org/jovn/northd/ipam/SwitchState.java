package org.jovn.northd.ipam;

/**
 * A switch during one pass: its input, its settings, and its IPv4 pool (null without a valid
 * subnet). The pool is mutable; the pass that made it owns it.
 */
record SwitchState(IpamInput.Switch input, SwitchConfig config, Ipv4Pool pool) {}
