/**
 * Interop tests: the real Open vSwitch and OVN programs (ovn-nbctl, ovn-sbctl, ovn-northd,
 * ovn-controller, ovs-vswitchd, ovs-vsctl, ovs-ofctl, ovsdb-client, ovsdb-tool and the Python
 * IDL) run against jovn's in-process {@link org.jovn.ovsdb.server.OvsdbServer}.
 *
 * <p>The harness ({@code RealTools}, {@code Daemon}, {@code Netns}, {@code JovnServer}) starts
 * every process and namespace a test needs and removes them again, also on failure. It is
 * public and published in this module's test-jar, so other modules' interop tests reuse it.
 * All tests are skipped when {@code -Djovn.interop=false}; otherwise the binaries must be on
 * the PATH and the tests run as root (namespaces, veths).
 */
package org.jovn.ovsdb.server.interop;
