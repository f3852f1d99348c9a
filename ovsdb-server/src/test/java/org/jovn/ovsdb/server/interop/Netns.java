package org.jovn.ovsdb.server.interop;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A network namespace with a unique name, deleted (with every interface inside it, including
 * veth ends whose peers live elsewhere) on {@link #close}. Stop processes running inside it
 * first.
 */
final class Netns implements AutoCloseable {
  private final String name;

  private Netns(String name) {
    this.name = name;
  }

  /** A fresh random prefix such as {@code "jv3f9a"}, to name namespaces and veths uniquely. */
  static String uniquePrefix() {
    return "jv" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  }

  /** Creates namespace {@code name} with its loopback up. */
  static Netns create(String name) {
    RealTools.run("ip", "netns", "add", name).check();
    Netns ns = new Netns(name);
    ns.exec("ip", "link", "set", "lo", "up").check();
    return ns;
  }

  String name() {
    return name;
  }

  /** Runs a command inside this namespace. */
  RealTools.Result exec(String... command) {
    return RealTools.run(RealTools.inNetns(name, command));
  }

  @Override
  public void close() {
    RealTools.run("ip", "netns", "delete", name);
  }
}
