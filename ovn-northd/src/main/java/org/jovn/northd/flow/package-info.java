/**
 * Logical flows as northd computes them: the 23.03 pipeline {@link org.jovn.northd.flow.Stage}s
 * and their table numbers, {@link org.jovn.northd.flow.LogicalFlow} values, and the stand-in
 * for a datapath's tunnel key that flows may carry until it is known
 * ({@link org.jovn.northd.flow.TunnelKeyRef}).
 */
package org.jovn.northd.flow;
