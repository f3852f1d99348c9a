/**
 * A load tool for any OVSDB server (ours or Open vSwitch's {@code ovsdb-server}): it speaks RFC
 * 7047 JSON-RPC to an {@code OVN_Northbound} database and measures insert throughput and latency,
 * bulk inserts, monitor fan-out latency and server memory per row.
 *
 * <p>The public API is {@link org.jovn.ovsdb.bench.OvsdbBenchmark} (entry points),
 * {@link org.jovn.ovsdb.bench.BenchOptions} (what to run), {@link org.jovn.ovsdb.bench.Workload}
 * (one measurement) and {@link org.jovn.ovsdb.bench.WorkloadResult} (its figures). Everything
 * else is package-private. {@code bin/bench-ovsdb} runs the tool against the real server and ours
 * and prints both side by side.
 */
package org.jovn.ovsdb.bench;
