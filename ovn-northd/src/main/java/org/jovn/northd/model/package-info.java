/**
 * What northd's flow computation reads from the Northbound database: one immutable input value
 * per logical switch ({@link org.jovn.northd.model.SwitchInput}) and router
 * ({@link org.jovn.northd.model.RouterInput}), with references already resolved, and the load
 * balancer health checks ({@link org.jovn.northd.model.ServiceMonitors}), which also read the
 * statuses ovn-controller reports in the Southbound.
 */
package org.jovn.northd.model;
