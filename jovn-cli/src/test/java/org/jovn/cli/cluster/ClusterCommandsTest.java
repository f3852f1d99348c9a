package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cluster/status, cluster/cid, cluster/sid, cluster/leave and cluster/kick over unixctl. */
class ClusterCommandsTest {
  @TempDir
  Path dir;
  @AutoClose
  private Cluster cluster;

  @Test
  void status_showsOvsFields_andLeaveAndKickShrinkTheCluster() throws Exception {
    cluster = Cluster.create(dir, 4, "--election-timer=700");
    Member leader = cluster.startAndAwaitFormed();
    String status = leader.status();
    assertThat(Cluster.field(status, "Role")).isEqualTo("leader");
    assertThat(Long.parseLong(Cluster.field(status, "Term"))).isPositive();
    assertThat(Cluster.field(status, "Leader")).isEqualTo("self");
    assertThat(Cluster.field(status, "Election timer")).isEqualTo("700");
    assertThat(Cluster.field(status, "Log")).matches("\\[\\d+, \\d+\\]");
    assertThat(Cluster.field(status, "Connections").split(" ")).hasSize(6);
    assertThat(Cluster.serverCount(status)).isEqualTo(4);
    String sid = leader.appctl("cluster/sid", Cluster.DB).trim();
    String cid = leader.appctl("cluster/cid", Cluster.DB).trim();
    assertThat(status).contains("Server ID: " + sid.substring(0, 4) + " (" + sid + ")")
        .contains("Cluster ID: " + cid.substring(0, 4) + " (" + cid + ")")
        .contains("(" + sid.substring(0, 4) + " at " + leader.raftAddress() + ") (self)");
    Member follower = cluster.others(leader).get(0);
    String fs = follower.status();
    assertThat(Cluster.field(fs, "Role")).isEqualTo("follower");
    assertThat(Cluster.field(fs, "Leader")).isEqualTo(sid.substring(0, 4));
    assertThat(follower.appctl("cluster/cid", Cluster.DB).trim()).isEqualTo(cid);

    // A follower leaves; the others see three servers.
    follower.appctl("cluster/leave", Cluster.DB);
    List<Member> rest = cluster.others(follower);
    cluster.awaitFormed(3, rest);
    follower.kill();

    // The leader kicks another follower by address.
    Member kicked = rest.stream().filter(m -> m != leader).findFirst().orElseThrow();
    String out = leader.appctl("cluster/kick", Cluster.DB, kicked.raftAddress());
    assertThat(out).contains("started removal");
    List<Member> remaining = rest.stream().filter(m -> m != kicked).toList();
    Member now = cluster.awaitFormed(2, remaining);
    kicked.kill();
    try (JsonRpc c = now.connect()) {
      assertThat(Ops.error(c.transact(Cluster.DB, 20_000, Ops.insertItem("after-kick", 0))))
          .isNull();
    }
    for (Member m : remaining) {
      cluster.awaitItems(m, List.of("after-kick"));
    }
  }
}
