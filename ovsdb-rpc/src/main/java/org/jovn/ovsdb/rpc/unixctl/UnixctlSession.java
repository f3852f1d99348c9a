package org.jovn.ovsdb.rpc.unixctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jovn.ovsdb.rpc.Notification;
import org.jovn.ovsdb.rpc.Request;
import org.jovn.ovsdb.rpc.RpcConnection;
import org.jovn.ovsdb.rpc.RpcHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control connection. Like OVS, it runs one command at a time: requests arriving while a
 * command is in progress wait in a queue. State is confined to the connection's event loop.
 */
final class UnixctlSession implements RpcHandler {
  private static final Logger LOG = LoggerFactory.getLogger(UnixctlSession.class);

  private final Map<String, CommandEntry> commands;
  private final Queue<Request> waiting = new ArrayDeque<>();
  private boolean busy;

  UnixctlSession(Map<String, CommandEntry> commands) {
    this.commands = commands;
  }

  @Override
  public void onRequest(RpcConnection connection, Request request) {
    waiting.add(request);
    runNext(connection);
  }

  @Override
  public void onNotification(RpcConnection connection, Notification notification) {
    LOG.warn("{}: received unexpected notification \"{}\", disconnecting", connection.name(),
        notification.method());
    connection.close();
  }

  private void runNext(RpcConnection connection) {
    while (!busy && !waiting.isEmpty()) {
      Request request = waiting.remove();
      busy = true;
      LOG.debug("{}: received request {}{}", connection.name(), request.method(),
          request.params());
      Reply reply = new Reply(connection, request.id());
      String error = check(request);
      if (error != null) {
        reply.error(error);
        continue;
      }
      try {
        commands.get(request.method()).command().execute(arguments(request.params()), reply);
      } catch (RuntimeException e) {
        LOG.warn("{}: command \"{}\" failed", connection.name(), request.method(), e);
        reply.error("\"" + request.method() + "\" command failed: " + e);
      }
    }
  }

  /** Returns the error text OVS would send for this request, or null if it may run. */
  private String check(Request request) {
    String name = request.method();
    CommandEntry entry = commands.get(name);
    int count = request.params().size();
    if (entry == null) {
      return "\"" + name + "\" is not a valid command (use \"list-commands\" to see a list of"
          + " valid commands)";
    } else if (count < entry.minArgs()) {
      return "\"" + name + "\" command requires at least " + entry.minArgs() + " arguments";
    } else if (count > entry.maxArgs()) {
      return "\"" + name + "\" command takes at most " + entry.maxArgs() + " arguments";
    }
    for (JsonNode arg : request.params()) {
      if (!arg.isTextual()) {
        return "\"" + name + "\" command has non-string argument";
      }
    }
    return null;
  }

  private static List<String> arguments(JsonNode params) {
    List<String> args = new ArrayList<>(params.size());
    params.forEach(arg -> args.add(arg.textValue()));
    return List.copyOf(args);
  }

  /** Replies once, then lets the next waiting request run. */
  private final class Reply implements UnixctlReply {
    private final RpcConnection connection;
    private final JsonNode id;
    private final AtomicBoolean done = new AtomicBoolean();

    Reply(RpcConnection connection, JsonNode id) {
      this.connection = connection;
      this.id = id;
    }

    @Override
    public void success(String output) {
      send(true, output);
    }

    @Override
    public void error(String message) {
      send(false, message);
    }

    private void send(boolean success, String text) {
      if (!done.compareAndSet(false, true)) {
        LOG.warn("{}: command replied more than once; extra reply dropped", connection.name());
        return;
      }
      String body = text == null ? "" : text;
      TextNode json = TextNode.valueOf(
          body.isEmpty() || body.endsWith("\n") ? body : body + "\n");
      LOG.debug("{}: replying with {}, id={}: \"{}\"", connection.name(),
          success ? "success" : "error", id, body);
      if (success) {
        connection.reply(id, json);
      } else {
        connection.replyError(id, json);
      }
      connection.executor().execute(() -> {
        busy = false;
        runNext(connection);
      });
    }
  }
}
