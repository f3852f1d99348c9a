package org.jovn.ovsdb.rpc;

import java.nio.file.Path;

/** Parses OVS connection method strings into {@link Remote}s. Stateless. */
final class RemoteParser {
  private static final String ANY_ADDRESS = "0.0.0.0";

  private RemoteParser() {}

  static Remote parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("remote must not be null");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "remote \"" + text + "\": expected METHOD:ARGS, e.g. tcp:127.0.0.1:6640");
    }
    Remote.Kind kind = kind(text, text.substring(0, colon));
    String rest = text.substring(colon + 1);
    try {
      if (kind.unix()) {
        if (rest.isEmpty()) {
          throw new IllegalArgumentException("missing socket path");
        }
        return new Remote(kind, null, 0, Path.of(rest));
      }
      return kind.passive() ? passive(kind, rest) : active(kind, rest);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("remote \"" + text + "\": " + e.getMessage(), e);
    }
  }

  private static Remote.Kind kind(String text, String prefix) {
    for (Remote.Kind kind : Remote.Kind.values()) {
      if (kind.prefix().equals(prefix)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "remote \"" + text + "\": unknown connection method \"" + prefix
            + "\" (expected ptcp, pssl, punix, tcp, ssl or unix)");
  }

  /** {@code [PORT][:IP]}. */
  private static Remote passive(Remote.Kind kind, String rest) {
    int colon = rest.indexOf(':');
    String portText = colon < 0 ? rest : rest.substring(0, colon);
    String host = colon < 0 ? ANY_ADDRESS : host(rest.substring(colon + 1));
    int port = portText.isEmpty() ? Remote.DEFAULT_PORT : port(portText);
    return new Remote(kind, host, port, null);
  }

  /** {@code HOST[:PORT]}, HOST possibly a bracketed IPv6 address. */
  private static Remote active(Remote.Kind kind, String rest) {
    String hostText;
    String portText;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unterminated '[' in IPv6 address");
      }
      hostText = rest.substring(0, close + 1);
      String after = rest.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw new IllegalArgumentException("expected ':' after ']'");
      }
      portText = after.isEmpty() ? "" : after.substring(1);
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon >= 0 && rest.indexOf(':') != colon) {
        throw new IllegalArgumentException("IPv6 address must be in brackets");
      }
      hostText = colon < 0 ? rest : rest.substring(0, colon);
      portText = colon < 0 ? "" : rest.substring(colon + 1);
    }
    int port = portText.isEmpty() ? Remote.DEFAULT_PORT : port(portText);
    if (port == 0) {
      throw new IllegalArgumentException("port 0 is not valid for an active remote");
    }
    return new Remote(kind, host(hostText), port, null);
  }

  private static String host(String text) {
    String host = text;
    if (host.startsWith("[")) {
      if (!host.endsWith("]")) {
        throw new IllegalArgumentException("unterminated '[' in IPv6 address");
      }
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("IPv6 address must be in brackets");
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("missing host");
    }
    return host;
  }

  private static int port(String text) {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port \"" + text + "\" is not a number", e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is out of range [0, 65535]");
    }
    return port;
  }
}
