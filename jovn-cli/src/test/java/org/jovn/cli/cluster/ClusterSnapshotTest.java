package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jovn.ovsdb.raft.ClusterDescriptor;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code --raft-snapshot-every=50}: snapshots are taken and the log stays short; a member
 * that was down while the log was purged, and a fourth member that joins later, catch up from a
 * snapshot sent by the leader.
 */
class ClusterSnapshotTest {
  private static final int ROWS = 400;

  @TempDir
  Path dir;
  @AutoClose
  private Cluster cluster;

  private static long snapshotFiles(Member m) throws Exception {
    try (Stream<Path> files = Files.walk(ClusterDescriptor.raftDir(m.db))) {
      return files.filter(p -> p.getFileName().toString().startsWith("snapshot.")
          && !p.getFileName().toString().endsWith(".md5")).count();
    }
  }

  private boolean restoredSnapshot(Member m) throws Exception {
    return Files.readString(m.logFile()).contains("restored snapshot");
  }

  @Test
  void logIsBounded_andLaggingOrNewMembersCatchUpFromSnapshot() throws Exception {
    cluster = Cluster.create(dir, 3, "--election-timer=800", "--raft-snapshot-every=50");
    Member leader = cluster.startAndAwaitFormed();
    Member lagging = cluster.others(leader).get(1);
    lagging.kill();
    List<String> expected = new ArrayList<>();
    try (JsonRpc c = leader.connect()) {
      for (int i = 0; i < ROWS; i++) {
        assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("r" + i, 0))))
            .isNull();
        expected.add("r" + i);
      }
    }
    assertThat(snapshotFiles(leader)).as("snapshot files of the leader").isPositive();
    String status = cluster.await("the leader's log to be purged", 30, () -> {
      String s = leader.status();
      String[] log = Cluster.field(s, "Log").replaceAll("[\\[\\]]", "").split(", ");
      return Long.parseLong(log[0]) > 1 ? s : null;
    });
    String[] log = Cluster.field(status, "Log").replaceAll("[\\[\\]]", "").split(", ");
    long entries = Long.parseLong(log[1]) - Long.parseLong(log[0]);
    assertThat(entries).as("entries kept in the log (%s) after %d writes", status, ROWS)
        .isLessThan(ROWS / 2);

    lagging.start();
    cluster.awaitItems(lagging, expected);
    assertThat(restoredSnapshot(lagging)).as("%s installed a snapshot", lagging).isTrue();

    Member fourth = cluster.addMember();
    fourth.start();
    cluster.awaitFormed(4, cluster.members);
    cluster.awaitItems(fourth, expected);
    assertThat(restoredSnapshot(fourth)).as("%s installed a snapshot", fourth).isTrue();
    try (JsonRpc c = fourth.connect()) {
      assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("via-fourth", 0))))
          .isNull();
    }
    expected.add("via-fourth");
    for (Member m : cluster.members) {
      cluster.awaitItems(m, expected);
    }
  }
}
