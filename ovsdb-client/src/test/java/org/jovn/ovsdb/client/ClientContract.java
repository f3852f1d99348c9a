package org.jovn.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jovn.ovsdb.data.Datum;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.rpc.RpcTransport;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client's behaviour against a server: subclasses name the server (ours, or the real
 * ovsdb-server) and the same tests run against each.
 */
abstract class ClientContract {
  static final DatabaseSchema NB = DatabaseSchema.bundled("ovn-nb");
  static final List<String> TABLES = List.of("NB_Global", "Logical_Switch", "Logical_Switch_Port");
  static final long WAIT = 10;

  @TempDir Path dir;
  ServerUnderTest server;
  RpcTransport transport;
  final List<OvsdbClient> clients = new ArrayList<>();

  /** Starts the server under test in {@code dir}. */
  abstract ServerUnderTest startServer(Path dir);

  @BeforeEach
  void startUp() {
    server = startServer(dir);
    transport = RpcTransport.create(1);
  }

  @AfterEach
  void tearDown() {
    clients.forEach(OvsdbClient::close);
    transport.close();
    server.close();
  }

  OvsdbClient.Builder builder(String... remotes) {
    OvsdbClient.Builder b = OvsdbClient.builder(NB).transport(transport)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .remotes(remotes.length == 0 ? new String[] {server.tcpRemote()} : remotes);
    TABLES.forEach(b::monitor);
    return b;
  }

  OvsdbClient connected(OvsdbClient.Builder b) throws Exception {
    OvsdbClient c = b.build();
    clients.add(c);
    c.connect().get(WAIT, TimeUnit.SECONDS);
    return c;
  }

  OvsdbClient connected() throws Exception {
    return connected(builder());
  }

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT, TimeUnit.SECONDS);
  }

  static UUID addSwitch(OvsdbClient c, String name) throws Exception {
    Transaction t = c.transaction();
    UUID p = t.insert("Logical_Switch").set("name", name).uuid();
    return get(c.transact(t)).uuid(p);
  }

  static Datum col(Row row, String column) {
    return row.get(row.table().column(column));
  }

  @Test
  void connect_overTcpAndUnix_replicaHoldsExistingRows() throws Exception {
    OvsdbClient writer = connected();
    UUID ls = addSwitch(writer, "sw0");
    for (String remote : List.of(server.tcpRemote(), server.unixRemote())) {
      OvsdbClient c = connected(builder(remote));
      assertThat(c.state()).isEqualTo(ConnectionState.SYNCED);
      ReplicaSnapshot s = c.snapshot();
      assertThat(s.rows("Logical_Switch")).containsOnlyKeys(ls);
      assertThat(col(s.rows("Logical_Switch").get(ls), "name")).isEqualTo(Datum.of("sw0"));
    }
  }

  @Test
  void connect_firstRemoteDown_usesNextRemote() throws Exception {
    OvsdbClient c = connected(builder("unix:" + dir.resolve("nothing.sock"), server.tcpRemote()));
    assertThat(c.state()).isEqualTo(ConnectionState.SYNCED);
  }

  @Test
  void transact_insertWithNamedUuids_replicaReflectsItWhenReplyArrives() throws Exception {
    OvsdbClient c = connected();
    Transaction t = c.transaction();
    UUID port = t.insert("Logical_Switch_Port").set("name", "p1")
        .set("addresses", Set.of("00:00:00:00:00:01 10.0.0.1")).uuid();
    UUID ls = t.insert("Logical_Switch").set("name", "sw0").set("ports", Set.of(port)).uuid();
    TransactionResult r = get(c.transact(t));

    ReplicaSnapshot s = c.snapshot();
    Row sw = s.row("Logical_Switch", r.uuid(ls)).orElseThrow();
    assertThat(col(sw, "ports")).isEqualTo(Datum.of(r.uuid(port)));
    assertThat(s.lookup("Logical_Switch_Port", List.of("name"), "p1")).get()
        .extracting(Row::uuid).isEqualTo(r.uuid(port));
  }

  @Test
  void transact_updateMutateDelete_replicaFollows() throws Exception {
    OvsdbClient c = connected();
    UUID ls = addSwitch(c, "sw0");
    Transaction t = c.transaction();
    t.update("Logical_Switch", ls).set("other_config", Map.of("a", "1", "b", "2"));
    get(c.transact(t));
    t = c.transaction();
    t.mutate("Logical_Switch", ls).delete("other_config", Set.of("a"))
        .insert("external_ids", Map.of("k", "v"));
    get(c.transact(t));
    Row sw = c.snapshot().row("Logical_Switch", ls).orElseThrow();
    assertThat(col(sw, "other_config")).isEqualTo(Datum.mapOf("b", "2"));
    assertThat(col(sw, "external_ids")).isEqualTo(Datum.mapOf("k", "v"));

    get(c.transact(c.transaction().delete("Logical_Switch", ls)));
    assertThat(c.snapshot().rows("Logical_Switch")).isEmpty();
  }

  @Test
  void transact_duplicateIndexValue_failsWithOvsdbErrorTag() throws Exception {
    OvsdbClient c = connected();
    Transaction t = c.transaction();
    UUID p1 = t.insert("Logical_Switch_Port").set("name", "p").uuid();
    UUID p2 = t.insert("Logical_Switch_Port").set("name", "p").uuid();
    t.insert("Logical_Switch").set("name", "sw0").set("ports", Set.of(p1, p2));
    assertThatThrownBy(() -> get(c.transact(t))).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOfSatisfying(TransactionException.class,
            e -> assertThat(e.error()).isEqualTo("constraint violation"));
  }

  @Test
  void transactWithRetry_verifiedColumnChangedMeanwhile_buildsAgainOnFreshReplica()
      throws Exception {
    OvsdbClient a = connected();
    OvsdbClient b = connected();
    UUID ls = addSwitch(a, "sw0");
    get(b.sync());
    AtomicInteger attempts = new AtomicInteger();
    TransactionResult r = get(a.transact(s -> {
      Row sw = s.row("Logical_Switch", ls).orElseThrow();
      if (attempts.incrementAndGet() == 1) {
        // Another client renames the switch after this one read it: the verify must fail.
        Transaction other = b.transaction();
        other.update("Logical_Switch", ls).set("name", "renamed");
        other.update("Logical_Switch", ls).set("external_ids", Map.of("by", "b"));
        b.transact(other).join();
      }
      Transaction t = new Transaction(s.schema());
      t.verify(sw, "name");
      t.update("Logical_Switch", ls).set("external_ids", Map.of("seen", col(sw, "name").first()));
      return t;
    }, 3));
    assertThat(r).isNotNull();
    assertThat(attempts).hasValue(2);
    assertThat(col(a.snapshot().row("Logical_Switch", ls).orElseThrow(), "external_ids"))
        .isEqualTo(Datum.mapOf("seen", "renamed"));
  }

  @Test
  void reconnect_afterMissedUpdates_fetchesOnlyWhatWasMissed() throws Exception {
    OvsdbClient a = connected();
    OvsdbClient b = connected();
    for (int i = 0; i < 5; i++) {
      addSwitch(b, "sw" + i);
    }
    get(a.sync());
    List<RowEvent> events = new ArrayList<>();
    a.addListener(events::addAll);
    a.disconnect();
    UUID added = addSwitch(b, "late");
    get(a.connect());
    assertThat(events).singleElement().isInstanceOfSatisfying(RowEvent.Inserted.class,
        e -> assertThat(e.row().uuid()).isEqualTo(added));
    assertThat(Dumps.of(a.snapshot(), TABLES)).isEqualTo(Dumps.select(b, TABLES));
  }

  @Test
  void reconnect_serverRestarted_clientComesBackByItself() throws Exception {
    OvsdbClient a = connected(builder(server.unixRemote()));
    addSwitch(a, "before");
    server.restart();
    OvsdbClient b = connected(builder(server.unixRemote()));
    addSwitch(b, "after");
    ReplicaSnapshot s = get(a.await(x -> x.rows("Logical_Switch").size() == 2));
    assertThat(Dumps.of(s, TABLES)).isEqualTo(Dumps.select(b, TABLES));
  }

  @ParameterizedTest
  @EnumSource(MonitorMethod.class)
  void monitorMethod_eachForm_keepsReplicaEqualToDump(MonitorMethod m) throws Exception {
    OvsdbClient a = connected(builder().monitorMethod(m));
    OvsdbClient b = connected();
    UUID ls = addSwitch(b, "sw0");
    Transaction t = b.transaction();
    UUID p = t.insert("Logical_Switch_Port").set("name", "p0").uuid();
    t.mutate("Logical_Switch", ls).insert("ports", p).insert("other_config", Map.of("x", "y"));
    get(b.transact(t));
    get(b.transact(b.transaction().delete("Logical_Switch", List.of(Clause.eq("name", "sw0")))));
    addSwitch(b, "sw1");
    a.disconnect();
    addSwitch(b, "sw2");
    get(a.connect());
    get(a.sync());
    assertThat(Dumps.of(a.snapshot(), TABLES)).isEqualTo(Dumps.select(b, TABLES));
  }

  @Test
  void setCondition_atRunTime_replicaHoldsOnlyMatchingRows() throws Exception {
    OvsdbClient b = connected();
    addSwitch(b, "a");
    addSwitch(b, "b");
    OvsdbClient a = connected(builder().condition("Logical_Switch", List.of(Clause.eq("name", "a"))));
    assertThat(names(a.snapshot())).containsExactly("a");

    get(a.setCondition("Logical_Switch", List.of(Clause.eq("name", "b"))));
    assertThat(names(get(a.sync()))).containsExactly("b");
    get(a.setCondition("Logical_Switch", List.of()));
    assertThat(names(get(a.sync()))).containsExactlyInAnyOrder("a", "b");
  }

  private static List<Object> names(ReplicaSnapshot s) {
    return s.rows("Logical_Switch").values().stream().map(r -> col(r, "name").first()).toList();
  }

  @Test
  void locks_lockThenSteal_listenersHearEachState() throws Exception {
    OvsdbClient a = connected();
    OvsdbClient b = connected();
    List<LockState> aStates = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> aHas = new CompletableFuture<>();
    CompletableFuture<Void> aLost = new CompletableFuture<>();
    a.lock("northd", (l, st) -> {
      aStates.add(st);
      if (st == LockState.ACQUIRED) {
        aHas.complete(null);
      } else if (st == LockState.STOLEN) {
        aLost.complete(null);
      }
    });
    get(aHas);
    CompletableFuture<Void> bHas = new CompletableFuture<>();
    LockListener bListener = (l, st) -> {
      if (st == LockState.ACQUIRED) {
        bHas.complete(null);
      }
    };
    b.lock("northd", bListener);
    get(b.sync());
    assertThat(b.lockState("northd")).isEqualTo(LockState.WAITING);
    b.steal("northd", bListener);
    get(bHas);
    get(aLost);
    assertThat(aStates).containsSubsequence(LockState.WAITING, LockState.ACQUIRED,
        LockState.STOLEN);
  }

  @Test
  void nbCfg_incrementThenNorthdCatchesUp_awaitCompletes() throws Exception {
    OvsdbClient c = connected();
    Transaction init = c.transaction();
    init.insert("NB_Global");
    get(c.transact(init));
    long next = get(NbCfg.increment(c));
    assertThat(next).isEqualTo(1);
    CompletableFuture<ReplicaSnapshot> caughtUp = NbCfg.awaitSb(c, next);
    assertThat(caughtUp).isNotDone();
    // Play ovn-northd: copy nb_cfg to sb_cfg from another client.
    OvsdbClient northd = connected();
    UUID global = northd.snapshot().rows("NB_Global").keySet().iterator().next();
    Transaction t = northd.transaction();
    t.update("NB_Global", global).set("sb_cfg", next);
    get(northd.transact(t));
    assertThat(col(get(caughtUp).rows("NB_Global").get(global), "sb_cfg")).isEqualTo(Datum.of(1L));
  }
}
