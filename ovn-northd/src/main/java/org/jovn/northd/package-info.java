/**
 * northd: turns the OVN Northbound database into the Southbound database's datapaths, port
 * bindings, multicast groups and logical flows, as ovn-northd 23.03 does, recomputing only what
 * a change touches. {@link org.jovn.northd.Northd} is the daemon, {@link
 * org.jovn.northd.NorthdMain} its command line.
 */
package org.jovn.northd;
