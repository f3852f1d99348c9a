package org.jovn.ovsdb.rpc.unixctl;

/**
 * The answer to one control command. Thread-safe; only the first call of either method has an
 * effect. As in OVS, a non-empty text without a trailing newline gets one appended.
 */
public interface UnixctlReply {
  /** Replies with the command's output ({@code ovs-appctl} prints it and exits 0). */
  void success(String output);

  /** Replies with an error ({@code ovs-appctl} prints it to stderr and exits 2). */
  void error(String message);
}
