/**
 * The logical pipelines northd computes for each datapath: the logical flows and multicast groups
 * of a logical switch ({@link org.jovn.northd.pipeline.SwitchPipeline}) and of a logical router,
 * as OVN 23.03's ovn-northd writes them to the Southbound database.
 */
package org.jovn.northd.pipeline;
