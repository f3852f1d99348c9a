/**
 * Writing the Southbound database: the wanted contents ({@link
 * org.jovn.northd.sb.SouthboundPlan}) compared with what is there, and the difference sent as
 * transactions ({@link org.jovn.northd.sb.SouthboundWriter}).
 */
package org.jovn.northd.sb;
