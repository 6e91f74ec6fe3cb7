package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.edit.Broken;
import dev.emcc.edit.StoreState;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.node.Fixtures;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Severity;
import dev.emcc.rules.Validator;
import dev.emcc.store.HistoryEntry;
import dev.emcc.store.KeptColumns;
import dev.emcc.store.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that writes the workspace database goes the edit service's one way, on real
 * SQLite files: its change is checked by the validation rules (the findings printed, errors refused
 * where asked), saved whole or not at all (a write the file refuses half-way leaves it as it was),
 * recorded under the command's name, and taken back by {@code emcc undo --db}.
 */
class EditPathCommandsTest {
  static final String TOKYO = DemoWorkspace.TOKYO;
  @TempDir Path dir;
  @RegisterExtension final EnglishCli cli = new EnglishCli();

  /** A database holding the demo workspace, imported. */
  private Path demoDb() throws Exception {
    Path db = dir.resolve("ws.db");
    Path demo = dir.resolve("demo.json");
    WorkspaceFormat.write(DemoWorkspace.create(), demo);
    assertThat(cli.run("import", demo.toString(), "--db", db.toString())).as(cli.err()).isZero();
    return db;
  }

  private static Workspace load(Path db) {
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      return store.load();
    }
  }

  private static String latestSummary(Path db) {
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      return store.history(1).get(0).summary();
    }
  }

  /** The line a command prints after its change: what the rules find in the stored workspace, counted here again. */
  private static String validationLine(Workspace stored) {
    List<Diagnostic> found = Validator.standard().validate(stored);
    return "Validation: " + counted(found, Severity.ERROR, "error") + ", " + counted(found, Severity.WARNING, "warning")
        + " in the saved workspace";
  }

  private static String counted(List<Diagnostic> found, Severity severity, String word) {
    long n = found.stream().filter(d -> d.severity() == severity).count();
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** Runs {@code args} against a database that refuses writes into {@code table}: it fails, the file is as it was. */
  private void failsHalfWayAndChangesNothing(Path db, String table, String... args) throws Exception {
    StoreState before = StoreState.of(db);
    StoreState.failWritesInto(db, table);
    try {
      assertThat(cli.run(args)).as(cli.out()).isEqualTo(ExitCodes.IO);
      assertThat(cli.err()).contains("the test refuses writes into " + table);
      assertThat(StoreState.of(db)).isEqualTo(before);
      StoreState.assertIntact(db);
    } finally {
      StoreState.allowWrites(db);
    }
  }

  /** {@code emcc undo --db} takes back the latest change, named as {@code summary}, back to {@code before}. */
  private void undoneByTheCommandLine(Path db, String summary, Workspace before) {
    assertThat(cli.run("undo", "--db", db.toString())).as(cli.err()).isZero();
    assertThat(cli.out()).contains("(" + summary + ")");
    assertThat(load(db)).isEqualTo(before);
  }

  @Test
  void importIsCheckedSavedWholeRecordedAndUndone() throws Exception {
    Path db = demoDb();
    assertThat(cli.out()).contains("Validation: 0 errors, 0 warnings in the saved workspace");
    Workspace demo = load(db);
    Path broken = dir.resolve("broken.json");
    WorkspaceFormat.write(Broken.withWarning(Broken.withErrors(demo)), broken);

    // checked: errors refuse the document when asked, and change nothing
    StoreState before = StoreState.of(db);
    assertThat(cli.run("import", broken.toString(), "--db", db.toString(), "--refuse-errors"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("Nothing was saved: import broken.json would bring 2 validation errors")
        .contains("$.clusters[0].maxPhones: MaxPhones is 0");
    assertThat(StoreState.of(db)).isEqualTo(before);
    // saved whole or not at all
    failsHalfWayAndChangesNothing(db, "change", "import", broken.toString(), "--db", db.toString());
    // without --refuse-errors it is saved, the findings said
    assertThat(cli.run("import", broken.toString(), "--db", db.toString())).as(cli.err()).isZero();
    assertThat(cli.out()).contains("Validation: 2 errors, 1 warning in the saved workspace")
        .contains(validationLine(load(db)));
    assertThat(latestSummary(db)).isEqualTo("import broken.json");
    undoneByTheCommandLine(db, "import broken.json", demo);
  }

  @Test
  void certsGenerateIsCheckedSavedWholeRecordedAndUndone() throws Exception {
    Path db = demoDb();
    Workspace demo = load(db);
    Path password = Files.writeString(dir.resolve("ks-password"), "secret\n");
    String[] generate = {"certs", "generate", "--cluster", "OSAKA", "--type", "tomcat", "--db", db.toString(),
        "--key-store", dir.resolve("keys.p12").toString(), "--key-store-password-file", password.toString()};
    failsHalfWayAndChangesNothing(db, "change", generate);
    assertThat(cli.run(generate)).as(cli.err()).isZero();
    assertThat(cli.out()).contains("Issued").contains(validationLine(load(db)));
    assertThat(load(db)).isNotEqualTo(demo);
    assertThat(latestSummary(db)).isEqualTo("certs generate OSAKA");
    undoneByTheCommandLine(db, "certs generate OSAKA", demo);
  }

  /** The demo's TOKYO device profiles as a BAT export file, the first profile's user one that does not exist. */
  private Path udpFile(Path db) throws Exception {
    Path udp = dir.resolve("udp.csv");
    assertThat(cli.run("bat", "export", "--kind", "udp", "--format", "export", "--cluster", TOKYO, "--db",
        db.toString(), "--out", udp.toString())).as(cli.err()).isZero();
    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<String[]> rows;
    try (var it = csv.readerFor(String[].class).<String[]>readValues(udp.toFile())) {
      rows = it.readAll();
    }
    List<String> header = List.of(rows.get(0));
    rows.get(1)[header.indexOf("User ID")] = "nobody";
    rows.get(1)[header.indexOf("Phone Load Name")] = "sip8865.14-2"; // a column the model does not carry
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(String.join(",", java.util.Arrays.stream(row)
          .map(v -> v.matches(".*[,\"\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v).toList())).append('\n');
    }
    return Files.writeString(dir.resolve("bad-user.csv"), out);
  }

  @Test
  void batImportIsCheckedSavedWholeWithItsKeptColumnsRecordedAndUndone() throws Exception {
    Path db = demoDb();
    Workspace demo = load(db);
    Path file = udpFile(db);
    String[] batImport = {"bat", "import", file.toString(), "--kind", "udp", "--format", "export", "--cluster", TOKYO,
        "--db", db.toString(), "--keep-unknown"};

    StoreState before = StoreState.of(db);
    assertThat(cli.run(append(batImport, "--refuse-errors"))).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("would bring 1 validation errors")
        .contains("deviceProfiles[0].loginUserId: Device profile \"UDP_alice_8865\": login user \"nobody\" does not exist");
    assertThat(cli.run(append(append(append(batImport, "--refuse-errors"), "--lang"), "ja")))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("何も保存していません").contains("検証エラーが 1 件増えます");
    assertThat(StoreState.of(db)).isEqualTo(before);
    // the object rows, their history and the kept columns are one transaction
    failsHalfWayAndChangesNothing(db, "change", batImport);
    failsHalfWayAndChangesNothing(db, "bat_column", batImport);

    assertThat(cli.run(batImport)).as(cli.err()).isZero();
    assertThat(cli.out()).contains("Cluster TOKYO after the import: 1 error, 0 warnings (before: 0 errors, 0 warnings)");
    String summary = "BAT import bad-user.csv (udp, export) into TOKYO";
    assertThat(latestSummary(db)).isEqualTo(summary);
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      assertThat(KeptColumns.of(store).get(TOKYO, "deviceProfiles")).containsKey("UDP_alice_8865");
    }
    undoneByTheCommandLine(db, summary, demo);
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      assertThat(KeptColumns.of(store).get(TOKYO, "deviceProfiles")).isEmpty();
    }
  }

  @Test
  void syncPullIsSavedWholeRecordedAndUndone() throws Exception {
    Path db = dir.resolve("tokyo.db");
    Workspace tokyoOnly = Workspace.of(List.of(DemoWorkspace.create().cluster(TOKYO).orElseThrow()));
    Path tokyo = dir.resolve("tokyo.json");
    WorkspaceFormat.write(tokyoOnly, tokyo);
    assertThat(cli.run("import", tokyo.toString(), "--db", db.toString())).as(cli.err()).isZero();
    try (RunningNode osaka = TestNodes.start(dir.resolve("osaka"), Fixtures.cluster("OSAKA", "TOKYO", 2))) {
      Path nodesFile = dir.resolve("nodes.json");
      Path token = Files.writeString(dir.resolve("token"), osaka.identity().token() + "\n");
      String url = "https://127.0.0.1:" + osaka.port();
      assertThat(cli.run("nodes", "add", url, "--fingerprint", osaka.identity().fingerprint(), "--token-file",
          token.toString(), "--nodes-file", nodesFile.toString())).as(cli.err()).isZero();
      String[] pull = {"sync", "pull", "--node", url, "--db", db.toString(), "--nodes-file", nodesFile.toString()};
      failsHalfWayAndChangesNothing(db, "change", pull);
      assertThat(cli.run(pull)).as(cli.out() + cli.err()).isZero();
      assertThat(load(db).cluster("OSAKA").orElseThrow()).isEqualTo(osaka.server().state().cluster());
      String summary = "sync pull OSAKA from " + url;
      assertThat(latestSummary(db)).isEqualTo(summary);
      undoneByTheCommandLine(db, summary, tokyoOnly);
    }
  }

  @Test
  void axlPullIsCheckedSavedWholeRecordedAndUndone() throws Exception {
    Path db = demoDb();
    Workspace demo = load(db);
    Cluster tokyo = demo.cluster(TOKYO).orElseThrow();
    Cluster onTheCluster = tokyo.withVersion("15.0");
    try (RunningNode cucm = TestNodes.start(dir.resolve("cucm"), onTheCluster)) {
      Path password = Files.writeString(dir.resolve("axl.txt"), DemoWorkspace.EM_API_PASSWORD);
      String[] pull = {"axl", "pull", "--host", "127.0.0.1", "--port", Integer.toString(cucm.port()), "--user",
          DemoWorkspace.EM_API_USER, "--password-file", password.toString(), "--cluster", TOKYO, "--pins",
          dir.resolve("pins").toString(), "--state-dir", dir.resolve("state").toString(), "--db", db.toString(),
          "--accept-fingerprint", cucm.identity().fingerprint()};
      failsHalfWayAndChangesNothing(db, "change", pull);
      assertThat(cli.run(pull)).as(cli.err()).isZero();
      Workspace pulled = load(db);
      assertThat(pulled.cluster(TOKYO).orElseThrow().version()).isEqualTo("15.0");
      assertThat(cli.out()).contains(validationLine(pulled));
      String summary = "AXL pull of TOKYO from 127.0.0.1:" + cucm.port();
      assertThat(latestSummary(db)).isEqualTo(summary);
      undoneByTheCommandLine(db, summary, demo);
    }
  }

  @Test
  void anUndoThatFailsHalfWayLeavesTheStoreAsItWas() throws Exception {
    Path db = demoDb();
    Workspace demo = load(db);
    WorkspaceFormat.write(demo.updateCluster(TOKYO, c -> c.withVersion("15.0")), dir.resolve("v15.json"));
    assertThat(cli.run("import", dir.resolve("v15.json").toString(), "--db", db.toString())).isZero();
    failsHalfWayAndChangesNothing(db, "change", "undo", "--db", db.toString());
    undoneByTheCommandLine(db, "import v15.json", demo);
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      assertThat(store.history(1)).extracting(HistoryEntry::summary).containsExactly("undo #2 (import v15.json)");
    }
  }

  private static String[] append(String[] args, String more) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = more;
    return out;
  }
}
