/**
 * Acceptance interop tests of jovn's northd: jovn's ovsdb-server serves the Northbound and
 * Southbound databases, jovn's northd (its own JVM, {@code org.jovn.northd.NorthdMain}) translates
 * between them, and the real ovn-controller and ovs-vswitchd (userspace datapath, in their own
 * network namespace) forward packets between VIFs, network namespaces plugged in with veth pairs.
 *
 * <p>{@code Testbed} builds and removes that setup, reusing the process and namespace harness of
 * ovsdb-server's interop tests. The tests are skipped only with {@code -Djovn.interop=false};
 * they need the OVS/OVN binaries on the PATH and root (namespaces, veths).
 * {@code -Djovn.northd.real=true} runs the same tests with the real ovn-northd instead, to tell a
 * northd bug from a test bug.
 */
package org.jovn.northd.interop;
