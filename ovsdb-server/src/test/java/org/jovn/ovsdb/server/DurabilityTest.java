package org.jovn.ovsdb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jovn.ovsdb.server.TestServer.NB;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a client was told is committed survives a restart and a crash (SIGKILL). */
class DurabilityTest {
  @TempDir Path dir;

  @Test
  void restart_preservesCommittedData() {
    JsonNode before;
    try (TestServer server = TestServer.start(dir); TestClient c = server.client()) {
      c.transact(NB, "[{'op':'insert','table':'Logical_Switch_Port','uuid-name':'p',"
          + "'row':{'name':'p1','addresses':['set',['00:00:00:00:00:01 10.0.0.1']]}},"
          + "{'op':'insert','table':'Logical_Switch','row':{'name':'s1',"
          + "'ports':['set',[['named-uuid','p']]],'external_ids':['map',[['k','v']]]}},"
          + "{'op':'insert','table':'Logical_Switch','row':{'name':'gone'}},"
          + "{'op':'insert','table':'NB_Global','row':{'nb_cfg':5}}]");
      c.transact(NB, "[{'op':'mutate','table':'NB_Global','where':[],"
          + "'mutations':[['nb_cfg','+=',2]]},"
          + "{'op':'update','table':'Logical_Switch','where':[['name','==','s1']],"
          + "'row':{'other_config':['map',[['a','b']]]}},"
          + "{'op':'delete','table':'Logical_Switch','where':[['name','==','gone']]}]");
      before = dump(c);
    }
    try (TestServer server = TestServer.start(dir); TestClient c = server.client()) {
      assertThat(dump(c)).isEqualTo(before);
      assertThat(before.get(2).get("rows").get(0).get("nb_cfg").asLong()).isEqualTo(7);
      assertThat(before.get(0).get("rows")).hasSize(1);
    }
  }

  private static JsonNode dump(TestClient c) {
    return ServerCommandsInteropTest.withoutVersions(c.transact(NB, "["
        + "{'op':'select','table':'Logical_Switch','where':[]},"
        + "{'op':'select','table':'Logical_Switch_Port','where':[]},"
        + "{'op':'select','table':'NB_Global','where':[]}]"));
  }

  /** The server in its own JVM (TestServerMain), so that it can be killed with SIGKILL. */
  private static final class ServerProcess implements AutoCloseable {
    final Process process;
    final int port;

    ServerProcess(Path db) throws IOException, InterruptedException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          TestServerMain.class.getName(), db.toString(), "--remote=ptcp:0:127.0.0.1")
          .redirectErrorStream(true).start();
      CompletableFuture<Integer> ready = new CompletableFuture<>();
      Thread drain = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
              ready.complete(Integer.parseInt(line.substring(6).strip()));
            }
          }
        } catch (IOException e) {
          // The process is gone.
        }
        ready.completeExceptionally(new AssertionError("server process exited before READY"));
      }, "server-output");
      drain.setDaemon(true);
      drain.start();
      port = ready.orTimeout(60, TimeUnit.SECONDS).join();
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        kill();
      }
    }
  }

  @Test
  void sigkillMidBurst_everyAcknowledgedInsertSurvives_noDuplicates() throws Exception {
    Path db = dir.resolve("crash.db");
    LogStorage.create(db, DatabaseSchema.bundled("ovn-nb").json());
    Set<String> acked = ConcurrentHashMap.newKeySet();
    Set<String> attempted = ConcurrentHashMap.newKeySet();
    int clients = 4;
    int window = 8;
    try (RpcTransport transport = RpcTransport.create(2)) {
      try (ServerProcess server = new ServerProcess(db)) {
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
          TestClient c = TestClient.connect(transport, "tcp:127.0.0.1:" + server.port);
          String prefix = "c" + w + "-";
          Thread t = new Thread(() -> burst(c, prefix, window, attempted, acked), "writer-" + w);
          t.start();
          writers.add(t);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acked.size() < 400 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        server.kill();
        for (Thread t : writers) {
          t.join(TimeUnit.SECONDS.toMillis(30));
        }
      }
      assertThat(acked).hasSizeGreaterThanOrEqualTo(400);
      // Inserts were in flight when the server died.
      assertThat(attempted.size()).isGreaterThan(acked.size());

      try (ServerProcess server = new ServerProcess(db);
           TestClient c = TestClient.connect(transport, "tcp:127.0.0.1:" + server.port)) {
        JsonNode rows = c.transact(NB, "[{'op':'select','table':'Logical_Switch','where':[],"
            + "'columns':['name']}]").get(0).get("rows");
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.get("name").asText(), 1, Integer::sum));
        assertThat(counts.keySet()).containsAll(acked);
        assertThat(attempted).containsAll(counts.keySet());
        assertThat(counts.values()).allMatch(n -> n == 1);
        // The server is usable after recovery.
        c.transact(NB, "[{'op':'insert','table':'Logical_Switch','row':{'name':'after'}}]");
      }
    }
  }

  /** Inserts rows with up to {@code window} requests in flight until the connection fails. */
  private static void burst(TestClient c, String prefix, int window, Set<String> attempted,
      Set<String> acked) {
    Semaphore inFlight = new Semaphore(window);
    CompletableFuture<Void> failed = new CompletableFuture<>();
    try {
      for (int i = 0; !failed.isDone(); i++) {
        if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        String name = prefix + i;
        attempted.add(name);
        c.callAsync("transact", "['OVN_Northbound',{'op':'insert','table':'Logical_Switch',"
            + "'row':{'name':'" + name + "'}}]").whenComplete((r, e) -> {
              inFlight.release();
              if (e == null && r.get(0).has("uuid")) {
                acked.add(name);
              } else {
                failed.complete(null);
              }
            });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      c.close();
    }
  }
}
