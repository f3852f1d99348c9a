package org.jovn.northd.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the logical flows of one datapath while a pipeline builder adds them. Not
 * thread-safe: one builder at a time.
 */
public final class FlowSink {
  private final List<LogicalFlow> flows = new ArrayList<>();

  /** Adds a flow about no port in particular. */
  public void add(Stage stage, int priority, String match, String actions) {
    flows.add(new LogicalFlow(stage, priority, match, actions));
  }

  /** Adds a flow about one logical port ({@code tags:in_out_port}). */
  public void addForPort(Stage stage, int priority, String match, String actions, String port) {
    flows.add(new LogicalFlow(stage, priority, match, actions, port));
  }

  /** The flows added so far, in order of addition. */
  public List<LogicalFlow> flows() {
    return List.copyOf(flows);
  }
}
