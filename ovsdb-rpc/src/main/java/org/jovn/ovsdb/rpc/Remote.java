package org.jovn.ovsdb.rpc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An OVS connection method: where to listen ({@code ptcp:}, {@code pssl:}, {@code punix:}) or
 * connect ({@code tcp:}, {@code ssl:}, {@code unix:}). Immutable.
 *
 * <p>Syntax, as accepted by {@link #parse}: {@code ptcp:[PORT][:IP]}, {@code pssl:[PORT][:IP]},
 * {@code punix:PATH}, {@code tcp:HOST[:PORT]}, {@code ssl:HOST[:PORT]}, {@code unix:PATH}. IPv6
 * addresses go in brackets ({@code tcp:[::1]:6641}, {@code ptcp:6641:[::1]}). A missing port is
 * 6640; passive port 0 asks for an ephemeral port (see {@link RpcServer#remote()} for the port
 * actually bound). A passive remote without an address listens on all IPv4 addresses.
 *
 * @param kind the connection method
 * @param host the host or IP address (without brackets) for inet kinds, null for unix kinds
 * @param port the port for inet kinds (0 to 65535, active kinds at least 1), 0 for unix kinds
 * @param path the socket file for unix kinds, null for inet kinds
 */
public record Remote(Kind kind, String host, int port, Path path) {
  /** The default OVSDB port. */
  public static final int DEFAULT_PORT = 6640;

  /** The connection methods. */
  public enum Kind {
    PTCP("ptcp", true, false, false),
    PSSL("pssl", true, true, false),
    PUNIX("punix", true, false, true),
    TCP("tcp", false, false, false),
    SSL("ssl", false, true, false),
    UNIX("unix", false, false, true);

    private final String prefix;
    private final boolean passive;
    private final boolean ssl;
    private final boolean unix;

    Kind(String prefix, boolean passive, boolean ssl, boolean unix) {
      this.prefix = prefix;
      this.passive = passive;
      this.ssl = ssl;
      this.unix = unix;
    }

    /** Returns the method name as written before the colon, e.g. {@code ptcp}. */
    public String prefix() {
      return prefix;
    }

    /** Returns true for listening methods. */
    public boolean passive() {
      return passive;
    }

    /** Returns true for methods that use SSL. */
    public boolean ssl() {
      return ssl;
    }

    /** Returns true for unix domain socket methods. */
    public boolean unix() {
      return unix;
    }
  }

  /** @throws IllegalArgumentException if the components do not fit the kind */
  public Remote {
    Objects.requireNonNull(kind, "kind");
    if (kind.unix()) {
      if (path == null || path.toString().isEmpty() || host != null || port != 0) {
        throw new IllegalArgumentException(kind.prefix() + " remote needs a path and nothing else");
      }
    } else {
      int min = kind.passive() ? 0 : 1;
      if (host == null || host.isEmpty() || path != null || port < min || port > 65535) {
        throw new IllegalArgumentException(
            kind.prefix() + " remote needs a host and a port in [" + min + ", 65535], got "
                + host + " port " + port);
      }
    }
  }

  /**
   * Parses an OVS connection method string.
   *
   * @throws IllegalArgumentException naming the string and what is wrong with it
   */
  public static Remote parse(String text) {
    return RemoteParser.parse(text);
  }

  /** Returns a remote of the same kind and address with another port (for ephemeral binds). */
  public Remote withPort(int newPort) {
    return new Remote(kind, host, newPort, path);
  }

  /** Returns the OVS syntax for this remote, e.g. {@code ptcp:6641:127.0.0.1}. */
  @Override
  public String toString() {
    if (kind.unix()) {
      return kind.prefix() + ":" + path;
    }
    String address = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return kind.passive()
        ? kind.prefix() + ":" + port + ":" + address
        : kind.prefix() + ":" + address + ":" + port;
  }
}
