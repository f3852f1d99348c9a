package org.jovn.ovn.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jovn.ovn.bench.Topology.Port;
import org.jovn.ovn.bench.Topology.Route;
import org.jovn.ovn.bench.Topology.Router;
import org.jovn.ovn.bench.Topology.RouterPort;
import org.jovn.ovn.bench.Topology.Switch;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalRouterStaticRoute;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.Transaction;

/**
 * Writes a {@link Topology} into a Northbound database in a few large transactions: whole
 * switches with their ports, then whole routers with their ports and routes, each transaction
 * holding about {@code rowsPerTransaction} rows. Also inserts the {@code NB_Global} row when
 * the database has none. Stateless; the caller owns the client.
 */
public final class NbLoader {
  private NbLoader() {}

  /**
   * Loads {@code topology} and returns the number of transactions it took. The client must be
   * connected and monitor {@code NB_Global}.
   *
   * @throws BenchException when a transaction fails or takes longer than {@code timeout}
   */
  public static int load(OvsdbClient nb, Topology topology, int rowsPerTransaction,
      Duration timeout) {
    if (rowsPerTransaction < 1) {
      throw new IllegalArgumentException(
          "rowsPerTransaction: " + rowsPerTransaction + " is not at least 1");
    }
    Batches batches = new Batches(nb, rowsPerTransaction, timeout);
    if (nb.snapshot().rows(NbGlobal.TABLE).isEmpty()) {
      batches.current.insert(NbGlobal.TABLE);
      batches.added(1);
    }
    for (Switch s : topology.allSwitches()) {
      batches.added(addSwitch(batches.current, s));
    }
    for (Router r : topology.routers()) {
      batches.added(addRouter(batches.current, r));
    }
    batches.commit();
    return batches.committed;
  }

  private static int addSwitch(Transaction t, Switch s) {
    List<Ref<LogicalSwitchPort>> ports = new ArrayList<>(s.ports().size());
    for (Port p : s.ports()) {
      Transaction.Insert insert = t.insert(LogicalSwitchPort.TABLE)
          .set(LogicalSwitchPort.NAME, p.name())
          .set(LogicalSwitchPort.ADDRESSES, Set.copyOf(p.addresses()));
      if (!p.type().isEmpty()) {
        insert.set(LogicalSwitchPort.TYPE, p.type());
      }
      if (!p.options().isEmpty()) {
        insert.set(LogicalSwitchPort.OPTIONS, p.options());
      }
      ports.add(insert.ref());
    }
    t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, s.name())
        .set(LogicalSwitch.PORTS, ports)
        .set(LogicalSwitch.OTHER_CONFIG, Map.of("subnet", s.subnet()));
    return 1 + ports.size();
  }

  private static int addRouter(Transaction t, Router r) {
    List<Ref<LogicalRouterPort>> ports = new ArrayList<>(r.ports().size());
    for (RouterPort p : r.ports()) {
      ports.add(t.insert(LogicalRouterPort.TABLE).set(LogicalRouterPort.NAME, p.name())
          .set(LogicalRouterPort.MAC, p.mac())
          .set(LogicalRouterPort.NETWORKS, Set.of(p.network())).ref());
    }
    List<Ref<LogicalRouterStaticRoute>> routes = new ArrayList<>(r.routes().size());
    for (Route route : r.routes()) {
      routes.add(t.insert(LogicalRouterStaticRoute.TABLE)
          .set(LogicalRouterStaticRoute.IP_PREFIX, route.prefix())
          .set(LogicalRouterStaticRoute.NEXTHOP, route.nexthop()).ref());
    }
    t.insert(LogicalRouter.TABLE).set(LogicalRouter.NAME, r.name())
        .set(LogicalRouter.PORTS, ports).set(LogicalRouter.STATIC_ROUTES, routes);
    return 1 + ports.size() + routes.size();
  }

  /** The transaction being filled, committed whenever it holds enough rows. */
  private static final class Batches {
    private final OvsdbClient nb;
    private final int rowsPerTransaction;
    private final Duration timeout;
    Transaction current;
    private int rows;
    int committed;

    Batches(OvsdbClient nb, int rowsPerTransaction, Duration timeout) {
      this.nb = nb;
      this.rowsPerTransaction = rowsPerTransaction;
      this.timeout = timeout;
      this.current = nb.transaction();
    }

    void added(int n) {
      rows += n;
      if (rows >= rowsPerTransaction) {
        commit();
      }
    }

    void commit() {
      if (current.isEmpty()) {
        return;
      }
      Waits.get(nb.transact(current), timeout,
          "loading the Northbound (a transaction of " + rows + " rows)");
      committed++;
      rows = 0;
      current = nb.transaction();
    }
  }
}
