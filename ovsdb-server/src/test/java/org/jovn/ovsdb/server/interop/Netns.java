package org.jovn.ovsdb.server.interop;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A network namespace with a unique name, deleted (with every interface inside it, including
 * veth ends whose peers live elsewhere) on {@link #close}. Stop processes running inside it
 * first.
 */
public final class Netns implements AutoCloseable {
  private final String name;

  private Netns(String name) {
    this.name = name;
  }

  /** A fresh random prefix such as {@code "jv3f9a"}, to name namespaces and veths uniquely. */
  public static String uniquePrefix() {
    return "jv" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  /** Creates namespace {@code name} with its loopback up. */
  public static Netns create(String name) {
    RealTools.run("ip", "netns", "add", name).check();
    Netns ns = new Netns(name);
    ns.exec("ip", "link", "set", "lo", "up").check();
    return ns;
  }

  public String name() {
    return name;
  }

  /** Runs a command inside this namespace. */
  public RealTools.Result exec(String... command) {
    return RealTools.run(RealTools.inNetns(name, command));
  }

  @Override
  public void close() {
    RealTools.run("ip", "netns", "delete", name);
  }
}
