/** Monitors: which rows and columns a client watches, and the update notifications it receives. */
package org.jovn.ovsdb.monitor;
