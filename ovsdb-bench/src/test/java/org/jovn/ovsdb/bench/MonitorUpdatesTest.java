package org.jovn.ovsdb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.rpc.Notification;
import org.junit.jupiter.api.Test;

class MonitorUpdatesTest {
  private static Notification notification(String method, String params) {
    return new Notification(method, Json.parse(params));
  }

  @Test
  void rowNames_update2Insert_givesName() {
    Notification n = notification("update2", "[\"bench\",{\"Address_Set\":{\"u1\":{\"insert\":"
        + "{\"name\":\"a\",\"addresses\":\"10.0.0.1\"}},\"u2\":{\"delete\":null}}}]");
    assertThat(MonitorUpdates.rowNames(n)).containsExactly("a");
  }

  @Test
  void rowNames_updateNew_givesName() {
    Notification n = notification("update",
        "[\"bench\",{\"Address_Set\":{\"u1\":{\"new\":{\"name\":\"b\"}}}}]");
    assertThat(MonitorUpdates.rowNames(n)).containsExactly("b");
  }

  @Test
  void rowNames_update3_readsThirdParam() {
    Notification n = notification("update3", "[\"bench\",\"00000000-0000-0000-0000-000000000000\","
        + "{\"Address_Set\":{\"u1\":{\"insert\":{\"name\":\"c\"}}}}]");
    assertThat(MonitorUpdates.rowNames(n)).containsExactly("c");
  }

  @Test
  void rowNames_otherTableOrMethod_givesNothing() {
    assertThat(MonitorUpdates.rowNames(notification("update2",
        "[\"bench\",{\"Logical_Switch\":{\"u1\":{\"insert\":{\"name\":\"d\"}}}}]"))).isEmpty();
    assertThat(MonitorUpdates.rowNames(notification("locked", "[\"x\"]"))).isEmpty();
  }

  @Test
  void tracker_lastOfTwoMonitors_completesPending() throws Exception {
    FanoutTracker tracker = new FanoutTracker();
    FanoutTracker.Pending p = tracker.expect("a", 2);
    Notification n = notification("update2",
        "[\"bench\",{\"Address_Set\":{\"u1\":{\"insert\":{\"name\":\"a\"}}}}]");
    tracker.onNotification(n);
    assertThat(p.remaining()).isEqualTo(1);
    tracker.onNotification(n);
    assertThat(p.await(1, java.util.concurrent.TimeUnit.SECONDS)).isNotNegative();
    assertThat(tracker.matched()).isEqualTo(2);
  }

  @Test
  void parseVmRss_statusText_givesBytes() {
    String status = "Name:\tovsdb-server\nVmPeak:\t  9999 kB\nVmRSS:\t   12512 kB\nThreads: 1\n";
    assertThat(ServerMemory.parseVmRss(status, Path.of("status"))).isEqualTo(12512L * 1024);
  }
}
