package org.jovn.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.rpc.RpcTransport;

/**
 * Incremental equals recompute, for the replica: after any sequence of transactions from another
 * client, interleaved with disconnects that miss updates and forced reconnects, the replica
 * equals a fresh select-all dump. Subclasses name the server.
 */
abstract class ReplicaPropertyContract {
  private Path dir;
  private ServerUnderTest server;
  private RpcTransport transport;
  private OvsdbClient writer;
  private OvsdbClient replica;

  abstract ServerUnderTest startServer(Path dir);

  /** What the writer (or the network) does next. */
  sealed interface Action {
    record AddSwitch(String name) implements Action {}

    record AddPort(int pick, String name) implements Action {}

    record SetOption(int pick, String key, String value) implements Action {}

    record RemoveOption(int pick, String key) implements Action {}

    record DeleteSwitch(int pick) implements Action {}

    record DeletePort(int pick) implements Action {}

    /** The replica's client disconnects and stays away until {@link Reconnect}. */
    record Disconnect() implements Action {}

    record Reconnect() implements Action {}

    /** The replica's connection drops; the client comes back by itself, whenever. */
    record Drop() implements Action {}
  }

  @BeforeProperty
  void start() throws Exception {
    dir = Files.createTempDirectory("jovn-replica");
    server = startServer(dir);
    transport = RpcTransport.create(1);
    writer = client();
    replica = client();
  }

  private OvsdbClient client() throws Exception {
    OvsdbClient.Builder b = OvsdbClient.builder(ClientContract.NB).transport(transport)
        .remotes(server.tcpRemote()).backoff(Duration.ofMillis(10), Duration.ofMillis(100));
    ClientContract.TABLES.forEach(b::monitor);
    OvsdbClient c = b.build();
    c.connect().get(10, TimeUnit.SECONDS);
    return c;
  }

  @AfterProperty
  void stop() throws IOException {
    if (replica != null) {
      replica.close();
      writer.close();
    }
    transport.close();
    server.close();
  }

  @Property(tries = 30)
  void replica_afterRandomTransactionsAndMissedUpdates_equalsFreshDump(
      @ForAll("actions") List<Action> actions) throws Exception {
    ReplicaSnapshot before = replica.snapshot();
    for (Action a : actions) {
      apply(a);
    }
    ClientContract.get(replica.connect());
    ClientContract.get(replica.sync());
    ReplicaSnapshot after = replica.snapshot();
    assertThat(Dumps.of(after, ClientContract.TABLES))
        .isEqualTo(Dumps.select(writer, ClientContract.TABLES));
    for (String table : ClientContract.TABLES) {
      assertThat(after.changedRows(table, before)).as(table)
          .hasValueSatisfying(changed -> assertThat(changed).containsAll(
              differingRows(before.rows(table), after.rows(table))));
    }
  }

  /** The UUIDs of rows present in only one of the tables, or in both with other contents. */
  private static java.util.Set<UUID> differingRows(Map<UUID, Row> a, Map<UUID, Row> b) {
    java.util.Set<UUID> out = new java.util.HashSet<>();
    a.forEach((u, r) -> {
      if (!b.containsKey(u) || !b.get(u).sameContent(r)) {
        out.add(u);
      }
    });
    b.keySet().stream().filter(u -> !a.containsKey(u)).forEach(out::add);
    return out;
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
    Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1000);
    Arbitrary<String> keys = Arbitraries.of("a", "b", "c");
    Arbitrary<Action> action = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, names.map(Action.AddSwitch::new)),
        net.jqwik.api.Tuple.of(3, net.jqwik.api.Combinators.combine(picks, names)
            .as(Action.AddPort::new)),
        net.jqwik.api.Tuple.of(3, net.jqwik.api.Combinators.combine(picks, keys, names)
            .as(Action.SetOption::new)),
        net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(picks, keys)
            .as(Action.RemoveOption::new)),
        net.jqwik.api.Tuple.of(1, picks.map(Action.DeleteSwitch::new)),
        net.jqwik.api.Tuple.of(1, picks.map(Action.DeletePort::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Action.Disconnect())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Action.Reconnect())),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(new Action.Drop())));
    return action.list().ofMinSize(1).ofMaxSize(20);
  }

  private void apply(Action action) throws Exception {
    List<Row> switches = new ArrayList<>(writer.snapshot().rows("Logical_Switch").values());
    switches.sort(java.util.Comparator.comparing(Row::uuid));
    Transaction t = writer.transaction();
    switch (action) {
      case Action.AddSwitch a -> t.insert("Logical_Switch").set("name", a.name());
      case Action.AddPort a -> {
        if (switches.isEmpty()) {
          return;
        }
        UUID p = t.insert("Logical_Switch_Port").set("name", a.name() + UUID.randomUUID()).uuid();
        t.mutate("Logical_Switch", pick(switches, a.pick()).uuid()).insert("ports", p);
      }
      case Action.SetOption a -> {
        if (switches.isEmpty()) {
          return;
        }
        UUID ls = pick(switches, a.pick()).uuid();
        t.mutate("Logical_Switch", ls).delete("other_config", List.of(a.key()));
        t.mutate("Logical_Switch", ls).insert("other_config", Map.of(a.key(), a.value()));
      }
      case Action.RemoveOption a -> {
        if (switches.isEmpty()) {
          return;
        }
        t.mutate("Logical_Switch", pick(switches, a.pick()).uuid())
            .delete("other_config", List.of(a.key()));
      }
      case Action.DeleteSwitch a -> {
        if (switches.isEmpty()) {
          return;
        }
        t.delete("Logical_Switch", pick(switches, a.pick()).uuid());
      }
      case Action.DeletePort a -> {
        if (switches.isEmpty()) {
          return;
        }
        Row ls = pick(switches, a.pick());
        List<Object> ports = ClientContract.col(ls, "ports").keys();
        if (ports.isEmpty()) {
          return;
        }
        t.mutate("Logical_Switch", ls.uuid()).delete("ports", ports.get(a.pick() % ports.size()));
      }
      case Action.Disconnect a -> replica.disconnect();
      case Action.Reconnect a -> ClientContract.get(replica.connect());
      case Action.Drop a -> replica.forceReconnect();
    }
    if (!t.isEmpty()) {
      ClientContract.get(writer.transact(t));
    }
  }

  private static Row pick(List<Row> rows, int pick) {
    return rows.get(pick % rows.size());
  }
}
