package org.jovn.ovsdb.rpc;

/**
 * A JSON value that is not a valid JSON-RPC message. The message says what was wrong, e.g.
 * {@code request has no method} or {@code "params" must be a JSON array}.
 */
public final class MalformedMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param reason what is wrong with the message */
  public MalformedMessageException(String reason) {
    super(reason);
  }
}
