/**
 * Address management: the MAC, IPv4 and IPv6 addresses northd assigns to logical switch ports
 * that ask for {@code dynamic} addresses, written back to
 * {@code Logical_Switch_Port.dynamic_addresses}, and the deployment's MAC prefix.
 *
 * <p>{@link org.jovn.northd.ipam.Ipam} is the entry point. The rest is package-private: reading
 * the Northbound snapshot ({@code IpamInput}), a switch's settings and IPv4 pool
 * ({@code SwitchConfig}, {@code Ipv4Pool}), the deployment-wide MAC pool ({@code MacPool}), one
 * pass as one ovn-northd run makes it ({@code Pass}, {@code Update}), and the passes repeated
 * until they settle ({@code Allocator}).
 */
package org.jovn.northd.ipam;
