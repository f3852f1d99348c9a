package org.jovn.ovsdb.raft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.SnapshotInfo;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts a {@link ReplicaStateMachine} to Ratis. On the leader, a client request is executed in
 * {@link #startTransaction} (the leader decides what the transaction does) and the resulting
 * change set becomes the log entry; every server, the leader included, applies committed entries
 * in order in {@link #applyTransaction}. Snapshots are single files in Ratis's state machine
 * directory.
 */
final class OvsdbStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(OvsdbStateMachine.class);

  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  private final ReplicaStateMachine replica;
  private volatile boolean leader;
  /** Told when the membership or the leader changes (the replica re-aims its client). */
  private volatile Runnable onTopologyChange = () -> {};

  OvsdbStateMachine(ReplicaStateMachine replica) {
    this.replica = replica;
  }

  void onTopologyChange(Runnable r) {
    this.onTopologyChange = r;
  }

  @Override
  public void notifyConfigurationChanged(long term, long index,
      org.apache.ratis.proto.RaftProtos.RaftConfigurationProto conf) {
    onTopologyChange.run();
    replica.statusChanged();
  }

  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
      throws IOException {
    super.initialize(server, groupId, raftStorage);
    getLifeCycle().startAndTransition(() -> {
      storage.init(raftStorage);
      load(storage.getLatestSnapshot());
    }, IOException.class);
  }

  /**
   * Ratis pauses the state machine before it installs a snapshot from the leader and reloads
   * it with {@link #reinitialize} only from PAUSED (else its updater thread stops for good).
   */
  @Override
  public void pause() {
    if (getLifeCycle().compareAndTransition(LifeCycle.State.RUNNING, LifeCycle.State.PAUSING)) {
      getLifeCycle().transition(LifeCycle.State.PAUSED);
    }
  }

  @Override
  public void reinitialize() throws IOException {
    boolean paused = getLifeCycle().compareAndTransition(LifeCycle.State.PAUSED,
        LifeCycle.State.STARTING);
    load(storage.loadLatestSnapshot());
    if (paused) {
      getLifeCycle().transition(LifeCycle.State.RUNNING);
    }
  }

  private void load(SingleFileSnapshotInfo snapshot) throws IOException {
    if (snapshot == null) {
      return;
    }
    Path file = snapshot.getFile().getPath();
    byte[] data = Files.readAllBytes(file);
    TermIndex ti = snapshot.getTermIndex();
    replica.restore(new ReplicaStateMachine.Snapshot(data, ti.getTerm(), ti.getIndex()));
    updateLastAppliedTermIndex(ti.getTerm(), ti.getIndex());
    LOG.info("{}: restored snapshot at {}", getId(), ti);
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return storage;
  }

  @Override
  public SnapshotInfo getLatestSnapshot() {
    return storage.getLatestSnapshot();
  }

  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    byte[] req = request.getMessage().getContent().toByteArray();
    ReplicaStateMachine.Proposal p = replica.propose(req);
    return TransactionContext.newBuilder()
        .setStateMachine(this)
        .setClientRequest(request)
        .setLogData(p.entry() == null ? ByteString.EMPTY : ByteString.copyFrom(p.entry()))
        .setStateMachineContext(p)
        .build();
  }

  @Override
  public TransactionContext cancelTransaction(TransactionContext trx) throws IOException {
    LOG.info("{}: proposal not appended; undoing speculative changes", getId());
    replica.leadershipLost();
    return trx;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto e = trx.getLogEntry();
    byte[] data = e.getStateMachineLogEntry().getLogData().toByteArray();
    ReplicaStateMachine.Proposal p = trx.getStateMachineContext()
        instanceof ReplicaStateMachine.Proposal pp ? pp : null;
    updateLastAppliedTermIndex(e.getTerm(), e.getIndex());
    byte[] reply = p == null ? new byte[0] : p.reply();
    return replica.apply(e.getTerm(), e.getIndex(), data, p)
        .thenApply(v -> Message.valueOf(ByteString.copyFrom(reply)));
  }

  @Override
  public long takeSnapshot() throws IOException {
    ReplicaStateMachine.Snapshot s = replica.snapshot();
    if (s.index() <= 0) {
      return RaftLog.INVALID_LOG_INDEX;
    }
    java.io.File file = storage.getSnapshotFile(s.term(), s.index());
    Path tmp = file.toPath().resolveSibling(file.getName() + ".tmp");
    Files.write(tmp, s.data());
    Files.move(tmp, file.toPath(), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    var md5 = MD5FileUtil.computeMd5ForFile(file);
    MD5FileUtil.saveMD5File(file, md5);
    storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5),
        TermIndex.valueOf(s.term(), s.index())));
    LOG.info("{}: snapshot at index {} ({} bytes)", getId(), s.index(), s.data().length);
    return s.index();
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId member, RaftPeerId newLeader) {
    boolean nowLeader = member.getPeerId().equals(newLeader);
    if (leader && !nowLeader) {
      replica.leadershipLost();
    }
    leader = nowLeader;
    onTopologyChange.run();
    replica.statusChanged();
  }

  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    super.notifyTermIndexUpdated(term, index);
    replica.statusChanged();
  }

  /** Ratis's "no index" value. */
  private static final class RaftLog {
    static final long INVALID_LOG_INDEX = -1;
  }
}
