package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Handlers shared by the socket tests. */
final class TestHandlers {
  private TestHandlers() {}

  /** Answers "add" with the sum of its params, "fail" with an error; records notifications. */
  static final class Arithmetic implements RpcHandler {
    final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();

    @Override
    public void onRequest(RpcConnection connection, Request request) {
      switch (request.method()) {
        case "add" -> {
          long sum = 0;
          for (var param : request.params()) {
            sum += param.longValue();
          }
          connection.reply(request.id(), JsonNodeFactory.instance.numberNode(sum));
        }
        default -> connection.replyError(request.id(), TextNode.valueOf("unknown method"));
      }
    }

    @Override
    public void onNotification(RpcConnection connection, Notification notification) {
      notifications.add(notification);
    }
  }

  /** A handler that ignores everything. */
  static RpcHandler ignoring() {
    return (connection, request) -> { };
  }
}
