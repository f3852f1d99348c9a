/**
 * OVSDB clustering on Apache Ratis: a clustered database file ({@link
 * org.jovn.ovsdb.raft.ClusterDescriptor}), the member that runs it ({@link
 * org.jovn.ovsdb.raft.RaftReplica}) and the state machine contract a database implements ({@link
 * org.jovn.ovsdb.raft.ReplicaStateMachine}).
 */
package org.jovn.ovsdb.raft;
