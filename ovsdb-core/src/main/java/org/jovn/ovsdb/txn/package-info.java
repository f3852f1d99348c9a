/**
 * The transaction engine: executes "transact" operations against a snapshot and proposes a
 * change set ({@link org.jovn.ovsdb.txn.TransactionExecutor}), plus conditions and mutations.
 */
package org.jovn.ovsdb.txn;
