package org.jovn.ovsdb.txn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jovn.ovsdb.OvsdbException;
import org.jovn.ovsdb.db.ChangeSet;
import org.jovn.ovsdb.db.Database;
import org.jovn.ovsdb.json.Json;

/**
 * Executes a "transact" request against a database without changing it (propose; the caller
 * commits the resulting change set through {@link Database#apply}). Follows RFC 7047 §4.1.3 and
 * ovsdb-server: operations run in order; the first error stops execution, its error object takes
 * that operation's place and the remaining places are null; errors found at commit time
 * (references, indexes, row limits) are appended as one extra element. Any error discards all
 * changes.
 *
 * <p>Not thread-safe: run on the database's owner thread.
 */
public final class TransactionExecutor {
  private final Database db;
  private final RandomGenerator random;

  public TransactionExecutor(Database db, RandomGenerator random) {
    this.db = db;
    this.random = random;
  }

  /**
   * Executes a transaction.
   *
   * @param params the request's params: the database name, then the operations
   * @param elapsedMs how long this transaction has been waiting (for "wait" timeouts)
   * @param ownsLock tells whether the requesting session holds a lock (for "assert")
   * @param readOnly true when the server refuses writes (then write operations fail)
   */
  public TransactionOutcome execute(JsonNode params, long elapsedMs, Predicate<String> ownsLock,
      boolean readOnly) {
    if (!params.isArray() || params.isEmpty() || !params.get(0).isTextual()
        || !params.get(0).textValue().equals(db.schema().name())) {
      OvsdbException e = OvsdbException.syntax(params.isArray()
          ? "database name expected as first parameter" : "array expected");
      return new TransactionOutcome(e.toJson(), ChangeSet.empty(), null, false, 0);
    }
    int n = params.size() - 1;
    TransactionState state = new TransactionState(db);
    Map<String, UUID> symbols = new HashMap<>();
    Operations ops = new Operations(state, name -> symbols.computeIfAbsent(name,
        k -> randomUuid()), symbols::put, this::randomUuid, ownsLock, elapsedMs);
    ArrayNode results = Json.array();
    boolean failed = false;
    for (int i = 1; i <= n; i++) {
      JsonNode op = params.get(i);
      try {
        if (readOnly && !Operations.isReadOnly(op)) {
          throw new OvsdbException("not allowed", op.path("op").asText()
              + " operation not allowed when database server is in read only mode");
        }
        results.add(ops.execute(op, i, n));
      } catch (Operations.Blocked b) {
        return TransactionOutcome.blocked(b.timeoutMs);
      } catch (OvsdbException e) {
        results.add(e.toJson());
        failed = true;
        break;
      }
    }
    while (results.size() < n) {
      results.add(Json.NODES.nullNode());
    }
    if (failed) {
      return new TransactionOutcome(results, ChangeSet.empty(), null, false, 0);
    }
    try {
      ChangeSet changes = new CommitChecks(state, this::randomUuid).run();
      return new TransactionOutcome(results, changes, ops.comment(), false, 0);
    } catch (OvsdbException e) {
      results.add(e.toJson());
      return new TransactionOutcome(results, ChangeSet.empty(), null, false, 0);
    }
  }

  /** A version-4 random UUID from the injected generator. */
  UUID randomUuid() {
    return org.jovn.ovsdb.data.Uuids.random(random);
  }
}
