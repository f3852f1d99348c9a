package org.jovn.ovn.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jovn.ovn.bench.Policies.AclRule;
import org.jovn.ovn.bench.Policies.NatRule;
import org.jovn.ovn.bench.Policies.SwitchPolicy;
import org.jovn.ovn.bench.Topology.Port;
import org.jovn.ovn.bench.Topology.Route;
import org.jovn.ovn.bench.Topology.Router;
import org.jovn.ovn.bench.Topology.RouterPort;
import org.jovn.ovn.bench.Topology.Switch;
import org.jovn.ovn.nb.Acl;
import org.jovn.ovn.nb.AddressSet;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalRouterStaticRoute;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovn.nb.Nat;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovn.nb.PortGroup;
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
    return load(nb, topology, Policies.NONE, rowsPerTransaction, timeout);
  }

  /**
   * Loads {@code topology} and its {@code policies}, each switch's and router's in the same
   * transaction as the switch or router, and returns the number of transactions it took.
   *
   * @throws BenchException when a transaction fails or takes longer than {@code timeout}
   */
  public static int load(OvsdbClient nb, Topology topology, Policies policies,
      int rowsPerTransaction, Duration timeout) {
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
      batches.added(addSwitch(batches.current, s, policies.switches().get(s.name())));
    }
    for (Router r : topology.routers()) {
      batches.added(addRouter(batches.current, r,
          policies.routers().getOrDefault(r.name(), List.of())));
    }
    batches.commit();
    return batches.committed;
  }

  private static int addSwitch(Transaction t, Switch s, SwitchPolicy policy) {
    List<Ref<LogicalSwitchPort>> ports = new ArrayList<>(s.ports().size());
    List<Ref<LogicalSwitchPort>> vifs = new ArrayList<>(s.ports().size());
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
      if (p.isVif()) {
        vifs.add(insert.ref());
      }
    }
    Transaction.Insert ls = t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, s.name())
        .set(LogicalSwitch.PORTS, ports)
        .set(LogicalSwitch.OTHER_CONFIG, Map.of("subnet", s.subnet()));
    return 1 + ports.size() + (policy == null ? 0 : addPolicy(t, ls, vifs, policy));
  }

  /** Inserts a switch's address set, port group with ACLs and load balancer. */
  private static int addPolicy(Transaction t, Transaction.Insert ls,
      List<Ref<LogicalSwitchPort>> vifs, SwitchPolicy policy) {
    t.insert(AddressSet.TABLE).set(AddressSet.NAME, policy.addressSet())
        .set(AddressSet.ADDRESSES, Set.copyOf(policy.addresses()));
    List<UUID> acls = new ArrayList<>(policy.acls().size());
    for (AclRule a : policy.acls()) {
      acls.add(insertAcl(t, a));
    }
    t.insert(PortGroup.TABLE).set(PortGroup.NAME, policy.portGroup())
        .set(PortGroup.PORTS, vifs).set(PortGroup.ACLS, acls);
    if (policy.vips().isEmpty()) {
      return 2 + acls.size();
    }
    UUID lb = t.insert(LoadBalancer.TABLE).set(LoadBalancer.NAME, policy.loadBalancer())
        .set(LoadBalancer.PROTOCOL, "tcp").set(LoadBalancer.VIPS, policy.vips()).uuid();
    ls.set(LogicalSwitch.LOAD_BALANCER, Set.of(lb));
    return 3 + acls.size();
  }

  /** Inserts an ACL row and returns its (named) UUID. */
  static UUID insertAcl(Transaction t, AclRule a) {
    return t.insert(Acl.TABLE).set(Acl.DIRECTION, a.direction())
        .set(Acl.PRIORITY, (long) a.priority()).set(Acl.MATCH, a.match())
        .set(Acl.ACTION, a.action()).uuid();
  }

  private static int addRouter(Transaction t, Router r, List<NatRule> nat) {
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
    List<UUID> nats = new ArrayList<>(nat.size());
    for (NatRule n : nat) {
      nats.add(t.insert(Nat.TABLE).set(Nat.TYPE, n.type()).set(Nat.EXTERNAL_IP, n.externalIp())
          .set(Nat.LOGICAL_IP, n.logicalIp()).uuid());
    }
    Transaction.Insert lr = t.insert(LogicalRouter.TABLE).set(LogicalRouter.NAME, r.name())
        .set(LogicalRouter.PORTS, ports).set(LogicalRouter.STATIC_ROUTES, routes);
    if (!nats.isEmpty()) {
      lr.set(LogicalRouter.NAT, nats);
    }
    return 1 + ports.size() + routes.size() + nats.size();
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
