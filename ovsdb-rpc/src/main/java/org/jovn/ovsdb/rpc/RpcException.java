package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The peer answered a call with an error response; {@link #error()} is the error it sent. */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient JsonNode error;

  /** @param error the non-null error member of the response */
  public RpcException(JsonNode error) {
    super("peer replied with error: " + error);
    this.error = error;
  }

  /** Returns the error member of the response, as received. */
  public JsonNode error() {
    return error;
  }
}
