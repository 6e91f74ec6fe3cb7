package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.format.Json;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.HistoryEntry;
import dev.emcc.store.StoreFixtures;
import dev.emcc.store.WorkspaceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImportExportCommandTest {
  @TempDir Path dir;
  @RegisterExtension final EnglishCli cli = new EnglishCli();

  private Path document(String name, Workspace ws) throws Exception {
    Path file = dir.resolve(name);
    WorkspaceFormat.write(ws, file);
    return file;
  }

  @Test
  void importStoresTheDocumentAndPrintsWhatChanged() throws Exception {
    Workspace ws = StoreFixtures.twoClusters();
    Path file = document("two.json", ws);
    Path db = dir.resolve("ws.db");

    assertThat(cli.run("import", file.toString(), "--db", db.toString())).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("Imported").contains("TOKYO: new cluster, 22 objects added")
        .contains("OSAKA: new cluster, 11 objects added");
    assertThat(cli.err()).isEmpty();
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      assertThat(store.load()).isEqualTo(ws);
      assertThat(store.history(1).get(0).summary()).isEqualTo("import two.json");
    }

    assertThat(cli.run("import", file.toString(), "--db", db.toString())).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("no changes");

    Workspace edited = ws.updateCluster("OSAKA", c -> c.withVersion("15.0"));
    assertThat(cli.run("import", document("edited.json", edited).toString(), "--db", db.toString())).isZero();
    assertThat(cli.out()).contains("OSAKA cluster: 1 changed").doesNotContain("TOKYO");

    Workspace fewer = Workspace.of(List.of(edited.cluster("TOKYO").orElseThrow()
        .withPhones(List.of(ws.cluster("TOKYO").orElseThrow().phones().get(0)))));
    assertThat(cli.run("import", document("fewer.json", fewer).toString(), "--db", db.toString())).isZero();
    assertThat(cli.out()).contains("TOKYO phones: 1 removed").contains("OSAKA: cluster removed, 11 objects removed");
  }

  @Test
  void aMalformedImportExitsTwoWithThePositionAndChangesNothing() throws Exception {
    Path db = dir.resolve("ws.db");
    assertThat(cli.run("import", document("good.json", StoreFixtures.twoClusters()).toString(), "--db", db.toString()))
        .isZero();
    byte[] before = Files.readAllBytes(db);
    String beforeHash = sha256(before);

    String good = Files.readString(dir.resolve("good.json"));
    Path typo = dir.resolve("typo.json");
    Files.writeString(typo, good.replaceFirst("\"address\"", "\"adress\""));
    assertThat(cli.run("import", typo.toString(), "--db", db.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    String line = cli.err().strip();
    assertThat(line).doesNotContain("\n").contains(typo.toString()).containsPattern(":\\d+:\\d+: ")
        .contains("$.clusters[0].nodes[0].adress").contains("unknown key \"adress\"");
    assertThat(cli.out()).isEmpty();

    Path truncated = dir.resolve("truncated.json");
    Files.writeString(truncated, good.substring(0, good.length() / 2));
    assertThat(cli.run("import", truncated.toString(), "--db", db.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err().strip()).doesNotContain("\n").contains(truncated.toString());

    Path duplicate = document("duplicate.json", StoreFixtures.twoClusters()
        .updateCluster("OSAKA", c -> c.withPhones(List.of(c.phones().get(0), c.phones().get(0)))));
    assertThat(cli.run("import", duplicate.toString(), "--db", db.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err().strip()).doesNotContain("\n").contains("$.clusters[1].phones[1].name");

    assertThat(cli.run("import", dir.resolve("missing.json").toString(), "--db", db.toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);

    assertThat(sha256(Files.readAllBytes(db))).isEqualTo(beforeHash);
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      assertThat(store.load()).isEqualTo(StoreFixtures.twoClusters());
      List<HistoryEntry> history = store.history(1000);
      assertThat(history).allSatisfy(h -> assertThat(h.summary()).isEqualTo("import good.json"));
    }
  }

  @Test
  void exportWritesTheWholeWorkspaceWithPinHashesOnly() throws Exception {
    Path db = dir.resolve("ws.db");
    Workspace ws = StoreFixtures.twoClusters();
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      store.save(ws);
    }
    Path exported = dir.resolve("out/exported.json");

    assertThat(cli.run("export", "--out", exported.toString(), "--db", db.toString())).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("Exported").contains(exported.toString());
    assertThat(WorkspaceFormat.read(exported)).isEqualTo(ws);
    String text = Files.readString(exported, StandardCharsets.UTF_8);
    assertThat(text).contains("\"pinHash\"").doesNotContain("\"pin\"").doesNotContain("24680");
    assertThat(ExportCommand.findSecret(Json.mapper().readTree(text), "$")).isNull();
    try (var files = Files.list(exported.getParent())) {
      assertThat(files).containsExactly(exported);
    }

    // An export of what an import stored is the same workspace again.
    Path db2 = dir.resolve("ws2.db");
    assertThat(cli.run("import", exported.toString(), "--db", db2.toString())).isZero();
    try (WorkspaceStore store = WorkspaceStore.open(db2)) {
      assertThat(store.load()).isEqualTo(ws);
    }
  }

  @Test
  void theSecretGuardFindsASecretKeyAnywhere() throws Exception {
    JsonNode doc = Json.mapper().readTree("{\"clusters\":[{\"endUsers\":[{\"userId\":\"a\",\"pin\":\"1\"}]}]}");
    assertThat(ExportCommand.findSecret(doc, "$")).isEqualTo("$.clusters[0].endUsers[0].pin");
  }

  @Test
  void exportFromAMissingDatabaseIsBadInputAndCreatesNothing() {
    Path db = dir.resolve("nothing.db");
    assertThat(cli.run("export", "--out", dir.resolve("x.json").toString(), "--db", db.toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("No workspace database");
    assertThat(db).doesNotExist();
    assertThat(dir.resolve("x.json")).doesNotExist();
  }

  @Test
  void bothCommandsHaveHelpAndRequireTheirArguments() {
    assertThat(cli.run("import", "--help")).isZero();
    assertThat(cli.out()).contains("--db");
    assertThat(cli.run("export", "--help")).isZero();
    assertThat(cli.out()).contains("--out");
    assertThat(cli.run("export")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.run("import")).isEqualTo(ExitCodes.BAD_INPUT);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
