package org.jovn.northd.flow;

/** The two pipelines of a logical datapath, as {@code Logical_Flow.pipeline} names them. */
public enum Pipeline {
  INGRESS("ingress"),
  EGRESS("egress");

  private final String sbName;

  Pipeline(String sbName) {
    this.sbName = sbName;
  }

  /** The value of {@code Logical_Flow.pipeline}. */
  public String sbName() {
    return sbName;
  }
}
