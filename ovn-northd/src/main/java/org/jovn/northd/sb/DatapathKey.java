package org.jovn.northd.sb;

import java.util.Optional;
import java.util.UUID;
import org.jovn.ovn.sb.DatapathBinding;

/**
 * Which Northbound switch or router a {@code Datapath_Binding} stands for, from its
 * {@code external_ids:logical-switch} or {@code logical-router} (the keys ovn-controller reads to
 * tell switches from routers).
 */
record DatapathKey(UUID nbUuid, boolean isSwitch) {
  static final String LOGICAL_SWITCH = "logical-switch";
  static final String LOGICAL_ROUTER = "logical-router";

  static Optional<DatapathKey> of(DatapathBinding dp) {
    String ls = dp.externalIds().get(LOGICAL_SWITCH);
    String lr = dp.externalIds().get(LOGICAL_ROUTER);
    try {
      if (ls != null && lr == null) {
        return Optional.of(new DatapathKey(UUID.fromString(ls), true));
      }
      if (lr != null && ls == null) {
        return Optional.of(new DatapathKey(UUID.fromString(lr), false));
      }
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
