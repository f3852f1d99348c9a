/**
 * Logical flows as northd computes them: the 23.03 pipeline {@link org.jovn.northd.flow.Stage}s
 * and their table numbers, and {@link org.jovn.northd.flow.LogicalFlow} values.
 */
package org.jovn.northd.flow;
