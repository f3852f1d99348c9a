package org.jovn.northd.model;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jovn.ovn.nb.Acl;
import org.jovn.ovn.nb.LogicalSwitch;
import org.jovn.ovn.nb.Meter;
import org.jovn.ovn.nb.NbGlobal;
import org.jovn.ovn.nb.PortGroup;
import org.jovn.ovsdb.client.Ref;
import org.jovn.ovsdb.client.ReplicaSnapshot;

/**
 * The ACLs that apply to one logical switch, as its flows see them: the switch's own ACLs and
 * those of every port group with at least one port on the switch, as OVN 23.03 gathers them,
 * together with the two {@code NB_Global} options that shape ACL flows. A value: equal inputs
 * give equal flows. A switch without ACLs is always {@link #NONE}, whatever the global options,
 * so that changing them recomputes only switches that have ACLs.
 *
 * @param rules the ACLs, in a stable order (duplicates kept: they yield the same flows)
 * @param defaultDrop {@code NB_Global options:default_acl_drop}: traffic no ACL allows is
 *     dropped rather than let through
 * @param ctInvMatch {@code NB_Global options:use_ct_inv_match} (default true): whether
 *     conntrack-invalid packets are matched (and dropped) explicitly
 */
public record SwitchAcls(List<Rule> rules, boolean defaultDrop, boolean ctInvMatch) {
  /** No ACLs. */
  public static final SwitchAcls NONE = new SwitchAcls(List.of(), false, true);

  private static final Comparator<Rule> ORDER = Comparator.comparing(Rule::ingress)
      .thenComparingInt(Rule::priority).thenComparing(Rule::match)
      .thenComparing(Rule::action).thenComparing(Rule::toString);

  public SwitchAcls {
    rules = List.copyOf(rules);
  }

  /** Whether any ACL applies: the ACL stages then default to the policy, not to "next". */
  public boolean any() {
    return !rules.isEmpty();
  }

  /**
   * Whether an {@code allow-related} ACL applies: traffic then goes through conntrack, which
   * changes the defaults of the pre-ACL, ACL hint and ACL stages (and the out-of-conntrack
   * handling of router and localnet ports).
   */
  public boolean stateful() {
    return rules.stream().anyMatch(r -> r.action() == Action.ALLOW_RELATED);
  }

  /** What an ACL does with the packets it matches ({@code ACL.action}). */
  public enum Action {
    ALLOW("allow"),
    ALLOW_RELATED("allow-related"),
    ALLOW_STATELESS("allow-stateless"),
    DROP("drop"),
    REJECT("reject");

    private final String nbName;

    Action(String nbName) {
      this.nbName = nbName;
    }

    /** The value of {@code ACL.action}. */
    public String nbName() {
      return nbName;
    }

    /** The action named {@code nbName}, if there is one. */
    public static Optional<Action> of(String nbName) {
      for (Action a : values()) {
        if (a.nbName.equals(nbName)) {
          return Optional.of(a);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One ACL.
   *
   * @param ingress true for {@code from-lport} (the ingress pipeline), false for
   *     {@code to-lport}
   * @param priority {@code priority}, 0 to 32767
   * @param match {@code match}, as written
   * @param action {@code action}
   * @param log {@code log}
   * @param name {@code name}, as the log names the ACL
   * @param severity {@code severity}; the log says "info" where it is not set
   * @param meter the meter the log is rate-limited by: {@code meter}, or for a fair meter
   *     ({@code Meter.fair}) the ACL's own copy, {@code METER__ACL-UUID}
   * @param label {@code label}; 0 is none
   * @param afterLb {@code options:apply-after-lb} of a {@code from-lport} ACL
   * @param logRelated {@code options:log-related}: also log reply and related traffic
   */
  public record Rule(boolean ingress, int priority, String match, Action action, boolean log,
      Optional<String> name, Optional<String> severity, Optional<String> meter, long label,
      boolean afterLb, boolean logRelated) {
    public Rule {
      Objects.requireNonNull(match, "match");
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(meter, "meter");
      if (priority < 0 || priority > 32767) {
        throw new IllegalArgumentException(
            "ACL priority " + priority + " is out of range [0, 32767]");
      }
    }
  }

  /**
   * Reads the ACLs of a switch: its {@code acls} and those of the port groups that have one of
   * its ports. ACLs with an unknown direction or action are skipped (the schema rules them out).
   */
  static SwitchAcls read(ReplicaSnapshot nb, LogicalSwitch ls) {
    List<Rule> rules = new ArrayList<>();
    for (Ref<Acl> ref : ls.acls()) {
      Acl.get(nb, ref).flatMap(acl -> rule(nb, acl)).ifPresent(rules::add);
    }
    PortGroupAcls groups = PortGroupAcls.of(nb);
    Set<UUID> seen = new HashSet<>();
    for (Ref<?> port : ls.ports()) {
      for (UUID pg : groups.groupsOf(port.uuid())) {
        if (seen.add(pg)) {
          rules.addAll(groups.rules(pg));
        }
      }
    }
    if (rules.isEmpty()) {
      return NONE;
    }
    rules.sort(ORDER);
    Map<String, String> options = NbGlobal.all(nb).findFirst().map(NbGlobal::options)
        .orElse(Map.of());
    return new SwitchAcls(rules, flag(options, "default_acl_drop", false),
        flag(options, "use_ct_inv_match", true));
  }

  /**
   * The port groups that have ACLs, indexed by port, for one snapshot: built once per snapshot
   * (the last one is remembered, weakly), so that reading every switch costs a pass over their
   * ports rather than over every port group per switch. Immutable; safe to share.
   */
  private static final class PortGroupAcls {
    private static final AtomicReference<PortGroupAcls> LAST = new AtomicReference<>();

    private final WeakReference<ReplicaSnapshot> snapshot;
    private final Map<UUID, List<UUID>> byPort;
    private final Map<UUID, List<Rule>> byGroup;

    private PortGroupAcls(ReplicaSnapshot nb, Map<UUID, List<UUID>> byPort,
        Map<UUID, List<Rule>> byGroup) {
      this.snapshot = new WeakReference<>(nb);
      this.byPort = byPort;
      this.byGroup = byGroup;
    }

    static PortGroupAcls of(ReplicaSnapshot nb) {
      PortGroupAcls last = LAST.get();
      if (last != null && last.snapshot.get() == nb) {
        return last;
      }
      Map<UUID, List<UUID>> byPort = new HashMap<>();
      Map<UUID, List<Rule>> byGroup = new HashMap<>();
      PortGroup.all(nb).filter(pg -> !pg.acls().isEmpty()).forEach(pg -> {
        List<Rule> rules = new ArrayList<>();
        pg.acls().forEach(ref -> Acl.get(nb, ref).flatMap(acl -> rule(nb, acl))
            .ifPresent(rules::add));
        UUID id = pg.uuid().uuid();
        byGroup.put(id, List.copyOf(rules));
        pg.ports().forEach(p -> byPort.computeIfAbsent(p.uuid(), k -> new ArrayList<>()).add(id));
      });
      PortGroupAcls index = new PortGroupAcls(nb, byPort, byGroup);
      LAST.set(index);
      return index;
    }

    List<UUID> groupsOf(UUID port) {
      return byPort.getOrDefault(port, List.of());
    }

    List<Rule> rules(UUID group) {
      return byGroup.getOrDefault(group, List.of());
    }
  }

  private static Optional<Rule> rule(ReplicaSnapshot nb, Acl acl) {
    Optional<Action> action = Action.of(acl.action());
    boolean ingress = acl.direction().equals("from-lport");
    if (action.isEmpty() || (!ingress && !acl.direction().equals("to-lport"))) {
      return Optional.empty();
    }
    Optional<String> meter = acl.meter().map(m -> fair(nb, m)
        ? m + "__" + acl.uuid().uuid() : m);
    return Optional.of(new Rule(ingress, (int) acl.priority(), acl.match(), action.get(),
        acl.log(), acl.name(), acl.severity(), meter, acl.label(),
        ingress && flag(acl.options(), "apply-after-lb", false),
        flag(acl.options(), "log-related", false)));
  }

  private static boolean fair(ReplicaSnapshot nb, String meter) {
    return Meter.byName(nb, meter).flatMap(Meter::fair).orElse(false);
  }

  /** A boolean option as OVN reads one ({@code smap_get_bool}). */
  private static boolean flag(Map<String, String> options, String key, boolean def) {
    String v = options.get(key);
    if (v == null) {
      return def;
    }
    return def ? !v.equalsIgnoreCase("false") : v.equalsIgnoreCase("true");
  }
}
