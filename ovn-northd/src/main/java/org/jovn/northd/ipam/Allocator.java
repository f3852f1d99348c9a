package org.jovn.northd.ipam;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jovn.northd.net.MacAddress;

/**
 * Runs {@link Pass}es until one changes nothing, as ovn-northd does when each of its runs
 * reacts to the assignments the previous one wrote: some of its decisions (an address a new port
 * asks for is given unchecked, a kept address yields to a requested one) only settle on a later
 * pass. The result is where ovn-northd ends up, in one step.
 *
 * <p>Settling takes two or three passes in practice. If {@link #MAX_PASSES} do not settle, the
 * state after the last one is returned, and the next call will change it again.
 */
final class Allocator {
  static final int MAX_PASSES = 16;

  private Allocator() {}

  /** The ports whose {@code dynamic_addresses} end up changed, and their final values. */
  static Map<UUID, Optional<String>> run(IpamInput in, MacAddress prefix) {
    Map<UUID, Optional<String>> original = new HashMap<>();
    for (IpamInput.Switch s : in.switches()) {
      s.ports().forEach(p -> original.put(p.uuid(), p.dynamicAddresses()));
    }
    Map<UUID, Optional<String>> changed = new LinkedHashMap<>();
    IpamInput state = in;
    for (int i = 0; i < MAX_PASSES; i++) {
      Map<UUID, Optional<String>> pass = Pass.run(state, prefix);
      if (pass.isEmpty()) {
        break;
      }
      changed.putAll(pass);
      state = state.with(pass);
    }
    changed.entrySet().removeIf(e -> e.getValue().equals(original.get(e.getKey())));
    return Collections.unmodifiableMap(changed);
  }
}
