/** The {@code jovn} command line: central, ovsdb-server, ovsdb-tool and bench. */
package org.jovn.cli;
