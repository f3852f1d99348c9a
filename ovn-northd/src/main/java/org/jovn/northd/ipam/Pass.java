package org.jovn.northd.ipam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.northd.net.MacAddress;

/**
 * One address-management pass over the Northbound contents, as one ovn-northd run makes it, in
 * its order:
 * <ol>
 *   <li>take every static address: the MACs of all switch ports and router ports (those under
 *       the prefix), and on each switch with a subnet its ports' static IPv4 addresses and its
 *       attached router ports' IPv4 addresses;</li>
 *   <li>walk the switches and their ports by UUID, keeping each part (MAC, IPv4, IPv6) of an
 *       existing assignment that is still valid and taking it, and noting every port that needs
 *       a new or changed assignment;</li>
 *   <li>assign the noted ports in that order, each taking what it got.</li>
 * </ol>
 * Used once; not thread-safe.
 */
final class Pass {
  private final MacPool macs;
  private final Map<UUID, Optional<String>> out = new LinkedHashMap<>();
  private final List<Update> updates = new ArrayList<>();

  private Pass(MacAddress prefix) {
    this.macs = new MacPool(prefix);
  }

  /** The ports whose {@code dynamic_addresses} this pass changes, and the new values. */
  static Map<UUID, Optional<String>> run(IpamInput in, MacAddress prefix) {
    Pass a = new Pass(prefix);
    List<SwitchState> switches = a.takeStatic(in);
    for (SwitchState sw : switches) {
      a.plan(sw);
    }
    for (Update u : a.updates) {
      a.apply(u);
    }
    return Collections.unmodifiableMap(a.out);
  }

  private List<SwitchState> takeStatic(IpamInput in) {
    in.routerMacs().forEach(macs::take);
    List<SwitchState> states = new ArrayList<>();
    for (IpamInput.Switch sw : in.switches()) {
      SwitchConfig config = SwitchConfig.of(sw.otherConfig());
      SwitchState state = new SwitchState(sw, config, config.newPool().orElse(null));
      for (IpamInput.Port p : sw.ports()) {
        for (String entry : p.addresses()) {
          if (entry.equals("unknown") || entry.equals("router")
              || DynamicRequest.parse(entry).isPresent()) {
            continue;
          }
          AddressList a = AddressList.parse(entry);
          a.mac().ifPresent(macs::take);
          if (state.pool() != null) {
            a.ipv4().forEach(state.pool()::take);
          }
        }
      }
      if (state.pool() != null) {
        sw.routerIps().stream().filter(ip -> !ip.equals(state.pool().first()))
            .forEach(state.pool()::take);
      }
      states.add(state);
    }
    return states;
  }

  private void plan(SwitchState sw) {
    for (IpamInput.Port port : sw.input().ports()) {
      if (!sw.config().managed()) {
        port.dynamicAddresses().ifPresent(d -> out.put(port.uuid(), Optional.empty()));
        continue;
      }
      if (port.attached()) {
        continue;
      }
      Optional<DynamicRequest> request = port.addresses().stream()
          .flatMap(e -> DynamicRequest.parse(e).stream()).findFirst();
      if (request.isEmpty()) {
        port.dynamicAddresses().ifPresent(d -> out.put(port.uuid(), Optional.empty()));
      } else if (port.dynamicAddresses().isEmpty()) {
        updates.add(Update.fresh(port, sw, request.get()));
      } else {
        Update u = Update.existing(port, sw, request.get(), macs);
        takeKept(u);
        if (u.changes()) {
          updates.add(u);
        }
      }
    }
  }

  /** Takes the parts of an existing assignment that stay. */
  private void takeKept(Update u) {
    if (u.mac == Update.Change.KEEP) {
      u.current.mac().ifPresent(macs::take);
    }
    if (u.ipv4 == Update.Change.KEEP && !u.current.ipv4().isEmpty() && u.sw.pool() != null) {
      u.sw.pool().take(u.current.ipv4().get(0));
    }
  }

  private void apply(Update u) {
    Assignment a = u.assign(macs);
    macs.take(a.mac());
    a.ipv4().ifPresent(ip -> {
      if (u.sw.pool() != null) {
        u.sw.pool().take(ip);
      }
    });
    String text = a.toString();
    if (!u.port.dynamicAddresses().equals(Optional.of(text))) {
      out.put(u.port.uuid(), Optional.of(text));
    }
  }
}
