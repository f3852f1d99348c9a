package org.jovn.ovsdb.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jovn.ovsdb.raft.ClusterAddress;
import org.jovn.ovsdb.rpc.unixctl.UnixctlServer;

/**
 * ovsdb-server's control commands, answered as {@code ovs-appctl} expects: exit,
 * ovsdb-server/compact, list-dbs, add-remote, remove-remote, list-remotes and memory/show.
 */
final class ServerCommands {
  private ServerCommands() {}

  static void register(UnixctlServer u, OvsdbServer server) {
    u.register("exit", "", 0, 0, (args, reply) -> {
      reply.success("");
      server.requestExit();
    });
    u.register("ovsdb-server/list-dbs", "", 0, 0, (args, reply) -> {
      StringBuilder out = new StringBuilder();
      server.databaseNames().forEach(n -> out.append(n.asText()).append('\n'));
      reply.success(out.toString());
    });
    u.register("ovsdb-server/compact", "", 0, Integer.MAX_VALUE,
        (args, reply) -> compact(server, args).whenComplete((v, e) -> {
          if (e == null) {
            reply.success("");
          } else {
            reply.error(rootMessage(e));
          }
        }));
    u.register("ovsdb-server/add-remote", "REMOTE", 1, 1, (args, reply) -> {
      try {
        server.addRemote(args.get(0));
        reply.success("");
      } catch (IllegalArgumentException e) {
        reply.error(e.getMessage());
      }
    });
    u.register("ovsdb-server/remove-remote", "REMOTE", 1, 1, (args, reply) -> {
      if (server.removeRemote(args.get(0))) {
        reply.success("");
      } else {
        reply.error("no such remote");
      }
    });
    u.register("ovsdb-server/list-remotes", "", 0, 0, (args, reply) -> {
      StringBuilder out = new StringBuilder();
      server.listRemotes().forEach(r -> out.append(r).append('\n'));
      reply.success(out.toString());
    });
    registerCluster(u, server);
    u.register("memory/show", "", 0, 0, (args, reply) -> {
      List<CompletableFuture<String>> parts = new ArrayList<>();
      for (DatabaseEngine e : server.engines()) {
        parts.add(e.memoryReport().thenApply(s -> e.name() + ": " + s));
      }
      CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
        StringBuilder out = new StringBuilder("sessions:" + server.sessionCount() + "\n");
        parts.forEach(p -> out.append(p.getNow("?")).append('\n'));
        reply.success(out.toString());
      });
    });
  }

  /** The cluster/* commands of a clustered ovsdb-server. */
  private static void registerCluster(UnixctlServer u, OvsdbServer server) {
    u.register("cluster/status", "DB", 1, 1, (args, reply) ->
        withMember(server, args.get(0), reply, m -> reply.success(
            m.replica().status().render(args.get(0)))));
    u.register("cluster/cid", "DB", 1, 1, (args, reply) ->
        withMember(server, args.get(0), reply, m -> reply.success(m.replica().cid() + "\n")));
    u.register("cluster/sid", "DB", 1, 1, (args, reply) ->
        withMember(server, args.get(0), reply, m -> reply.success(m.replica().sid() + "\n")));
    u.register("cluster/leave", "DB", 1, 1, (args, reply) ->
        withMember(server, args.get(0), reply, m -> m.replica().leave().whenComplete((v, e) -> {
          if (e == null) {
            reply.success("");
          } else {
            reply.error(rootMessage(e));
          }
        })));
    u.register("cluster/kick", "DB SERVER", 2, 2, (args, reply) ->
        withMember(server, args.get(0), reply, m -> {
          ClusterAddress target;
          try {
            target = findServer(m, args.get(1));
          } catch (IllegalArgumentException e) {
            reply.error(e.getMessage());
            return;
          }
          m.replica().kick(target).whenComplete((v, e) -> {
            if (e == null) {
              reply.success("started removal\n");
            } else {
              reply.error(rootMessage(e));
            }
          });
        }));
    u.register("cluster/change-election-timer", "DB TIME", 2, 2, (args, reply) ->
        withMember(server, args.get(0), reply, m -> reply.error(
            "the election timer is fixed while the server runs; set it with "
                + "--election-timer when starting each member")));
  }

  /** Finds a member by address (tcp:IP:PORT) or by the first digits of its server id. */
  private static ClusterAddress findServer(ClusterMember m, String text) {
    for (ClusterAddress a : m.replica().status().servers()) {
      if (a.toString().equals(text) || a.serverId().toString().startsWith(text)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown server " + text);
  }

  private static void withMember(OvsdbServer server, String db,
      org.jovn.ovsdb.rpc.unixctl.UnixctlReply reply,
      java.util.function.Consumer<ClusterMember> action) {
    DatabaseEngine e = server.engine(db);
    if (e == null) {
      reply.error("no database named " + db);
    } else if (e.cluster() == null) {
      reply.error(db + " is not a clustered database");
    } else {
      try {
        action.accept(e.cluster());
      } catch (RuntimeException ex) {
        reply.error(rootMessage(ex));
      }
    }
  }

  private static CompletableFuture<Void> compact(OvsdbServer server, List<String> names) {
    List<DatabaseEngine> targets = new ArrayList<>();
    if (names.isEmpty()) {
      for (DatabaseEngine e : server.engines()) {
        if (!e.name().equals(ServerDatabase.NAME)) {
          targets.add(e);
        }
      }
    } else {
      for (String n : names) {
        DatabaseEngine e = server.engine(n);
        if (e == null) {
          return CompletableFuture.failedFuture(
              new IllegalArgumentException("no database by that name"));
        }
        targets.add(e);
      }
    }
    return CompletableFuture.allOf(targets.stream().map(DatabaseEngine::compact)
        .toArray(CompletableFuture[]::new));
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }
}
