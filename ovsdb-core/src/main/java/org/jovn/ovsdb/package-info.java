/**
 * OVSDB's core: schemas ({@code schema}), values ({@code data}), the in-memory database and its
 * change sets ({@code db}), the transaction engine ({@code txn}) and monitor update computation
 * ({@code monitor}). No I/O lives here; storage and the network build on top.
 */
package org.jovn.ovsdb;
