package org.jovn.ovsdb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TableChangesTest {
  private static final UUID A = new UUID(0, 1);
  private static final UUID B = new UUID(0, 2);
  private static final UUID C = new UUID(0, 3);

  @Test
  void since_unionsTheUpdatesAfterTheSeqno() {
    TableChanges h = TableChanges.EMPTY.then(2, Set.of(A)).then(5, Set.of(B)).then(9, Set.of(C));

    assertThat(h.since(0)).contains(Set.of(A, B, C));
    assertThat(h.since(2)).contains(Set.of(B, C));
    assertThat(h.since(7)).contains(Set.of(C));
    assertThat(h.since(9)).contains(Set.of());
  }

  @Test
  void since_beyondTheBoundedHistory_isUnknown() {
    TableChanges h = TableChanges.EMPTY;
    for (int i = 1; i <= TableChanges.MAX_BATCHES + 10; i++) {
      h = h.then(i, Set.of(A));
    }

    assertThat(h.since(0)).isEmpty();
    assertThat(h.since(TableChanges.MAX_BATCHES + 5)).contains(Set.of(A));
  }
}
