// Real peer: the Open vSwitch Python IDL (ovs.db.idl from Debian's python3-openvswitch, OVS 3.1)
// against jovn's OVN_Northbound server.
package org.jovn.ovsdb.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jovn.ovsdb.json.Json;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python IDL (leader_only, all NB tables) syncs, writes and reads back through jovn. */
class PythonIdlInteropTest {
  @TempDir Path dir;
  private JovnServer server;

  @BeforeEach
  void setUp() throws Exception {
    RealTools.assumeInteropEnabled();
    server = JovnServer.start(dir, "nb", "ovn-nb");
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
  }

  /** Copies a script from the test resources into the temp dir. */
  private Path script(String name) throws Exception {
    Path script = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream(name)) {
      Files.copy(in, script);
    }
    return script;
  }

  private Path schema() throws Exception {
    Path schema = dir.resolve("ovn-nb.ovsschema");
    Files.writeString(schema, Json.write(DatabaseSchema.bundled("ovn-nb").json()));
    return schema;
  }

  @Test
  void idl_leaderOnly_syncsInsertsUpdatesAndDeletes() throws Exception {
    Path script = script("idl_nb.py");
    Path schema = schema();
    RealTools.run("ovsdb-client", "--timeout=20", "transact", server.unix(),
        "[\"OVN_Northbound\",{\"op\":\"insert\",\"table\":\"Logical_Switch\","
            + "\"row\":{\"name\":\"pre\"}}]").check();

    RealTools.Result r = RealTools.run(Map.of(), Duration.ofSeconds(90), null,
        List.of(RealTools.pythonWithOvs(), script.toString(), server.unix(), schema.toString()));

    assertThat(r.exit()).as(r::toString).isZero();
    assertThat(r.stdout().lines().toList()).as(r::toString).containsExactly(
        "synced [('pre', [])]",
        "commit success",
        "inserted uuid True",
        "after insert [('from-python', [('written-by', 'python-idl')]), ('pre', [])]",
        "commit success",
        "after update [('from-python', [('step', 'updated'), ('written-by', 'python-idl')]),"
            + " ('pre', [])]",
        "commit success",
        "after delete [('pre', [])]");
    assertThat(RealTools.run("ovsdb-client", "dump", server.unix(), "OVN_Northbound",
        "Logical_Switch", "name").check().stdout()).contains("pre").doesNotContain("from-python");
  }

  @Test
  void idl_idleOverTcp_survivesInactivityProbes() throws Exception {
    // Over TCP both the IDL and the server probe an idle peer every 5 s and drop it 5 s later
    // without an answer; 14 s of silence makes each side send at least one "echo".
    RealTools.Result r = RealTools.run(Map.of(), Duration.ofSeconds(90), null,
        List.of(RealTools.pythonWithOvs(), script("idl_idle.py").toString(), server.tcp(),
            schema().toString(), "14"));

    assertThat(r.exit()).as(r::toString).isZero();
    assertThat(r.stdout().lines().toList()).as(r::toString)
        .containsExactly("connections 1", "update seen");
  }
}
