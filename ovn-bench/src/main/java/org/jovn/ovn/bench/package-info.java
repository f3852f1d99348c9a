/**
 * The northd benchmark: our northd against the real {@code ovn-northd}, side by side, on one
 * generated topology and the same database server.
 *
 * <p>The public API is {@link org.jovn.ovn.bench.NorthdBenchmark} (the command and its entry
 * points), {@link org.jovn.ovn.bench.TopologySize}, {@link org.jovn.ovn.bench.TopologyGenerator}
 * and {@link org.jovn.ovn.bench.Topology} (the generated Northbound, as values), its optional
 * policy ({@link org.jovn.ovn.bench.PolicySize}, {@link org.jovn.ovn.bench.PolicyGenerator},
 * {@link org.jovn.ovn.bench.Policies}: port groups with ACLs, address sets, load balancers,
 * NAT) and
 * {@link org.jovn.ovn.bench.NbLoader} (which writes it with our client). Process control,
 * measurement and the result table are package-private. {@code bin/bench-northd} builds and
 * runs it.
 */
package org.jovn.ovn.bench;
