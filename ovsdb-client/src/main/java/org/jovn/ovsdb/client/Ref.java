package org.jovn.ovsdb.client;

import java.util.Objects;
import java.util.UUID;

/**
 * A typed reference to a row: the row's UUID, tagged with the Java type of the table it lives
 * in (e.g. {@code Ref<LogicalSwitchPort>}). Immutable; the UUID may name a row that no longer
 * exists, or a row inserted in a {@link Transaction} not yet committed.
 *
 * @param <T> the type of the referenced table's rows
 * @param uuid the row's UUID, never null
 */
public record Ref<T>(UUID uuid) {
  /** @throws NullPointerException if uuid is null */
  public Ref {
    Objects.requireNonNull(uuid, "uuid");
  }

  /** A reference to the row with this UUID. */
  public static <T> Ref<T> of(UUID uuid) {
    return new Ref<>(uuid);
  }

  @Override
  public String toString() {
    return uuid.toString();
  }
}
