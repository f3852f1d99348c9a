package org.jovn.northd.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jovn.ovsdb.server.interop.RealTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every northd interop class shares: one {@link Testbed} for the class (skipped with
 * {@code -Djovn.interop=false}); after each test, the check that ovn-controller logged no
 * logical flow it could not use and that ovn-trace parses every flow, then the background
 * processes the test started are stopped and the testbed is reset for the next test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TestbedInteropTest {
  /** The testbed, started once for the class. */
  Testbed bed;
  /** The class's working directory. */
  Path dir;
  private long logMark;
  private final List<Process> background = new ArrayList<>();

  @BeforeAll
  final void startTestbed(@TempDir Path tempDir) throws Exception {
    RealTools.assumeInteropEnabled();
    dir = tempDir;
    bed = Testbed.start(tempDir);
    afterStart();
  }

  @AfterAll
  final void stopTestbed() {
    try {
      stopBackground();
      beforeStop();
    } finally {
      if (bed != null) {
        bed.close();
      }
    }
  }

  @BeforeEach
  final void markLog() {
    logMark = bed.controllerLogMark();
    beforeEachTest();
  }

  @AfterEach
  final void checkFlowsThenReset() {
    try {
      assertThat(bed.flowErrorsSince(logMark))
          .as("logical flows ovn-controller could not use").isEmpty();
      assertThat(bed.unparsableFlows()).as("logical flows ovn-trace could not parse").isEmpty();
    } finally {
      stopBackground();
      cleanNorthbound();
      bed.reset();
    }
  }

  /** Sets up what the class needs beyond the testbed. */
  void afterStart() throws Exception {}

  /** Tears down what {@link #afterStart} set up, before the testbed closes. */
  void beforeStop() {}

  /** Runs before each test, once the log mark is taken. */
  void beforeEachTest() {}

  /** Removes Northbound rows {@link Testbed#reset} does not know of. */
  void cleanNorthbound() {}

  /** Where ovn-controller's log stood when the current test began. */
  long logMark() {
    return logMark;
  }

  /** A process the current test started; it is stopped after the test. */
  Process background(Process p) {
    background.add(p);
    return p;
  }

  private void stopBackground() {
    for (Process p : background) {
      p.destroyForcibly();
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    background.clear();
  }
}
