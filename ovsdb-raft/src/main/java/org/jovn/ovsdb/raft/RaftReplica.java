package org.jovn.ovsdb.raft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.client.RaftClientConfigKeys;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.netty.NettyConfigKeys;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.SetConfigurationRequest;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.rpc.SupportedRpcType;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a replicated database: a Ratis server for the database's group plus a client
 * that sends this server's write requests to whichever member leads.
 *
 * <p>Why writes go through the leader: Raft orders entries only at the leader, and the leader
 * alone knows the latest state (including entries not yet committed), so it is the leader that
 * executes a transaction and turns it into a change set. A follower forwards the request (Ratis's
 * client routes it to the leader and retries across elections) rather than executing it itself,
 * which would need the leader to re-check it anyway. Reads and monitors need no leader: every
 * member serves them from its own applied replica.
 *
 * <p>Thread-safe. The caller owns it and must {@link #close} it.
 */
public final class RaftReplica implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RaftReplica.class);

  private final ClusterDescriptor descriptor;
  private final RaftSettings settings;
  private final RaftGroupId groupId;
  private final RaftServer server;
  private final RaftProperties properties;
  /** Aimed at the current members and leader; replaced when they change. */
  private volatile RaftClient client;
  private final Object clientLock = new Object();

  private RaftReplica(ClusterDescriptor descriptor, RaftSettings settings, RaftServer server,
      RaftProperties properties) {
    this.descriptor = descriptor;
    this.settings = settings;
    this.groupId = RaftGroupId.valueOf(descriptor.cid());
    this.server = server;
    this.properties = properties;
  }

  /**
   * Starts this member: recovers its log and snapshot if it has run before; otherwise creates a
   * one-member cluster (bootstrap) or asks the given remotes to add it (join).
   *
   * @param file the clustered database file (its Raft data lives beside it)
   */
  public static RaftReplica start(Path file, ClusterDescriptor d, ReplicaStateMachine sm,
      RaftSettings settings) {
    Path dir = ClusterDescriptor.raftDir(file);
    RaftProperties props = properties(d, settings, dir);
    RaftGroupId gid = RaftGroupId.valueOf(d.cid());
    boolean fresh = isEmpty(dir);
    List<RaftPeer> initial = new ArrayList<>();
    if (d.bootstrap() || !fresh) {
      initial.add(d.local().peer());
    }
    RaftGroup group = RaftGroup.valueOf(gid, initial);
    try {
      OvsdbStateMachine machine = new OvsdbStateMachine(sm);
      RaftServer server = RaftServer.newBuilder()
          .setServerId(d.local().peerId())
          .setGroup(d.bootstrap() || !fresh ? group : RaftGroup.valueOf(gid))
          .setProperties(props)
          .setStateMachine(machine)
          .setOption(fresh ? RaftStorage.StartupOption.FORMAT : RaftStorage.StartupOption.RECOVER)
          .build();
      RaftReplica replica = new RaftReplica(d, settings, server, props);
      List<RaftPeer> peers = new ArrayList<>();
      peers.add(d.local().peer());
      d.remotes().forEach(r -> peers.add(r.peer()));
      replica.client = replica.newClient(peers, null);
      machine.onTopologyChange(replica::reaimClient);
      server.start();
      replica.reaimClient();
      if (fresh && !d.bootstrap()) {
        replica.joinInBackground();
      }
      return replica;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot start Raft: " + e.getMessage(), e);
    }
  }

  private RaftClient newClient(List<RaftPeer> peers, org.apache.ratis.protocol.RaftPeerId leader) {
    RaftClient.Builder b = RaftClient.newBuilder()
        .setProperties(properties)
        .setRaftGroup(RaftGroup.valueOf(groupId, peers))
        .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
            (int) Math.max(1, settings.writeTimeoutMs() / 100),
            TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)));
    if (leader != null) {
      b.setLeaderId(leader);
    }
    return b.build();
  }

  /**
   * Points the write client at the current members and leader, so that forwarded writes go
   * straight to the leader after an election or a membership change.
   */
  void reaimClient() {
    try {
      RaftServer.Division div = server.getDivision(groupId);
      List<RaftPeer> peers = new ArrayList<>(div.getRaftConf().getCurrentPeers());
      if (peers.isEmpty()) {
        return;
      }
      RaftClient fresh = newClient(peers, div.getInfo().getLeaderId());
      RaftClient old;
      synchronized (clientLock) {
        old = client;
        client = fresh;
      }
      if (old != null) {
        CompletableFuture.delayedExecutor(30, TimeUnit.SECONDS).execute(() -> {
          try {
            old.close();
          } catch (IOException e) {
            LOG.debug("closing old Raft client", e);
          }
        });
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("re-aiming the Raft client failed: {}", e.toString());
    }
  }

  private static boolean isEmpty(Path dir) {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return true;
    }
  }

  private static RaftProperties properties(ClusterDescriptor d, RaftSettings s, Path dir) {
    RaftProperties p = new RaftProperties();
    RaftConfigKeys.Rpc.setType(p, SupportedRpcType.NETTY);
    NettyConfigKeys.Server.setHost(p, d.local().host());
    NettyConfigKeys.Server.setPort(p, d.local().port());
    RaftServerConfigKeys.setStorageDir(p, List.of(dir.toFile()));
    RaftServerConfigKeys.Rpc.setTimeoutMin(p,
        TimeDuration.valueOf(Math.max(50, s.electionTimerMs() / 2), TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setTimeoutMax(p,
        TimeDuration.valueOf(s.electionTimerMs(), TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMin(p,
        TimeDuration.valueOf(Math.max(50, s.electionTimerMs() / 4), TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Rpc.setFirstElectionTimeoutMax(p,
        TimeDuration.valueOf(Math.max(100, s.electionTimerMs() / 2), TimeUnit.MILLISECONDS));
    RaftServerConfigKeys.Log.Appender.setWaitTimeMin(p, TimeDuration.ZERO);
    RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(p, true);
    RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(p, s.snapshotEveryEntries());
    RaftServerConfigKeys.Snapshot.setRetentionFileNum(p, 2);
    RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(p, true);
    // Purging drops whole closed segments once a snapshot covers them: size segments (and the
    // gap between purges) after the snapshot interval so that the log stays near that length.
    int every = (int) Math.min(Integer.MAX_VALUE, Math.max(1, s.snapshotEveryEntries()));
    RaftServerConfigKeys.Log.setPurgeGap(p, Math.min(1024, every));
    RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf(
        Math.max(16L << 10, Math.min(8L << 20, every * 128L))));
    RaftClientConfigKeys.Rpc.setRequestTimeout(p,
        TimeDuration.valueOf(Math.max(500, s.electionTimerMs()), TimeUnit.MILLISECONDS));
    return p;
  }

  private void joinInBackground() {
    Thread t = new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (System.nanoTime() < deadline && server.getLifeCycleState().isRunning()) {
        try {
          if (tryJoin()) {
            LOG.info("{}: joined cluster {}", descriptor.local(), descriptor.cid());
            return;
          }
        } catch (IOException | RuntimeException e) {
          LOG.debug("join attempt failed: {}", e.toString());
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "raft-join-" + descriptor.name());
    t.setDaemon(true);
    t.start();
  }

  private boolean tryJoin() throws IOException {
    for (ClusterAddress remote : descriptor.remotes()) {
      List<RaftPeer> peers;
      try {
        var info = client.getGroupManagementApi(remote.peerId()).info(groupId);
        peers = new ArrayList<>(info.getGroup().getPeers());
      } catch (IOException e) {
        continue;
      }
      if (peers.stream().anyMatch(p -> p.getId().equals(descriptor.local().peerId()))) {
        return true;
      }
      // ADD, not "set to what I read plus me": servers joining at the same time would
      // otherwise overwrite each other's additions.
      RaftClientReply reply = client.admin().setConfiguration(
          SetConfigurationRequest.Arguments.newBuilder()
              .setServersInNewConf(List.of(descriptor.local().peer()))
              .setMode(SetConfigurationRequest.Mode.ADD).build());
      if (reply.isSuccess()) {
        return true;
      }
    }
    return false;
  }

  /** A write's outcome: the leader's reply and the log index it was applied at (0 if none). */
  public record Submitted(byte[] reply, long index) {}

  /**
   * Sends a write request to the leader, which executes it through its
   * {@link ReplicaStateMachine#propose}; completes once the entry is committed and applied there.
   * Fails when no leader answers within the write timeout (then the write may still commit).
   */
  public CompletableFuture<Submitted> submit(byte[] request) {
    CompletableFuture<Submitted> result = new CompletableFuture<>();
    client.async().send(Message.valueOf(ByteString.copyFrom(request))).whenComplete((r, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
      } else if (!r.isSuccess()) {
        result.completeExceptionally(new IllegalStateException(r.getException() == null
            ? "write failed" : r.getException().getMessage()));
      } else {
        result.complete(new Submitted(r.getMessage().getContent().toByteArray(),
            r.getLogIndex()));
      }
    });
    // Ratis's client may keep retrying for much longer (e.g. when the leader is frozen and its
    // connections stay open): the submitter learns the outcome is unknown after the timeout.
    return result.orTimeout(settings.writeTimeoutMs(), TimeUnit.MILLISECONDS);
  }

  /** True while this member is the leader (a hint: leadership may be lost any time). */
  public boolean isLeader() {
    try {
      return server.getDivision(groupId).getInfo().isLeader();
    } catch (IOException e) {
      return false;
    }
  }

  /** The member's current view of the cluster. */
  public ClusterStatus status() {
    try {
      RaftServer.Division div = server.getDivision(groupId);
      DivisionInfo info = div.getInfo();
      List<ClusterAddress> servers = new ArrayList<>();
      for (RaftPeer p : div.getRaftConf().getCurrentPeers()) {
        servers.add(ClusterAddress.of(p));
      }
      ClusterAddress leader = null;
      if (info.getLeaderId() != null) {
        RaftPeer lp = div.getRaftConf().getPeer(info.getLeaderId());
        leader = lp == null ? null : ClusterAddress.of(lp);
      }
      String role = switch (info.getCurrentRole()) {
        case LEADER -> "leader";
        case CANDIDATE -> "candidate";
        case LISTENER -> "listener";
        default -> "follower";
      };
      var log = div.getRaftLog();
      boolean connected = info.isLeader() ? info.isLeaderReady() : leader != null;
      return new ClusterStatus(descriptor.cid(), descriptor.local().serverId(), descriptor.local(),
          role, info.getCurrentTerm(), leader, connected, log.getStartIndex(),
          log.getLastEntryTermIndex() == null ? 0
              : log.getLastEntryTermIndex().getIndex(), log.getLastCommittedIndex(),
          info.getLastAppliedIndex(), servers, settings.electionTimerMs());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes this server from the cluster (then it should be shut down). */
  public CompletableFuture<Void> leave() {
    return CompletableFuture.runAsync(() -> reconfigureWithout(descriptor.local()));
  }

  /** Removes another server from the cluster. */
  public CompletableFuture<Void> kick(ClusterAddress member) {
    return CompletableFuture.runAsync(() -> reconfigureWithout(member));
  }

  private void reconfigureWithout(ClusterAddress member) {
    try {
      List<RaftPeer> peers = new ArrayList<>(server.getDivision(groupId).getRaftConf()
          .getCurrentPeers());
      if (!peers.removeIf(p -> p.getId().equals(member.peerId()))) {
        throw new IllegalArgumentException("no server " + member + " in the cluster");
      }
      RaftClientReply reply = client.admin().setConfiguration(peers);
      if (!reply.isSuccess()) {
        throw new IllegalStateException(String.valueOf(reply.getException()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asks the state machine for a snapshot now (ovsdb-server/compact). */
  public CompletableFuture<Long> snapshotNow() {
    return CompletableFuture.supplyAsync(() -> {
      try {
        var reply = client.getSnapshotManagementApi(descriptor.local().peerId()).create(
            30_000);
        return reply.getLogIndex();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  public UUID cid() {
    return descriptor.cid();
  }

  public UUID sid() {
    return descriptor.local().serverId();
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      LOG.debug("closing Raft client", e);
    }
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("closing Raft server", e);
    }
  }
}
