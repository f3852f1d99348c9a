package org.jovn.ovsdb.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/** Validation shared by the message records. */
final class Messages {
  private Messages() {}

  static void checkParams(JsonNode params) {
    if (params == null || !params.isArray()) {
      throw new IllegalArgumentException("params must be a JSON array");
    }
  }
}
