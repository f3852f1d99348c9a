package org.jovn.ovsdb.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jovn.ovsdb.schema.DatabaseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesTest {
  @Test
  void type_schemaTableNames_becomeJavaClassNames() {
    assertThat(Names.type("Logical_Switch_Port")).isEqualTo("LogicalSwitchPort");
    assertThat(Names.type("NB_Global")).isEqualTo("NbGlobal");
    assertThat(Names.type("ACL")).isEqualTo("Acl");
  }

  @Test
  void member_reservedWords_getASuffix() {
    assertThat(Names.member("other_config")).isEqualTo("otherConfig");
    assertThat(Names.member("default")).isEqualTo("default_");
    assertThat(Names.constant("other_config")).isEqualTo("OTHER_CONFIG");
  }

  @Test
  void generate_nbSchema_writesARecordPerTableWithIndexLookups(@TempDir Path dir)
      throws Exception {
    DatabaseSchema nb = DatabaseSchema.bundled("ovn-nb");
    BindingGenerator.generate(nb, "x.nb", dir);
    String lsp = Files.readString(dir.resolve("x/nb/LogicalSwitchPort.java"));
    assertThat(lsp).contains("public record LogicalSwitchPort(")
        .contains("Optional<Ref<HaChassisGroup>> haChassisGroup")
        .contains("public static Optional<LogicalSwitchPort> byName(ReplicaSnapshot snapshot, "
            + "String name)");
    assertThat(dir.resolve("x/nb")).isDirectoryContaining(p -> p.endsWith("package-info.java"));
    assertThat(Files.list(dir.resolve("x/nb")).count()).isEqualTo(nb.tables().size() + 1);
  }
}
