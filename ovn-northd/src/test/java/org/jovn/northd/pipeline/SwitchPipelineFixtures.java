package org.jovn.northd.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.northd.flow.LogicalFlow;
import org.jovn.northd.model.RouterPortInput;
import org.jovn.northd.model.SwitchInput;
import org.jovn.northd.model.SwitchPortInput;
import org.jovn.northd.net.PortAddresses;

/** Builds switch inputs the way the Northbound database would describe them, for tests. */
final class SwitchPipelineFixtures {
  private SwitchPipelineFixtures() {
  }

  static UUID uuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /** A router port with {@code mac} and {@code networks}. */
  static RouterPortInput lrp(String name, String mac, String... networks) {
    return new RouterPortInput(uuid(name), name,
        PortAddresses.ofRouterPort(mac, Arrays.asList(networks)), true, Optional.empty());
  }

  /** The same router port, disabled. */
  static RouterPortInput disabled(RouterPortInput rp) {
    return new RouterPortInput(rp.uuid(), rp.name(), rp.addresses(), false, rp.peer());
  }

  static Port port(String name) {
    return new Port(name);
  }

  /** A {@code router} switch port with addresses "router", attached to {@code peer}. */
  static Port routerPort(String name, RouterPortInput peer) {
    return new Port(name).type("router").option("router-port", peer.name()).peer(peer)
        .addresses("router");
  }

  static SwitchInput sw(String name, Port... ports) {
    return sw(name, Map.of(), ports);
  }

  static SwitchInput sw(String name, Map<String, String> otherConfig, Port... ports) {
    List<SwitchPortInput> list = new ArrayList<>();
    for (Port p : ports) {
      list.add(p.build());
    }
    list.sort(Comparator.comparing(SwitchPortInput::name));
    return new SwitchInput(uuid(name), name, otherConfig, list);
  }

  /** The flows as {@code ovn-sbctl lflow-list} prints one datapath, without its UUID. */
  static List<String> render(List<LogicalFlow> flows) {
    List<String> out = new ArrayList<>();
    String pipeline = null;
    for (LogicalFlow f : flows) {
      String p = f.stage().pipeline().sbName();
      if (!p.equals(pipeline)) {
        out.add("Pipeline: " + p);
        pipeline = p;
      }
      out.add(String.format("  table=%-2d(%-19s), priority=%-5d, match=(%s), action=(%s)",
          f.stage().table(), f.stage().stageName(), f.priority(), f.match(), f.actions()));
    }
    return out;
  }

  /** A switch port under construction. */
  static final class Port {
    private final String name;
    private String type = "";
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> addresses = new ArrayList<>();
    private final List<String> portSecurity = new ArrayList<>();
    private boolean enabled = true;
    private RouterPortInput peer;

    private Port(String name) {
      this.name = name;
    }

    Port type(String t) {
      this.type = t;
      return this;
    }

    Port option(String key, String value) {
      options.put(key, value);
      return this;
    }

    /** Entries of {@code addresses}: "MAC IP...", "unknown" or "router". */
    Port addresses(String... entries) {
      addresses.addAll(Arrays.asList(entries));
      return this;
    }

    Port portSecurity(String... entries) {
      portSecurity.addAll(Arrays.asList(entries));
      return this;
    }

    Port disabled() {
      this.enabled = false;
      return this;
    }

    private Port peer(RouterPortInput rp) {
      this.peer = rp;
      return this;
    }

    SwitchPortInput build() {
      List<PortAddresses> effective = new ArrayList<>();
      boolean unknown = false;
      for (String a : addresses) {
        if (a.equals("unknown")) {
          unknown = true;
        } else if (a.equals("router")) {
          Optional.ofNullable(peer).ifPresent(rp -> effective.add(rp.addresses()));
        } else {
          effective.add(PortAddresses.parse(a).orElseThrow());
        }
      }
      return new SwitchPortInput(uuid(name), name, type, options, effective, unknown,
          portSecurity, enabled, Optional.ofNullable(peer));
    }
  }

  /**
   * The lines of {@code golden/NAME.txt}, a capture of the real ovn-northd's output, without
   * its {@code #} header.
   */
  static List<String> golden(String name) throws java.io.IOException {
    try (java.io.InputStream s = SwitchPipelineFixtures.class.getResourceAsStream(
        "/golden/" + name + ".txt")) {
      org.assertj.core.api.Assertions.assertThat(s).as("golden file %s", name).isNotNull();
      return new String(s.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.startsWith("#")).toList();
    }
  }

  /**
   * Checks, softly, every switch's flows against the real ovn-northd's in golden file
   * {@code file} (flows listed per datapath name).
   */
  static void softlyMatchSwitches(org.assertj.core.api.SoftAssertions softly,
      org.jovn.northd.model.NorthboundInputs in, String file) throws java.io.IOException {
    for (SwitchInput sw : in.switches().values()) {
      List<String> golden = org.jovn.northd.GoldenNorthbound.flowsOf(file, sw.name());
      softly.assertThat(RouterPipelineTest.lines(SwitchPipeline.flows(sw)))
          .as("switch %s", sw.name()).containsExactlyInAnyOrderElementsOf(golden);
    }
  }

  /** The flows that carry {@code tags:in_out_port}, one line each as the golden files list them. */
  static List<String> portTags(List<LogicalFlow> flows) {
    List<String> out = new java.util.ArrayList<>();
    for (LogicalFlow f : flows) {
      if (f.inOutPort() != null) {
        out.add(String.format("Port: %s %s %s %d match=(%s) action=(%s)", f.inOutPort(),
            f.stage().pipeline().sbName(), f.stage().stageName(), f.priority(), f.match(),
            f.actions()));
      }
    }
    return out;
  }
}
