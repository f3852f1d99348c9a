package org.jovn.northd.sb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jovn.ovn.nb.Acl;
import org.jovn.ovn.sb.Meter;
import org.jovn.ovn.sb.MeterBand;
import org.jovn.ovsdb.client.ReplicaSnapshot;
import org.jovn.ovsdb.client.Transaction;

/**
 * Adds to a transaction the {@code Meter} and {@code Meter_Band} changes a plan implies, as
 * ovn-northd 23.03 writes them: each Northbound meter by name, with its unit and bands, and for
 * each ACL that logs through a fair meter ({@code Meter.fair}) a copy of that meter named
 * {@code METER__ACL-UUID}, so that every such ACL is rate-limited on its own. The
 * {@code meter="..."} of an ACL's {@code log()} action names one of these rows; ovn-controller
 * installs the OpenFlow meters from them. Meters no longer wanted are deleted (their bands go
 * with them).
 */
final class MeterSync {
  private MeterSync() {}

  /** One band, as compared: bands are equal when rate, burst size and action are. */
  private record Band(long rate, long burstSize, String action) {}

  private record Wanted(String unit, List<Band> bands) {}

  private static final Comparator<Band> BAND_ORDER = Comparator.comparingLong(Band::rate)
      .thenComparingLong(Band::burstSize).thenComparing(Band::action);

  static void apply(Transaction t, SouthboundPlan plan, ReplicaSnapshot sb) {
    Map<String, Wanted> wanted = wanted(plan.nb());
    Set<String> seen = new HashSet<>();
    Meter.all(sb).forEach(m -> {
      Wanted want = wanted.get(m.name());
      if (want == null || !seen.add(m.name())) {
        t.delete(Meter.TABLE, m.uuid().uuid());
        return;
      }
      List<Band> have = new ArrayList<>();
      m.bands().forEach(ref -> MeterBand.get(sb, ref)
          .ifPresent(b -> have.add(new Band(b.rate(), b.burstSize(), b.action()))));
      have.sort(BAND_ORDER);
      boolean bands = !have.equals(want.bands());
      if (bands || !m.unit().equals(want.unit())) {
        Transaction.Update u = t.update(Meter.TABLE, m.uuid().uuid()).set(Meter.UNIT,
            want.unit());
        if (bands) {
          u.set(Meter.BANDS, insertBands(t, want.bands()));
        }
      }
    });
    wanted.forEach((name, want) -> {
      if (!seen.contains(name)) {
        t.insert(Meter.TABLE).set(Meter.NAME, name).set(Meter.UNIT, want.unit())
            .set(Meter.BANDS, insertBands(t, want.bands()));
      }
    });
  }

  private static Map<String, Wanted> wanted(ReplicaSnapshot nb) {
    Map<String, Wanted> wanted = new HashMap<>();
    Set<String> fair = new HashSet<>();
    org.jovn.ovn.nb.Meter.all(nb).forEach(m -> {
      List<Band> bands = new ArrayList<>();
      m.bands().forEach(ref -> org.jovn.ovn.nb.MeterBand.get(nb, ref)
          .ifPresent(b -> bands.add(new Band(b.rate(), b.burstSize(), b.action()))));
      bands.sort(BAND_ORDER);
      wanted.put(m.name(), new Wanted(m.unit(), List.copyOf(bands)));
      if (m.fair().orElse(false)) {
        fair.add(m.name());
      }
    });
    Acl.all(nb).forEach(acl -> acl.meter().filter(fair::contains)
        .ifPresent(m -> wanted.put(m + "__" + acl.uuid().uuid(), wanted.get(m))));
    return wanted;
  }

  private static Set<UUID> insertBands(Transaction t, List<Band> bands) {
    Set<UUID> rows = new HashSet<>();
    for (Band b : bands) {
      rows.add(t.insert(MeterBand.TABLE).set(MeterBand.ACTION, b.action())
          .set(MeterBand.RATE, b.rate()).set(MeterBand.BURST_SIZE, b.burstSize()).uuid());
    }
    return rows;
  }
}
