/**
 * Addresses as OVN writes them: Ethernet, IPv4 and IPv6 addresses and networks, parsed from and
 * printed to the text forms of the Northbound database and of logical flows.
 */
package org.jovn.northd.net;
