package org.jovn.ovsdb.rpc.unixctl;

import java.util.List;

/**
 * A control command. Called on an event loop: it must not block; slow commands reply later, from
 * any thread. A connection handles one command at a time, so every call must eventually reply.
 * An exception thrown by the command is sent to the client as an error.
 */
@FunctionalInterface
public interface UnixctlCommand {
  /**
   * Runs the command.
   *
   * @param args the arguments after the command name, already checked against the registered
   *     minimum and maximum count
   * @param reply where to send the output or error, exactly once
   */
  void execute(List<String> args, UnixctlReply reply);
}
