package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jovn.cli.cluster.LinearizabilityChecker.Kind;
import org.jovn.cli.cluster.LinearizabilityChecker.Op;
import org.jovn.cli.cluster.LinearizabilityChecker.Outcome;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several clients read, write and compare-and-set three registers (rows of {@code Reg}) through
 * different members while the leader is killed and restarted; the recorded history must be
 * linearizable ({@link LinearizabilityChecker}).
 *
 * <p>Reads go through the log (a select plus a mutation of {@code Tick}): OVSDB serves plain
 * reads from each member's own replica, which may lag, so only reads ordered by the log are
 * linearizable. Compare-and-set is a select, a "wait" on the expected value and an update; when
 * the wait fails, the select's result is recorded as a read.
 */
class ClusterLinearizabilityTest {
  private static final List<String> KEYS = List.of("k0", "k1", "k2");
  private static final int CLIENTS = 4;
  private static final int MAX_OPS_PER_CLIENT = 400;

  @TempDir
  Path dir;
  @AutoClose
  private Cluster cluster;

  @Test
  void registers_underLeaderKills_areLinearizable() throws Exception {
    cluster = Cluster.create(dir, 3, "--election-timer=600");
    Member first = cluster.startAndAwaitFormed();
    try (JsonRpc c = first.connect()) {
      List<com.fasterxml.jackson.databind.JsonNode> ops = new ArrayList<>();
      KEYS.forEach(k -> ops.add(Ops.insertReg(k, 0)));
      ops.add(Ops.insertTick());
      assertThat(Ops.error(c.transact(Cluster.DB, 20_000,
          ops.toArray(com.fasterxml.jackson.databind.JsonNode[]::new)))).isNull();
    }
    List<Op> history = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      int client = i;
      clients.add(pool.submit(() -> runClient(client, history, stop)));
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < 3; round++) {
      Thread.sleep(2_000 + random.nextInt(2_000));
      Member leader = cluster.awaitLeader(cluster.running());
      leader.kill();
      Thread.sleep(1_500);
      leader.start();
    }
    Thread.sleep(2_000);
    stop.set(true);
    for (Future<?> f : clients) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    List<Op> ops = new ArrayList<>(history);
    long known = ops.stream().filter(o -> o.outcome() != Outcome.UNKNOWN).count();
    System.out.printf("linearizability: %d operations, %d with a known outcome%n", ops.size(),
        known);
    assertThat(known).as("operations with a known outcome").isGreaterThan(50);
    String failure = LinearizabilityChecker.check(ops, Map.of("k0", 0L, "k1", 0L, "k2", 0L));
    assertThat(failure).as("linearizability of %d operations", ops.size()).isNull();
  }

  /** One client: random operations through its member (another one when it is down). */
  private Void runClient(int client, List<Op> history, AtomicBoolean stop) throws Exception {
    SplittableRandom random = new SplittableRandom(client);
    Map<String, Long> lastSeen = new HashMap<>();
    JsonRpc conn = null;
    int target = client % 3;
    long seq = 0;
    for (int n = 0; n < MAX_OPS_PER_CLIENT && !stop.get(); n++) {
      if (conn == null || conn.isClosed()) {
        conn = connectAny(target++);
        if (conn == null) {
          Thread.sleep(100);
          continue;
        }
      }
      Thread.sleep(random.nextInt(60));
      String key = KEYS.get(random.nextInt(KEYS.size()));
      int dice = random.nextInt(3);
      Kind kind = dice == 0 ? Kind.READ : dice == 1 ? Kind.WRITE : Kind.CAS;
      long value = kind == Kind.READ ? 0 : (client + 1) * 1_000_000L + ++seq;
      long expected = lastSeen.getOrDefault(key, 0L);
      long invoke = System.nanoTime();
      Op op;
      try {
        ArrayNode r = switch (kind) {
          case READ -> conn.transact(Cluster.DB, 20_000,
              Ops.select("Reg", Ops.eq("key", key), "value"), Ops.tick());
          case WRITE -> conn.transact(Cluster.DB, 20_000, Ops.writeReg(key, value));
          case CAS -> conn.transact(Cluster.DB, 20_000,
              Ops.select("Reg", Ops.eq("key", key), "value"), Ops.waitReg(key, expected),
              Ops.writeReg(key, value));
        };
        long response = System.nanoTime();
        String error = Ops.error(r);
        if (kind == Kind.READ) {
          assertThat(error).isNull();
          value = r.get(0).get("rows").get(0).get("value").asLong();
          lastSeen.put(key, value);
          op = new Op(client, key, kind, 0, value, Outcome.OK, invoke, response);
        } else if (error == null) {
          assertThat(r.get(kind == Kind.CAS ? 2 : 0).get("count").asInt()).isEqualTo(1);
          lastSeen.put(key, value);
          op = new Op(client, key, kind, expected, value, Outcome.OK, invoke, response);
        } else {
          assertThat(kind).as("error %s", error).isEqualTo(Kind.CAS);
          assertThat(error).isEqualTo("timed out");
          // The select before the failed "wait" saw the register: a read of that value.
          long seen = r.get(0).get("rows").get(0).get("value").asLong();
          assertThat(seen).isNotEqualTo(expected);
          lastSeen.put(key, seen);
          op = new Op(client, key, Kind.READ, 0, seen, Outcome.OK, invoke, response);
        }
      } catch (JsonRpc.RpcError | IOException e) {
        op = new Op(client, key, kind, expected, value, Outcome.UNKNOWN, invoke, 0);
        if (e instanceof IOException) {
          conn.close();
        }
      }
      history.add(op);
    }
    if (conn != null) {
      conn.close();
    }
    return null;
  }

  private JsonRpc connectAny(int start) {
    for (int i = 0; i < 3; i++) {
      Member m = cluster.member((start + i) % 3);
      try {
        return m.connect();
      } catch (IOException e) {
        // Down: try the next one.
      }
    }
    return null;
  }
}
