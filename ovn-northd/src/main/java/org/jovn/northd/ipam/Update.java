package org.jovn.northd.ipam;

import java.util.Optional;
import org.jovn.northd.net.Ipv4Address;
import org.jovn.northd.net.Ipv6Address;
import org.jovn.northd.net.MacAddress;

/**
 * What to do with each part (MAC, IPv4, IPv6) of one port's assignment, decided when the port
 * is walked, carried out by {@link #assign} once every kept address is taken.
 */
final class Update {
  /** What happens to one part of the assignment. */
  enum Change {
    /** Keep the current value (or keep having none). */
    KEEP,
    /** Drop the current value: the switch no longer assigns this kind of address. */
    REMOVE,
    /**
     * Use the address the port asks for. Checked against the switch's settings and the
     * addresses taken only when the port already has an assignment; a new port gets it
     * unchecked, as from ovn-northd, and the next pass replaces it if it does not fit.
     */
    REQUESTED,
    /** Assign a new address. */
    DYNAMIC
  }

  private static final AddressList NONE = AddressList.parse("");

  final IpamInput.Port port;
  final SwitchState sw;
  final DynamicRequest request;
  /** The current assignment, with no MAC and no IPs for a port that has none. */
  final AddressList current;
  final Change mac;
  final Change ipv4;
  final Change ipv6;

  private Update(IpamInput.Port port, SwitchState sw, DynamicRequest request,
      AddressList current, Change mac, Change ipv4, Change ipv6) {
    this.port = port;
    this.sw = sw;
    this.request = request;
    this.current = current;
    this.mac = mac;
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
  }

  /** A port that has no {@code dynamic_addresses} yet. */
  static Update fresh(IpamInput.Port port, SwitchState sw, DynamicRequest request) {
    Change mac = request.mac().isPresent() ? Change.REQUESTED : Change.DYNAMIC;
    Change v4 = request.ipv4().isPresent() ? Change.REQUESTED
        : sw.pool() != null ? Change.DYNAMIC : Change.KEEP;
    Change v6 = request.ipv6().isPresent() ? Change.REQUESTED
        : sw.config().ipv6Prefix().isPresent() ? Change.DYNAMIC : Change.KEEP;
    return new Update(port, sw, request, NONE, mac, v4, v6);
  }

  /**
   * A port with {@code dynamic_addresses}: each part is kept unless it no longer fits the
   * switch's settings, the deployment's MAC prefix, the addresses taken so far, or what the
   * port asks for.
   */
  static Update existing(IpamInput.Port port, SwitchState sw, DynamicRequest request,
      MacPool macs) {
    AddressList cur = AddressList.parse(port.dynamicAddresses().orElseThrow());
    Change mac = macChange(request, cur, macs);
    Change v4 = ipv4Change(request, cur, sw.pool());
    Change v6 = ipv6Change(request, cur, sw.config().ipv6Prefix(), mac);
    return new Update(port, sw, request, cur, mac, v4, v6);
  }

  private static Change macChange(DynamicRequest request, AddressList cur, MacPool macs) {
    if (request.mac().isPresent()) {
      return request.mac().equals(cur.mac()) ? Change.KEEP : Change.REQUESTED;
    }
    return cur.mac().filter(macs::owns).isPresent() ? Change.KEEP : Change.DYNAMIC;
  }

  private static Change ipv4Change(DynamicRequest request, AddressList cur, Ipv4Pool pool) {
    if (pool == null) {
      return cur.ipv4().isEmpty() ? Change.KEEP : Change.REMOVE;
    }
    if (cur.ipv4().isEmpty() || !pool.isFree(cur.ipv4().get(0))) {
      return Change.DYNAMIC;
    }
    Optional<Ipv4Address> asked = request.ipv4();
    if (asked.isEmpty()) {
      return Change.KEEP;
    }
    // ovn-northd lets a port ask for the broadcast address (or the one after it) here, only to
    // refuse it as the current address on its next run, and so on forever; this refuses it.
    if (!pool.isFree(asked.get())) {
      return Change.DYNAMIC;
    }
    return asked.get().equals(cur.ipv4().get(0)) ? Change.KEEP : Change.REQUESTED;
  }

  private static Change ipv6Change(DynamicRequest request, AddressList cur,
      Optional<Long> prefix, Change mac) {
    if (prefix.isEmpty()) {
      return cur.ipv6().isEmpty() ? Change.KEEP : Change.REMOVE;
    }
    if (cur.ipv6().isEmpty() || request.mac().isPresent()) {
      return Change.DYNAMIC;
    }
    if (request.ipv6Text().isPresent()) {
      Optional<Ipv6Address> asked = request.ipv6().filter(a -> within(a, prefix.get()));
      if (asked.isEmpty()) {
        return Change.DYNAMIC;
      }
      return asked.get().equals(cur.ipv6().get(0)) ? Change.KEEP : Change.REQUESTED;
    }
    // Like ovn-northd, an IPv6 address is recomputed only with a new MAC, not when the
    // switch's prefix changes.
    return mac == Change.KEEP ? Change.KEEP : Change.DYNAMIC;
  }

  /** ovn-northd's test of a requested IPv6 address: it has every bit the prefix has set. */
  private static boolean within(Ipv6Address a, long prefix) {
    return (a.high() & prefix) == prefix;
  }

  /** Whether any part changes. */
  boolean changes() {
    return mac != Change.KEEP || ipv4 != Change.KEEP || ipv6 != Change.KEEP;
  }

  /** The new assignment, given the addresses taken so far. Takes nothing itself. */
  Assignment assign(MacPool macs) {
    Ipv4Pool pool = sw.pool();
    Optional<Ipv4Address> v4 = switch (ipv4) {
      case KEEP -> current.ipv4().stream().findFirst();
      case REMOVE -> Optional.empty();
      case REQUESTED -> request.ipv4();
      case DYNAMIC -> pool == null ? Optional.empty() : pool.lowestFree();
    };
    MacAddress m = switch (mac) {
      case KEEP -> current.mac().orElseThrow();
      case REQUESTED -> request.mac().orElseThrow();
      case REMOVE, DYNAMIC -> macs.unused(v4.map(Ipv4Address::value).orElse(0));
    };
    Optional<Ipv6Address> v6 = switch (ipv6) {
      case KEEP -> current.ipv6().stream().findFirst();
      case REMOVE -> Optional.empty();
      case REQUESTED -> request.ipv6();
      case DYNAMIC -> sw.config().ipv6Prefix().map(p -> eui64(p, m));
    };
    return new Assignment(m, v4, v6);
  }

  /** The address in the /64 {@code prefix} whose interface identifier is the MAC's EUI-64. */
  static Ipv6Address eui64(long prefix, MacAddress mac) {
    return new Ipv6Address(prefix, mac.linkLocal().low());
  }
}
