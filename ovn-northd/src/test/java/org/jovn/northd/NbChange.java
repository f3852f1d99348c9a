package org.jovn.northd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jovn.ovn.nb.Acl;
import org.jovn.ovn.nb.LoadBalancer;
import org.jovn.ovn.nb.LogicalRouter;
import org.jovn.ovn.nb.LogicalRouterPort;
import org.jovn.ovn.nb.LogicalRouterStaticRoute;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.LogicalSwitchPort;
import org.jovn.ovsdb.client.OvsdbClient;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * A random change to a Northbound database of switches, ports, routers, routes, ACLs and load
 * balancers, chosen by numbers that are resolved against the database's contents when applied
 * (so every sequence of changes is valid). Switch {@code s} has subnet {@code 10.s.0.0/24}.
 *
 * @param kind which change
 * @param a first choice (which switch, port or router)
 * @param b second choice (which address kind, which route)
 */
record NbChange(Kind kind, int a, int b) {
  enum Kind {
    ADD_SWITCH, ADD_PORT, DELETE_PORT, DELETE_SWITCH, SET_ADDRESSES, DISABLE_PORT, ADD_ROUTER,
    CONNECT_ROUTER, ADD_ROUTE, DELETE_ROUTE, DELETE_ROUTER, ADD_ACL, DELETE_ACL, ADD_LB, MOVE_PORT, PORT_GROUP,
    HEALTH_CHECK
  }

  /** Applies the change; does nothing if what it needs does not exist. */
  void apply(OvsdbClient nb) throws Exception {
    ReplicaSnapshot s = nb.snapshot();
    Transaction t = nb.transaction();
    List<LogicalSwitch> switches = LogicalSwitch.all(s)
        .sorted(Comparator.comparing(LogicalSwitch::name)).toList();
    List<LogicalSwitchPort> ports = LogicalSwitchPort.all(s)
        .filter(p -> p.type().isEmpty()).sorted(Comparator.comparing(LogicalSwitchPort::name))
        .toList();
    List<LogicalRouter> routers = LogicalRouter.all(s)
        .sorted(Comparator.comparing(LogicalRouter::name)).toList();
    switch (kind) {
      case ADD_SWITCH -> t.insert(LogicalSwitch.TABLE).set(LogicalSwitch.NAME, "sw" + a)
          .set(LogicalSwitch.OTHER_CONFIG, Map.of("subnet", "10." + a + ".0.0/24"));
      case ADD_PORT -> {
        if (switches.isEmpty()) {
          return;
        }
        LogicalSwitch sw = switches.get(a % switches.size());
        String name = sw.name() + "-p" + b;
        if (LogicalSwitchPort.byName(s, name).isPresent()) {
          return;
        }
        var ins = t.insert(LogicalSwitchPort.TABLE).set(LogicalSwitchPort.NAME, name)
            .set(LogicalSwitchPort.ADDRESSES, addresses(sw, b));
        if (b % 3 == 0) {
          ins.set(LogicalSwitchPort.PORT_SECURITY, addresses(sw, b));
        }
        t.mutate(LogicalSwitch.TABLE, sw.uuid().uuid()).insert(LogicalSwitch.PORTS,
            ins.<LogicalSwitchPort>ref());
        if (b % 2 == 0) {
          // Every other new port joins port group pg0, so that groups change often.
          var pg0 = org.jovn.ovn.nb.PortGroup.all(s).filter(g -> g.name().equals("pg0"))
              .findFirst();
          if (pg0.isPresent()) {
            t.mutate(org.jovn.ovn.nb.PortGroup.TABLE, pg0.get().uuid().uuid())
                .insert(org.jovn.ovn.nb.PortGroup.PORTS, ins.<LogicalSwitchPort>ref());
          } else {
            t.insert(org.jovn.ovn.nb.PortGroup.TABLE).set(org.jovn.ovn.nb.PortGroup.NAME, "pg0")
                .set(org.jovn.ovn.nb.PortGroup.PORTS, Set.of(ins.<LogicalSwitchPort>ref()));
          }
        }
      }
      case DELETE_PORT -> {
        if (ports.isEmpty()) {
          return;
        }
        LogicalSwitchPort p = ports.get(a % ports.size());
        switches.stream().filter(sw -> sw.ports().contains(p.uuid())).forEach(sw -> t.mutate(
            LogicalSwitch.TABLE, sw.uuid().uuid()).delete(LogicalSwitch.PORTS, p.uuid()));
      }
      case MOVE_PORT -> {
        if (ports.isEmpty() || switches.isEmpty()) {
          return;
        }
        LogicalSwitchPort p = ports.get(a % ports.size());
        LogicalSwitch to = switches.get(b % switches.size());
        if (to.ports().contains(p.uuid())) {
          return;
        }
        switches.stream().filter(sw -> sw.ports().contains(p.uuid())).forEach(sw -> t.mutate(
            LogicalSwitch.TABLE, sw.uuid().uuid()).delete(LogicalSwitch.PORTS, p.uuid()));
        t.mutate(LogicalSwitch.TABLE, to.uuid().uuid()).insert(LogicalSwitch.PORTS, p.uuid());
      }
      case DELETE_SWITCH -> {
        if (!switches.isEmpty()) {
          t.delete(LogicalSwitch.TABLE, switches.get(a % switches.size()).uuid().uuid());
        }
      }
      case SET_ADDRESSES -> {
        if (ports.isEmpty()) {
          return;
        }
        LogicalSwitchPort p = ports.get(a % ports.size());
        LogicalSwitch sw = switches.stream().filter(x -> x.ports().contains(p.uuid()))
            .findFirst().orElse(null);
        if (sw != null) {
          t.update(LogicalSwitchPort.TABLE, p.uuid().uuid())
              .set(LogicalSwitchPort.ADDRESSES, addresses(sw, b));
        }
      }
      case DISABLE_PORT -> {
        if (!ports.isEmpty()) {
          LogicalSwitchPort p = ports.get(a % ports.size());
          t.update(LogicalSwitchPort.TABLE, p.uuid().uuid())
              .set(LogicalSwitchPort.ENABLED, Set.of(b % 2 == 0));
        }
      }
      case ADD_ROUTER -> t.insert(LogicalRouter.TABLE).set(LogicalRouter.NAME, "lr" + a);
      case CONNECT_ROUTER -> connect(s, t, switches, routers);
      case ADD_ROUTE -> {
        if (!routers.isEmpty()) {
          LogicalRouter lr = routers.get(a % routers.size());
          var route = t.insert(LogicalRouterStaticRoute.TABLE)
              .set(LogicalRouterStaticRoute.IP_PREFIX, "10." + (100 + b % 3) + ".0.0/16")
              .set(LogicalRouterStaticRoute.NEXTHOP, "10." + (a % 4) + ".0." + (200 + b % 2));
          if (b % 5 == 0) {
            route.set(LogicalRouterStaticRoute.POLICY, Set.of("src-ip"));
          }
          t.mutate(LogicalRouter.TABLE, lr.uuid().uuid()).insert(LogicalRouter.STATIC_ROUTES,
              route.<LogicalRouterStaticRoute>ref());
        }
      }
      case DELETE_ROUTE -> {
        List<LogicalRouter> withRoutes = routers.stream()
            .filter(lr -> !lr.staticRoutes().isEmpty()).toList();
        if (!withRoutes.isEmpty()) {
          LogicalRouter lr = withRoutes.get(a % withRoutes.size());
          t.mutate(LogicalRouter.TABLE, lr.uuid().uuid()).delete(LogicalRouter.STATIC_ROUTES,
              lr.staticRoutes().iterator().next());
        }
      }
      case DELETE_ROUTER -> {
        if (!routers.isEmpty()) {
          t.delete(LogicalRouter.TABLE, routers.get(a % routers.size()).uuid().uuid());
        }
      }
      case ADD_ACL -> {
        if (!switches.isEmpty()) {
          LogicalSwitch sw = switches.get(a % switches.size());
          String[] actions = {"allow-related", "drop", "allow", "reject", "allow-stateless"};
          var acl = t.insert(Acl.TABLE).set(Acl.PRIORITY, 1000 + b)
              .set(Acl.DIRECTION, b % 2 == 0 ? "to-lport" : "from-lport")
              .set(Acl.MATCH, "ip4 && tcp.dst == " + (8000 + b))
              .set(Acl.ACTION, actions[b % actions.length]);
          t.mutate(LogicalSwitch.TABLE, sw.uuid().uuid()).insert(LogicalSwitch.ACLS,
              acl.<Acl>ref());
        }
      }
      case DELETE_ACL -> {
        List<LogicalSwitch> withAcls = switches.stream().filter(sw -> !sw.acls().isEmpty())
            .toList();
        if (!withAcls.isEmpty()) {
          LogicalSwitch sw = withAcls.get(a % withAcls.size());
          t.mutate(LogicalSwitch.TABLE, sw.uuid().uuid()).delete(LogicalSwitch.ACLS,
              sw.acls().iterator().next());
        }
      }
      case HEALTH_CHECK -> healthCheck(s, t, ports);
      case PORT_GROUP -> {
        // Toggles a port's membership of one of three port groups (made when first needed).
        if (ports.isEmpty()) {
          return;
        }
        LogicalSwitchPort p = ports.get(a % ports.size());
        String name = "pg" + (b % 3);
        var pg = org.jovn.ovn.nb.PortGroup.all(s).filter(g -> g.name().equals(name)).findFirst();
        if (pg.isEmpty()) {
          t.insert(org.jovn.ovn.nb.PortGroup.TABLE).set(org.jovn.ovn.nb.PortGroup.NAME, name)
              .set(org.jovn.ovn.nb.PortGroup.PORTS, Set.of(p.uuid()));
        } else if (pg.get().ports().contains(p.uuid())) {
          t.mutate(org.jovn.ovn.nb.PortGroup.TABLE, pg.get().uuid().uuid())
              .delete(org.jovn.ovn.nb.PortGroup.PORTS, p.uuid());
        } else {
          t.mutate(org.jovn.ovn.nb.PortGroup.TABLE, pg.get().uuid().uuid())
              .insert(org.jovn.ovn.nb.PortGroup.PORTS, p.uuid());
        }
      }
      case ADD_LB -> {
        if (!switches.isEmpty()) {
          LogicalSwitch sw = switches.get(a % switches.size());
          String subnet = sw.otherConfig().getOrDefault("subnet", "10.99.0.0/24");
          String prefix = subnet.substring(0, subnet.lastIndexOf('.'));
          var lb = t.insert(LoadBalancer.TABLE).set(LoadBalancer.NAME, "lb" + a + "-" + b)
              .set(LoadBalancer.PROTOCOL, Set.of("tcp"))
              .set(LoadBalancer.VIPS, Map.of("172.16." + a + "." + b + ":80",
                  prefix + ".2:8080," + prefix + ".3:8080"));
          t.mutate(LogicalSwitch.TABLE, sw.uuid().uuid()).insert(LogicalSwitch.LOAD_BALANCER,
              lb.<LoadBalancer>ref());
        }
      }
    }
    if (!t.isEmpty()) {
      nb.transact(t).get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Health checks the VIP of a load balancer ADD_LB made, mapping its backends to two switch
   * ports (wherever they are), or removes its health checks if it has some.
   */
  private void healthCheck(ReplicaSnapshot s, Transaction t, List<LogicalSwitchPort> ports) {
    List<LoadBalancer> lbs = LoadBalancer.all(s).sorted(Comparator.comparing(LoadBalancer::name))
        .toList();
    if (lbs.isEmpty() || ports.isEmpty()) {
      return;
    }
    LoadBalancer lb = lbs.get(a % lbs.size());
    if (!lb.healthCheck().isEmpty()) {
      t.update(LoadBalancer.TABLE, lb.uuid().uuid()).set(LoadBalancer.HEALTH_CHECK, Set.of());
      return;
    }
    String vip = lb.vips().keySet().iterator().next();
    String[] backends = lb.vips().get(vip).split(",");
    Map<String, String> mappings = new java.util.HashMap<>();
    for (int i = 0; i < backends.length; i++) {
      String ip = backends[i].substring(0, backends[i].indexOf(':'));
      mappings.put(ip, ports.get((b + i) % ports.size()).name() + ":" + ip.substring(0,
          ip.lastIndexOf('.')) + ".254");
    }
    var hc = t.insert(org.jovn.ovn.nb.LoadBalancerHealthCheck.TABLE)
        .set(org.jovn.ovn.nb.LoadBalancerHealthCheck.VIP, vip)
        .set(org.jovn.ovn.nb.LoadBalancerHealthCheck.OPTIONS, Map.of("interval", "" + b));
    t.update(LoadBalancer.TABLE, lb.uuid().uuid()).set(LoadBalancer.HEALTH_CHECK,
        Set.of(hc.uuid())).set(LoadBalancer.IP_PORT_MAPPINGS, mappings);
  }

  private void connect(ReplicaSnapshot s, Transaction t, List<LogicalSwitch> switches,
      List<LogicalRouter> routers) {
    if (switches.isEmpty() || routers.isEmpty()) {
      return;
    }
    LogicalSwitch sw = switches.get(a % switches.size());
    LogicalRouter lr = routers.get(b % routers.size());
    String lrpName = lr.name() + "-" + sw.name();
    // A deleted router leaves its switch port behind: names must stay unique on both sides.
    if (LogicalRouterPort.all(s).anyMatch(p -> p.name().equals(lrpName))
        || LogicalSwitchPort.byName(s, sw.name() + "-" + lr.name()).isPresent()) {
      return;
    }
    String subnet = sw.otherConfig().getOrDefault("subnet", "10.99.0.0/24");
    String prefix = subnet.substring(0, subnet.lastIndexOf('.'));
    int r = Integer.parseInt(lr.name().substring(2)) % 50;
    var lrp = t.insert(LogicalRouterPort.TABLE).set(LogicalRouterPort.NAME, lrpName)
        .set(LogicalRouterPort.MAC, String.format("00:00:00:00:%02x:%02x", r, a % 256))
        .set(LogicalRouterPort.NETWORKS, Set.of(prefix + "." + (250 - r) + "/24"));
    t.mutate(LogicalRouter.TABLE, lr.uuid().uuid()).insert(LogicalRouter.PORTS,
        lrp.<LogicalRouterPort>ref());
    var lsp = t.insert(LogicalSwitchPort.TABLE)
        .set(LogicalSwitchPort.NAME, sw.name() + "-" + lr.name())
        .set(LogicalSwitchPort.TYPE, "router")
        .set(LogicalSwitchPort.ADDRESSES, Set.of("router"))
        .set(LogicalSwitchPort.OPTIONS, Map.of("router-port", lrpName));
    t.mutate(LogicalSwitch.TABLE, sw.uuid().uuid()).insert(LogicalSwitch.PORTS,
        lsp.<LogicalSwitchPort>ref());
  }

  private static Set<String> addresses(LogicalSwitch sw, int b) {
    String subnet = sw.otherConfig().getOrDefault("subnet", "10.99.0.0/24");
    String prefix = subnet.substring(0, subnet.lastIndexOf('.'));
    int host = 2 + b % 100;
    String mac = String.format("0a:00:00:%02x:00:%02x", sw.name().hashCode() & 0xff, host);
    List<String> out = new ArrayList<>();
    switch (b % 4) {
      case 0 -> out.add(mac + " " + prefix + "." + host);
      case 1 -> out.add("unknown");
      case 2 -> out.add("dynamic");
      default -> out.add(mac + " " + prefix + "." + host + " fd00::" + host);
    }
    return Set.copyOf(out);
  }
}
