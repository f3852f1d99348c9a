/**
 * The differential report of jovn's northd against the real ovn-northd: both translate the same
 * Northbound database (built by the real ovn-nbctl, served by the real ovsdb-server) into a
 * Southbound database of their own, and {@code NorthdDifferentialInteropTest} compares the
 * logical flows stage by stage, and the port bindings and multicast groups by name.
 *
 * <p>{@link org.jovn.northd.diff.SouthboundDump} reads one Southbound database with the real
 * ovsdb-client, expanding datapath groups into per-datapath flows;
 * {@link org.jovn.northd.diff.FlowComparator} matches the two flow sets up;
 * {@link org.jovn.northd.diff.DiffReport} writes the Markdown report. The test is skipped only
 * with {@code -Djovn.interop=false}.
 */
package org.jovn.northd.diff;
