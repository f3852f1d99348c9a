package org.jovn.ovsdb.rpc;

/**
 * A JSON-RPC 1.0 message as OVSDB uses it (RFC 7047 section 4). Immutable; the JSON trees inside
 * must not be modified after construction.
 */
public sealed interface JsonRpcMessage permits Request, Notification, Response {}
