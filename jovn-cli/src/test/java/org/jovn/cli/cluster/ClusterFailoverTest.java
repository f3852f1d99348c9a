package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code jovn ovsdb-server} processes in one cluster: writes through a follower and
 * through the leader; kill -9 of the leader; a new leader takes writes; every member, the
 * restarted one included, ends with the same rows.
 */
class ClusterFailoverTest {
  @TempDir
  Path dir;
  @AutoClose
  private Cluster cluster;

  /** Inserts an Item through C, retrying (with the same name) only when no leader answers. */
  static void insertRetrying(Cluster cluster, Member m, String name) throws Exception {
    cluster.await("insert of " + name + " through " + m, 40, () -> {
      try (JsonRpc c = m.connect()) {
        var r = c.transact(Cluster.DB, 20_000, Ops.insertItem(name, 0));
        assertThat(Ops.error(r)).isNull();
        return true;
      } catch (JsonRpc.RpcError e) {
        assertThat(e.getMessage()).contains("not leader");
        // Possibly applied after all: remove a duplicate by checking first next time.
        return alreadyThere(m, name) ? true : null;
      }
    });
  }

  private static boolean alreadyThere(Member m, String name) {
    try (JsonRpc c = m.connect()) {
      return Ops.itemNames(c).contains(name);
    } catch (Exception e) {
      return false;
    }
  }

  /** Waits until every given member serves exactly these Item names. */
  static void awaitContents(Cluster cluster, List<Member> members, List<String> expected)
      throws Exception {
    List<String> sorted = new ArrayList<>(expected);
    sorted.sort(null);
    for (Member m : members) {
      cluster.await(m + " to hold " + sorted.size() + " items", 40, () -> {
        try (JsonRpc c = m.connect()) {
          return Ops.itemNames(c).equals(sorted);
        }
      });
    }
  }

  @Test
  void leaderKilled_newLeaderTakesWrites_andMembersConverge() throws Exception {
    cluster = Cluster.create(dir, 3, "--election-timer=800");
    Member leader = cluster.startAndAwaitFormed();
    Member follower = cluster.others(leader).get(0);
    List<String> expected = new ArrayList<>();
    try (JsonRpc viaFollower = follower.connect(); JsonRpc viaLeader = leader.connect()) {
      for (int i = 0; i < 20; i++) {
        assertThat(Ops.error(viaFollower.transact(Cluster.DB, 20_000,
            Ops.insertItem("f" + i, 1)))).isNull();
        expected.add("f" + i);
        assertThat(Ops.error(viaLeader.transact(Cluster.DB, 20_000,
            Ops.insertItem("l" + i, 2)))).isNull();
        expected.add("l" + i);
        // A client's own write is visible to its next read on the same member.
        assertThat(Ops.itemNames(viaFollower)).contains("f" + i);
      }
    }
    awaitContents(cluster, cluster.members, expected);

    leader.kill();
    List<Member> survivors = cluster.others(leader);
    Member newLeader = cluster.awaitLeader(survivors);
    assertThat(newLeader).isNotSameAs(leader);
    for (Member m : survivors) {
      for (int i = 0; i < 5; i++) {
        String name = "after-" + m.name + "-" + i;
        insertRetrying(cluster, m, name);
        expected.add(name);
      }
    }
    awaitContents(cluster, survivors, expected);

    leader.start();
    cluster.awaitFormed(3, cluster.members);
    insertRetrying(cluster, leader, "restarted");
    expected.add("restarted");
    awaitContents(cluster, cluster.members, expected);
  }
}
