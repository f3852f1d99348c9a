package org.jovn.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jovn.ovsdb.raft.ClusterAddress;
import org.jovn.ovsdb.raft.ClusterDescriptor;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.jovn.ovsdb.server.OvsdbServer;
import org.jovn.ovsdb.server.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jovn central --cluster}: three clustered members on one host, each a separate process,
 * to try high availability (kill one, the others carry on). Member N (1-3) serves NB on port
 * 6641 + 10000 (N-1), SB on 6642 + 10000 (N-1), with Raft on the next two ports.
 */
final class ClusterCentral {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterCentral.class);

  private ClusterCentral() {}

  static int port(int member, int offset) {
    return 6640 + offset + 10_000 * (member - 1);
  }

  /** Starts the three member processes and waits for them. */
  static int runMembers(Path dir, String address, ServerLauncher.DaemonSettings settings) {
    List<Process> members = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> members.forEach(Process::destroy)));
    try {
      for (int m = 1; m <= 3; m++) {
        Path mdir = dir.resolve("member-" + m);
        Files.createDirectories(mdir);
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Jovn.class.getName(),
            "central", "--member", String.valueOf(m), "--address", address, "--data-dir",
            mdir.toString(), "--log-file", mdir.resolve("member.log").toString(), "--pidfile",
            mdir.resolve("member.pid").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(mdir.resolve("member.out").toFile()));
        pb.environment().remove(Daemon.DETACHED_ENV);
        members.add(pb.start());
      }
    } catch (IOException e) {
      members.forEach(Process::destroy);
      throw new UncheckedIOException(e);
    }
    String nb = remotes(address, 1);
    String sb = remotes(address, 2);
    LOG.info("clustered central: NB {}  SB {}", nb, sb);
    System.err.println("jovn central --cluster: three members under " + dir);
    System.err.println("  ovn-nbctl --db=" + nb + " show");
    System.err.println("  ovn-sbctl --db=" + sb + " show");
    Daemon.signalReady();
    int status = 0;
    for (Process p : members) {
      try {
        status = Math.max(status, p.waitFor());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
    return status;
  }

  static String remotes(String address, int offset) {
    String host = address.equals("0.0.0.0") ? "127.0.0.1" : address;
    List<String> r = new ArrayList<>();
    for (int m = 1; m <= 3; m++) {
      r.add("tcp:" + host + ":" + port(m, offset));
    }
    return String.join(",", r);
  }

  /** One member: creates or joins its clustered NB and SB files, then serves them. */
  record Member(int index, String address, Path dir) {
    OvsdbServer start(String base, String schema, int offset) {
      String host = address.equals("0.0.0.0") ? "127.0.0.1" : address;
      Path db = dir.resolve(base + ".db");
      if (!Files.exists(db)) {
        var s = DatabaseSchema.bundled(schema).json();
        String name = s.get("name").asText();
        ClusterAddress local = ClusterAddress.parse("tcp:" + host + ":" + port(index,
            offset + 2));
        List<ClusterAddress> remotes = index == 1 ? List.of()
            : List.of(ClusterAddress.parse("tcp:" + host + ":" + port(1, offset + 2)));
        new ClusterDescriptor(name, ClusterDescriptor.clusterId(name), local, remotes,
            index == 1, s).create(db);
      }
      String global = offset == 1 ? "OVN_Northbound,NB_Global" : "OVN_Southbound,SB_Global";
      ServerConfig config = ServerConfig.defaults().withRemotes(List.of(
          "ptcp:" + port(index, offset) + ":" + address, "punix:" + dir.resolve(base + ".sock"),
          "db:" + global + ",connections"));
      return OvsdbServerCommand.start(config, List.of(db), dir.resolve(base + ".ctl"));
    }
  }
}
