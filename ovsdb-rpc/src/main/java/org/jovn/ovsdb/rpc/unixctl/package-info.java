/**
 * An {@code ovs-appctl}-compatible control socket, after OVS's {@code lib/unixctl.c}.
 *
 * <p>{@code ovs-appctl} connects to a unix socket and sends a JSON-RPC request whose method is the
 * command name and whose params are the string arguments; the result is the command's output
 * text, or the error member an error text. {@link org.jovn.ovsdb.rpc.unixctl.UnixctlServer} owns
 * such a socket and a registry of {@link org.jovn.ovsdb.rpc.unixctl.UnixctlCommand}s, including the
 * built-in {@code list-commands} and {@code version}.
 */
package org.jovn.ovsdb.rpc.unixctl;
