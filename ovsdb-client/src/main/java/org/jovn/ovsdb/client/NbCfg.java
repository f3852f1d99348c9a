package org.jovn.ovsdb.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jovn.ovsdb.data.Row;
import org.jovn.ovsdb.schema.ColumnSchema;

/**
 * OVN's nb_cfg handshake on a Northbound client: a CMS increments {@code NB_Global.nb_cfg};
 * ovn-northd copies it to {@code sb_cfg} once the Southbound database reflects the change, and
 * to {@code hv_cfg} once every chassis has caught up. The client must monitor {@code NB_Global}
 * with columns {@code nb_cfg}, {@code sb_cfg} and {@code hv_cfg}. Stateless.
 */
public final class NbCfg {
  private NbCfg() {}

  /**
   * Increments {@code nb_cfg} (a mutate, then a select of the new value in the same
   * transaction) and completes with the new value.
   *
   * @throws IllegalStateException (in the future) when the replica has no NB_Global row
   */
  public static CompletableFuture<Long> increment(OvsdbClient nb) {
    int[] select = new int[1];
    return nb.transact(s -> {
      Row global = s.rows("NB_Global").values().stream().findFirst()
          .orElseThrow(() -> new IllegalStateException("no NB_Global row in the replica"));
      Transaction t = new Transaction(s.schema());
      t.mutate("NB_Global", global.uuid()).add("nb_cfg", 1);
      select[0] = t.select("NB_Global", List.of(Clause.uuid(global.uuid())), "nb_cfg");
      return t;
    }, 5).thenApply(r -> r.rows(select[0]).get(0).get("nb_cfg").asLong());
  }

  /** Completes when {@code sb_cfg} reaches {@code nbCfg}: ovn-northd has caught up. */
  public static CompletableFuture<ReplicaSnapshot> awaitSb(OvsdbClient nb, long nbCfg) {
    return nb.await(s -> column(s, "sb_cfg").orElse(-1L) >= nbCfg);
  }

  /** Completes when {@code hv_cfg} reaches {@code nbCfg}: every chassis has caught up. */
  public static CompletableFuture<ReplicaSnapshot> awaitHv(OvsdbClient nb, long nbCfg) {
    return nb.await(s -> column(s, "hv_cfg").orElse(-1L) >= nbCfg);
  }

  private static Optional<Long> column(ReplicaSnapshot s, String column) {
    ColumnSchema c = s.schema().table("NB_Global").column(column);
    return s.rows("NB_Global").values().stream().findFirst()
        .map(r -> (Long) r.get(c).first());
  }
}
