package org.jovn.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jovn.cli.Jovn;

/**
 * A cluster of {@code jovn ovsdb-server} processes serving database {@value #DB} on loopback,
 * made with {@code jovn ovsdb-tool create-cluster} (first member) and {@code join-cluster} (the
 * others, each given every earlier member). Closing it kills every member.
 */
final class Cluster implements AutoCloseable {
  static final String DB = "Test";
  static final String SCHEMA = """
      {"name": "Test", "version": "1.0.0", "tables": {
        "Item": {"columns": {"name": {"type": "string"}, "writer": {"type": "integer"}},
                 "isRoot": true},
        "Reg": {"columns": {"key": {"type": "string"}, "value": {"type": "integer"}},
                "isRoot": true},
        "Tick": {"columns": {"n": {"type": "integer"}}, "isRoot": true}}}
      """;

  final Path dir;
  final List<Member> members = new ArrayList<>();
  private final List<String> serverArgs;
  /** Database names and their schema files: each is a cluster of its own on every member. */
  private final java.util.LinkedHashMap<String, Path> databases;

  private Cluster(Path dir, List<String> serverArgs,
      java.util.LinkedHashMap<String, Path> databases) {
    this.dir = dir;
    this.serverArgs = List.copyOf(serverArgs);
    this.databases = databases;
  }

  /** Creates N members serving every given database (name to schema file), none started. */
  static Cluster create(Path dir, int n, java.util.LinkedHashMap<String, Path> databases,
      String... serverArgs) throws IOException {
    Cluster c = new Cluster(dir, List.of(serverArgs), databases);
    for (int i = 0; i < n; i++) {
      c.addMember();
    }
    return c;
  }

  /**
   * Creates the database files of N members (none started).
   *
   * @param serverArgs extra ovsdb-server flags of every member, e.g. --election-timer=500
   */
  static Cluster create(Path dir, int n, String... serverArgs) throws IOException {
    Files.writeString(dir.resolve("test.ovsschema"), SCHEMA);
    java.util.LinkedHashMap<String, Path> dbs = new java.util.LinkedHashMap<>();
    dbs.put(DB, dir.resolve("test.ovsschema"));
    return create(dir, n, dbs, serverArgs);
  }

  /** Creates the files of one more member (joining through every existing one); not started. */
  Member addMember() throws IOException {
    List<String> names = new ArrayList<>(databases.keySet());
    Member m = new Member("s" + (members.size() + 1), dir, freePort(), freePort(), serverArgs,
        names);
    for (int i = 1; i < names.size(); i++) {
      m.raftPorts.add(freePort());
    }
    for (int i = 0; i < names.size(); i++) {
      Path schema = databases.get(names.get(i));
      int rc;
      if (members.isEmpty()) {
        rc = Jovn.run("ovsdb-tool", "create-cluster", m.dbs.get(i).toString(),
            schema.toString(), m.raftAddress(i));
      } else {
        List<String> args = new ArrayList<>(List.of("ovsdb-tool", "join-cluster",
            "--schema=" + schema, m.dbs.get(i).toString(), names.get(i), m.raftAddress(i)));
        for (Member o : members) {
          args.add(o.raftAddress(i));
        }
        rc = Jovn.run(args.toArray(String[]::new));
      }
      assertThat(rc).as("ovsdb-tool for %s", m).isZero();
    }
    members.add(m);
    return m;
  }

  Member member(int i) {
    return members.get(i);
  }

  void startAll() throws IOException {
    for (Member m : members) {
      m.start();
    }
  }

  /** Starts every member and waits until a leader lists them all and every member knows it. */
  Member startAndAwaitFormed() throws Exception {
    startAll();
    return awaitFormed(members.size(), members);
  }

  /**
   * Waits until one of the given members leads with N servers configured and every given member
   * (running) names the same leader and has applied everything the leader has committed... at
   * least as far as the leader's commit index when first seen.
   */
  Member awaitFormed(int servers, List<Member> among) throws Exception {
    return awaitFormed(servers, among, among.get(0).dbName);
  }

  /** As {@link #awaitFormed(int, List)}, for database DB. */
  Member awaitFormed(int servers, List<Member> among, String db) throws Exception {
    return await("a leader of " + db + " with " + servers + " servers known to " + among, 60,
        () -> {
      Member leader = leaderAmong(among, db);
      if (leader == null || serverCount(leader.status(db)) != servers) {
        return null;
      }
      String leaderId = field(leader.status(db), "Server ID").substring(0, 4);
      for (Member m : among) {
        String s = m.status(db);
        if (!s.contains("Leader: " + (m == leader ? "self" : leaderId))) {
          return null;
        }
      }
      return leader;
    });
  }

  /** The member among these that says it is leader (and a cluster member), or null. */
  static Member leaderAmong(List<Member> among) {
    return among.isEmpty() ? null : leaderAmong(among, among.get(0).dbName);
  }

  /** The member among these that leads database DB, or null. */
  static Member leaderAmong(List<Member> among, String db) {
    for (Member m : among) {
      String s = m.status(db);
      if (s.contains("Role: leader") && s.contains("Status: cluster member")) {
        return m;
      }
    }
    return null;
  }

  Member awaitLeader(List<Member> among) throws Exception {
    return await("a leader among " + among, 60, () -> leaderAmong(among));
  }

  /** Every member's OVSDB remote, comma-separated (as OVN tools take them). */
  String remotes() {
    return String.join(",", members.stream().map(Member::remote).toList());
  }

  List<Member> running() {
    return members.stream().filter(Member::running).toList();
  }

  List<Member> others(Member m) {
    return members.stream().filter(o -> o != m).toList();
  }

  static int serverCount(String status) {
    int i = status.indexOf("Servers:\n");
    if (i < 0) {
      return -1;
    }
    return (int) status.substring(i + 9).lines().filter(l -> l.startsWith("    ")).count();
  }

  /** The value of "NAME: value" in cluster/status text, or "" when absent. */
  static String field(String status, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + ": (.*)$").matcher(status);
    return m.find() ? m.group(1) : "";
  }

  /** Polls until the supplier returns non-null (or true); fails with the members' logs. */
  <T> T await(String what, long seconds, Callable<T> check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        T t = check.call();
        if (t != null && !Boolean.FALSE.equals(t)) {
          return t;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what + (last == null ? ""
        : " (last error: " + last + ")") + "\n" + diagnostics(), last);
  }

  /** Waits until member M serves exactly these Item names (in any order). */
  void awaitItems(Member m, java.util.Collection<String> expected) throws Exception {
    List<String> sorted = new ArrayList<>(expected);
    sorted.sort(null);
    List<List<String>> seen = new ArrayList<>();
    try {
      await(m + " to hold " + sorted, 40, () -> {
        try (JsonRpc c = m.connect()) {
          List<String> names = Ops.itemNames(c);
          seen.add(names);
          return names.equals(sorted);
        }
      });
    } catch (AssertionError e) {
      throw new AssertionError((seen.isEmpty() ? "never read"
          : "last read " + seen.get(seen.size() - 1)) + "; " + e.getMessage(), e);
    }
  }

  /** Every member's status and log tail. */
  String diagnostics() {
    StringBuilder b = new StringBuilder();
    for (Member m : members) {
      b.append("==== ").append(m).append(m.running() ? " running" : " down").append('\n')
          .append(m.status()).append(m.tail());
    }
    return b.toString();
  }

  private static final java.util.Set<Integer> USED_PORTS =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** A loopback port nothing listens on, never handed out twice by this JVM. */
  static int freePort() throws IOException {
    while (true) {
      try (ServerSocket s = new ServerSocket(0)) {
        if (USED_PORTS.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      }
    }
  }

  @Override
  public void close() {
    for (Member m : members) {
      try {
        m.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
