package org.jovn.northd.sb;

import java.util.Map;
import java.util.UUID;

/** Reading what northd records in Southbound rows' {@code external_ids}. */
final class ExternalIds {
  private ExternalIds() {}

  /** The UUID under {@code key}, or null if there is none or it does not parse. */
  static UUID uuid(Map<String, String> externalIds, String key) {
    String id = externalIds.get(key);
    if (id == null) {
      return null;
    }
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
