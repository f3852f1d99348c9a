package org.jovn.northd.diff;

/**
 * A stage of a logical pipeline by name, as both northds label their flows: the pipeline
 * ("ingress", "egress") and the stage name ({@code ls_in_l2_lkup}, {@code lr_out_delivery}).
 */
record StageId(String pipeline, String name) {
  /** True for a logical switch's stage ({@code ls_...}), false for a router's. */
  boolean logicalSwitch() {
    return !name.startsWith("lr_");
  }

  @Override
  public String toString() {
    return name + " (" + pipeline + ")";
  }
}
