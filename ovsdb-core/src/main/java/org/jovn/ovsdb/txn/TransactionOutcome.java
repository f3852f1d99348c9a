package org.jovn.ovsdb.txn;

import com.fasterxml.jackson.databind.JsonNode;
import org.jovn.ovsdb.db.ChangeSet;

/**
 * What executing a "transact" request yields, without having changed anything: the reply's
 * result array and the changes to commit (empty after an error or for a read-only transaction).
 *
 * @param results the "result" member of the reply (an array), or an error object when the
 *     request itself is malformed
 * @param changes the changes to commit; empty when the transaction failed
 * @param comment text of "comment" operations, or null
 * @param blocked true when a "wait" operation is not yet satisfied: retry when the database
 *     changes, until {@code timeoutMs} has elapsed since the first attempt
 * @param timeoutMs for a blocked transaction, its timeout ({@link Long#MAX_VALUE} for none)
 */
public record TransactionOutcome(JsonNode results, ChangeSet changes, String comment,
    boolean blocked, long timeoutMs) {

  static TransactionOutcome blocked(long timeoutMs) {
    return new TransactionOutcome(null, ChangeSet.empty(), null, true, timeoutMs);
  }

  /** True when there is something to commit. */
  public boolean hasChanges() {
    return !changes.isEmpty();
  }
}
