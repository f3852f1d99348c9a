/**
 * JSON-RPC 1.0 over stream sockets, as OVSDB uses it (RFC 7047 section 4 and the behaviour of
 * Open vSwitch's {@code lib/jsonrpc.c}), built on Netty.
 *
 * <p>The pipeline of every connection is: size- and depth-capped JSON framing
 * ({@link org.jovn.ovsdb.rpc.JsonFrameDecoder}, {@link org.jovn.ovsdb.rpc.JsonEncoder}) →
 * JSON-RPC message codec ({@link org.jovn.ovsdb.rpc.JsonRpcCodec}) → one
 * {@link org.jovn.ovsdb.rpc.RpcConnection} per channel, which correlates calls with replies,
 * answers {@code echo}, runs the inactivity probe and enforces the outbound backlog cap.
 * Incoming requests and notifications go to a caller-supplied {@link org.jovn.ovsdb.rpc.RpcHandler}
 * on the channel's event loop.
 *
 * <p>Endpoints are named by OVS connection-method strings ({@link org.jovn.ovsdb.rpc.Remote}):
 * {@code ptcp:}, {@code punix:}, {@code pssl:} to listen with {@link org.jovn.ovsdb.rpc.RpcServer},
 * {@code tcp:}, {@code unix:}, {@code ssl:} to connect with {@link org.jovn.ovsdb.rpc.RpcClient}.
 * Event-loop threads are owned by an {@link org.jovn.ovsdb.rpc.RpcTransport}. SSL uses mutual
 * authentication against a CA, configured by {@link org.jovn.ovsdb.rpc.SslSettings}.
 *
 * <p>The {@code unixctl} sub-package implements an {@code ovs-appctl}-compatible control socket.
 */
package org.jovn.ovsdb.rpc;
