package org.jovn.ovsdb.server;

/** The jovn version shown by control sockets. */
public final class Version {
  public static final String VERSION = "0.1.0";

  private Version() {}
}
