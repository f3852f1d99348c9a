package org.jovn.ovsdb.rpc.unixctl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jovn.ovsdb.rpc.Remote;
import org.jovn.ovsdb.rpc.RpcOptions;
import org.jovn.ovsdb.rpc.RpcServer;
import org.jovn.ovsdb.rpc.RpcTransport;

/**
 * An {@code ovs-appctl}-compatible control socket: {@code ovs-appctl -t PATH COMMAND [ARG...]}.
 *
 * <p>Behaves like OVS's {@code lib/unixctl.c}: built-in {@code list-commands} and {@code version};
 * unknown commands, wrong argument counts and non-string arguments are answered with OVS's error
 * texts; each connection runs one command at a time. Replies get a trailing newline if they lack
 * one.
 *
 * <p>Thread-safe: commands may be registered before or after {@link #start}. The creator owns the
 * server and closes it, which closes its connections and deletes the socket file.
 */
public final class UnixctlServer implements AutoCloseable {
  private final Map<String, CommandEntry> commands = new ConcurrentSkipListMap<>();
  private volatile RpcServer server;

  /**
   * Creates a server with the built-in commands.
   *
   * @param version the text {@code version} prints, e.g. {@code ovsdb-server (jovn) 0.1.0}
   */
  public UnixctlServer(String version) {
    Objects.requireNonNull(version, "version");
    register("list-commands", "", 0, 0, (args, reply) -> reply.success(listCommands()));
    register("version", "", 0, 0, (args, reply) -> reply.success(version));
  }

  /**
   * Registers a command.
   *
   * @param name the command name, e.g. {@code ovsdb-server/list-dbs}
   * @param usage argument synopsis shown by {@code list-commands}, may be empty
   * @param minArgs fewest arguments accepted
   * @param maxArgs most arguments accepted ({@link Integer#MAX_VALUE} for no limit)
   * @throws IllegalArgumentException if the name is taken or the bounds are inconsistent
   */
  public void register(String name, String usage, int minArgs, int maxArgs,
      UnixctlCommand command) {
    Objects.requireNonNull(name, "name");
    CommandEntry entry = new CommandEntry(usage, minArgs, maxArgs, command);
    if (commands.putIfAbsent(name, entry) != null) {
      throw new IllegalArgumentException("unixctl command \"" + name + "\" is already registered");
    }
  }

  /**
   * Starts listening on the unix socket {@code path}, replacing a stale socket file. Blocks until
   * bound; must not be called on an event loop.
   *
   * @throws IllegalStateException if already started
   * @throws java.io.UncheckedIOException if the socket cannot be bound
   */
  public synchronized void start(RpcTransport transport, Path path) {
    if (server != null) {
      throw new IllegalStateException("unixctl server already started on " + server.remote());
    }
    RpcOptions options = RpcOptions.defaults().withProbeInterval(Duration.ZERO);
    server = RpcServer.bind(transport, new Remote(Remote.Kind.PUNIX, null, 0, path), options,
        connection -> new UnixctlSession(commands));
  }

  /** Returns the socket path, or null if not started. */
  public Path path() {
    RpcServer current = server;
    return current == null ? null : current.remote().path();
  }

  private String listCommands() {
    StringBuilder text = new StringBuilder("The available commands are:\n");
    commands.forEach((name, entry) ->
        text.append(String.format("  %-23s %s", name, entry.usage())).append('\n'));
    return text.toString();
  }

  /** Stops listening, closes connections and deletes the socket file. Idempotent. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
    }
  }
}
