package org.jovn.ovsdb.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides whether a server may be used, from its {@code _Server.Database} row for our database,
 * as OVS's C IDL does: a clustered database must be connected to its cluster, and be the leader
 * when leader-only; a standalone (or relay) database is always accepted; an index older than one
 * already seen means a stale server. Stateless.
 */
final class ServerCheck {
  private ServerCheck() {}

  /**
   * Returns null when the server may be used, else why not.
   *
   * @param row the row's columns in update2 "initial" form, or null when the server has no row
   * @param minIndex the highest raft index seen from earlier servers, or -1
   */
  static String verdict(JsonNode row, String database, boolean leaderOnly, long minIndex) {
    if (row == null) {
      return "server has no database " + database;
    }
    String model = row.path("model").asText("standalone");
    if (!model.equals("clustered")) {
      return null;
    }
    if (!row.path("connected").asBoolean(false)) {
      return "clustered database " + database + " is not connected to its cluster";
    }
    if (leaderOnly && !row.path("leader").asBoolean(false)) {
      return "clustered database " + database + " is not the leader";
    }
    long index = index(row);
    if (index >= 0 && index < minIndex) {
      return "clustered database " + database + " is stale (index " + index + " < " + minIndex
          + ")";
    }
    return null;
  }

  /** The row's raft index, or -1 when it has none ({@code index} is an optional integer). */
  static long index(JsonNode row) {
    JsonNode i = row.path("index");
    if (i.isIntegralNumber()) {
      return i.asLong();
    }
    if (i.isArray() && i.size() == 2 && i.get(1).isArray() && i.get(1).size() == 1) {
      return i.get(1).get(0).asLong();
    }
    return -1;
  }
}
