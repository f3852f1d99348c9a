package org.jovn.northd.diff;

/**
 * A flow of one stage that is not identical on both sides.
 *
 * @param kind how it differs
 * @param datapath the datapath's name
 * @param priority its priority
 * @param match its match
 * @param realActions the real ovn-northd's actions; null when {@link Kind#EXTRA}
 * @param ourActions jovn's actions; null when {@link Kind#MISSING}
 */
record FlowDifference(Kind kind, String datapath, int priority, String match,
    String realActions, String ourActions) {
  /** How a flow differs between the two sides. */
  enum Kind {
    /** The same datapath, stage, priority and match, other actions. */
    DIFFERENT,
    /** Only the real ovn-northd has it. */
    MISSING,
    /** Only jovn has it. */
    EXTRA;

    String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  FlowDifference {
    if ((realActions == null) != (kind == Kind.EXTRA)
        || (ourActions == null) != (kind == Kind.MISSING)) {
      throw new IllegalArgumentException(kind + " with real actions " + realActions
          + " and our actions " + ourActions);
    }
  }

  @Override
  public String toString() {
    String flow = datapath + " priority=" + priority + ", match=(" + match + ")";
    return switch (kind) {
      case DIFFERENT -> "different " + flow + ", real action=(" + realActions
          + "), our action=(" + ourActions + ")";
      case MISSING -> "missing " + flow + ", action=(" + realActions + ")";
      case EXTRA -> "extra " + flow + ", action=(" + ourActions + ")";
    };
  }
}
