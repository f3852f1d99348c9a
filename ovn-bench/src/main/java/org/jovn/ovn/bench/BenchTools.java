package org.jovn.ovn.bench;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The Open vSwitch programs and OVN schemas every trial uses, whichever northd it measures.
 *
 * @param ovsdbServer the database server to run (the same for every northd)
 * @param ovsdbTool the tool that creates the database files
 * @param nbSchema the OVN_Northbound schema file
 * @param sbSchema the OVN_Southbound schema file
 */
record BenchTools(String ovsdbServer, String ovsdbTool, Path nbSchema, Path sbSchema) {
  BenchTools {
    Objects.requireNonNull(ovsdbServer, "ovsdbServer");
    Objects.requireNonNull(ovsdbTool, "ovsdbTool");
    Objects.requireNonNull(nbSchema, "nbSchema");
    Objects.requireNonNull(sbSchema, "sbSchema");
  }
}
