package dev.emcc.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Workspace;
import dev.emcc.store.HistoryEntry;
import dev.emcc.store.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code emcc bat import|export} against real SQLite stores and workspace files. */
class BatCommandTest {
  static final String TOKYO = DemoWorkspace.TOKYO;
  @TempDir Path dir;
  @RegisterExtension final EnglishCli cli = new EnglishCli();

  private Path db(Workspace ws) {
    Path db = dir.resolve("ws.db");
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      store.save(ws, "seed");
    }
    return db;
  }

  private static Workspace load(Path db) {
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      return store.load();
    }
  }

  private static Path resource(String name) throws Exception {
    return Path.of(BatCommandTest.class.getResource("/dev/emcc/bat/" + name).toURI());
  }

  @Test
  void exportThenImportIntoAnEmptyClusterIsOneUndoableChange() throws Exception {
    Path demoDb = dir.resolve("demo.db");
    try (WorkspaceStore store = WorkspaceStore.open(demoDb)) {
      store.save(DemoWorkspace.create(), "demo");
    }
    Path udp = dir.resolve("udp.csv");
    assertThat(cli.run("bat", "export", "--kind", "udp", "--format", "export", "--cluster", TOKYO, "--db",
        demoDb.toString(), "--out", udp.toString())).as(cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("6 rows of user device profiles written (export format");

    Workspace emptied = DemoWorkspace.create().updateCluster(TOKYO, c -> c.withDeviceProfiles(List.of()));
    Path db = db(emptied);
    assertThat(cli.run("bat", "import", udp.toString(), "--kind", "udp", "--format", "export", "--cluster", TOKYO,
        "--db", db.toString())).as(cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("Device profiles: 6 added, 0 changed, 0 unchanged")
        .contains("Applied to " + db).contains("Cluster TOKYO after the import: 0 errors");
    Cluster tokyo = load(db).cluster(TOKYO).orElseThrow();
    assertThat(tokyo.deviceProfiles()).isEqualTo(DemoWorkspace.create().cluster(TOKYO).orElseThrow().deviceProfiles());
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      List<HistoryEntry> history = store.history(100);
      assertThat(history).filteredOn(h -> h.summary().startsWith("BAT import"))
          .extracting(HistoryEntry::changeSetId).containsOnly(history.get(0).changeSetId()).hasSize(6);
      assertThat(history.get(0).summary()).isEqualTo("BAT import udp.csv (udp, export) into TOKYO");
      assertThat(store.undoLast()).contains(emptied);
    }
  }

  @Test
  void aFileWithBadRowsChangesNothingUnlessTheyAreSkipped() throws Exception {
    Path db = db(DemoWorkspace.create());
    Path file = resource("udp-blank-line.csv");
    assertThat(cli.run("bat", "import", file.toString(), "--kind", "udp", "--cluster", TOKYO, "--template",
        "UDP_alice_8865", "--db", db.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.out()).contains("udp-blank-line.csv: line 2: a blank line: BAT refuses a file with blank "
        + "lines [row.blankLine]");
    assertThat(cli.err()).contains("Nothing applied: 1 bad rows");
    assertThat(load(db)).isEqualTo(DemoWorkspace.create());

    assertThat(cli.run("bat", "import", file.toString(), "--kind", "udp", "--cluster", TOKYO, "--template",
        "UDP_alice_8865", "--db", db.toString(), "--skip-bad-rows")).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("Skipped bad rows (lines 2)").contains("Device profiles: 2 added");
    assertThat(load(db).cluster(TOKYO).orElseThrow().deviceProfile("Blank A")).isPresent();
  }

  @Test
  void keptColumnsComeBackInAnExport() throws Exception {
    Path db = db(DemoWorkspace.create());
    Path file = resource("udp-export.csv");
    assertThat(cli.run("bat", "import", file.toString(), "--kind", "udp", "--format", "export", "--cluster", TOKYO,
        "--workspace", dir.resolve("x.json").toString(), "--keep-unknown"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("--keep-unknown keeps the columns in the database's side table: use --db");

    assertThat(cli.run("bat", "import", file.toString(), "--kind", "udp", "--format", "export", "--cluster", TOKYO,
        "--db", db.toString(), "--keep-unknown", "--skip-bad-rows")).as(cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("Kept for a later export (the model does not carry them): Call Pickup Group "
        + "(1 values), Line Text Label (1 values), Speed Dial Number (1 values), Speed Dial Label (1 values), "
        + "Custom Note (1 values)");
    Path back = dir.resolve("back.csv");
    assertThat(cli.run("bat", "export", "--kind", "udp", "--format", "export", "--cluster", TOKYO, "--db",
        db.toString(), "--out", back.toString())).as(cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("5 kept values of columns the model does not carry written back");
    List<String> lines = Files.readAllLines(back);
    List<String> header = List.of(lines.get(0).split(",", -1));
    String lobby = lines.stream().filter(l -> l.startsWith("UDP_lobby,")).findFirst().orElseThrow();
    List<String> cells = List.of(lobby.split(",", -1));
    assertThat(cells.get(header.indexOf("Call Pickup Group 1"))).isEqualTo("CPG_LOBBY");
    assertThat(cells.get(header.indexOf("Line Text Label 1"))).isEqualTo("Lobby");
    assertThat(cells.get(header.indexOf("Speed Dial Label 1"))).isEqualTo("Alice");
    assertThat(header.get(header.size() - 1)).isEqualTo("Custom Note");
    assertThat(cells.get(cells.size() - 1)).isEqualTo("keep me");
    assertThat(cells.get(header.indexOf("Extension Mobility Cross Cluster CSS"))).isEqualTo("CSS_TOKYO_EMCC");
  }

  /** The lobby profile's kept Custom Note in an export of the database (null: no lobby row). */
  private String keptNote(Path db) throws Exception {
    Path back = dir.resolve("note.csv");
    assertThat(cli.run("bat", "export", "--kind", "udp", "--format", "export", "--cluster", TOKYO, "--db",
        db.toString(), "--out", back.toString(), "--force")).as(cli.err()).isEqualTo(ExitCodes.OK);
    List<String> lines = Files.readAllLines(back);
    boolean noted = lines.get(0).endsWith(",Custom Note"); // columns no layout has come last
    return lines.stream().filter(l -> l.startsWith("UDP_lobby,")).findFirst()
        .map(l -> noted ? l.substring(l.lastIndexOf(',') + 1) : "").orElse(null);
  }

  @Test
  void undoingAnImportTakesBackTheColumnsItKept() throws Exception {
    Path db = db(DemoWorkspace.create());
    Path first = resource("udp-export.csv");
    assertThat(cli.run("bat", "import", first.toString(), "--kind", "udp", "--format", "export", "--cluster", TOKYO,
        "--db", db.toString(), "--keep-unknown", "--skip-bad-rows")).as(cli.err()).isEqualTo(ExitCodes.OK);
    // a second file: the lobby's description and note changed
    Path second = dir.resolve("second.csv");
    List<String> rows = Files.readAllLines(first);
    Files.write(second, List.of(rows.get(0), rows.get(1).replace("Lobby profile", "\"Lobby, 2nd floor\"")
        .replace("keep me", "second note")));
    assertThat(cli.run("bat", "import", second.toString(), "--kind", "udp", "--format", "export", "--cluster", TOKYO,
        "--db", db.toString(), "--keep-unknown")).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(keptNote(db)).isEqualTo("second note");

    assertThat(cli.run("undo", "--db", db.toString())).as(cli.err()).isEqualTo(ExitCodes.OK); // the second import
    assertThat(load(db).cluster(TOKYO).orElseThrow().deviceProfile("UDP_lobby").orElseThrow().description())
        .isEqualTo("Lobby profile");
    assertThat(keptNote(db)).isEqualTo("keep me"); // the first import's note is the latest again

    assertThat(cli.run("undo", "--db", db.toString())).as(cli.err()).isEqualTo(ExitCodes.OK); // the first
    assertThat(keptNote(db)).isNull();
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      assertThat(dev.emcc.store.KeptColumns.of(store).get(TOKYO, "deviceProfiles")).isEmpty();
    }
  }

  @Test
  void theExportsPinColumnIsEmptyUnlessAPinFileGivesThePins() throws Exception {
    Path ws = dir.resolve("demo.json");
    WorkspaceFormat.write(DemoWorkspace.create(), ws);
    Path users = dir.resolve("users.csv");
    assertThat(cli.run("bat", "export", "--kind", "users", "--cluster", TOKYO, "--workspace", ws.toString(), "--out",
        users.toString())).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("PIN column left empty: the console keeps only PIN hashes");
    assertThat(Files.readAllLines(users).get(0)).isEqualTo("Alice,Sato,alice,,,,,,,1001,,,,,,UDP_alice_8865");

    Path pins = dir.resolve("pins.csv");
    Files.writeString(pins, "User ID,PIN\nalice,24680\nbob,00000\n");
    assertThat(cli.run("bat", "export", "--kind", "users", "--cluster", TOKYO, "--workspace", ws.toString(), "--out",
        users.toString(), "--pins", pins.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("exists");
    assertThat(cli.run("bat", "export", "--kind", "users", "--cluster", TOKYO, "--workspace", ws.toString(), "--out",
        users.toString(), "--pins", pins.toString(), "--force")).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("PIN column: 1 PINs written from the PIN file (1 not the stored PIN: left "
        + "empty)");
    List<String> rows = Files.readAllLines(users);
    assertThat(rows.get(0)).isEqualTo("Alice,Sato,alice,,,24680,,,,1001,,,,,,UDP_alice_8865");
    assertThat(rows.get(1)).startsWith("Bob,Suzuki,bob,,,,");
  }

  @Test
  void anExportIsRefusedWhenANameCollidesWithTheEmccDeviceNaming() throws Exception {
    Workspace ws = DemoWorkspace.create().updateCluster(TOKYO, c -> {
      List<DeviceProfile> profiles = new java.util.ArrayList<>(c.deviceProfiles());
      profiles.set(2, profiles.get(2).withName("EMCC7"));
      return c.withDeviceProfiles(profiles);
    });
    Path file = dir.resolve("ws.json");
    WorkspaceFormat.write(ws, file);
    Path outFile = dir.resolve("udp.csv");
    assertThat(cli.run("bat", "export", "--kind", "udp", "--cluster", TOKYO, "--workspace", file.toString(), "--out",
        outFile.toString())).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("Not written: 1 names collide with the EMCC device naming (EMCC1, EMCC2, "
        + "...), which BAT refuses: EMCC7 (row 3)");
    assertThat(outFile).doesNotExist();
  }

  @Test
  void aDryRunPrintsThePlanAndAWorkspaceFileIsWrittenBack() throws Exception {
    Path file = dir.resolve("ws.json");
    WorkspaceFormat.write(DemoWorkspace.create(), file);
    byte[] before = Files.readAllBytes(file);
    Path csv = resource("users-insert.csv");
    assertThat(cli.run("bat", "import", csv.toString(), "--kind", "users", "--cluster", TOKYO, "--workspace",
        file.toString(), "--dry-run")).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("End users: 3 added, 0 changed, 0 unchanged").contains("Dry run");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(cli.run("bat", "import", csv.toString(), "--kind", "users", "--cluster", TOKYO, "--workspace",
        file.toString(), "--lang", "ja")).isEqualTo(ExitCodes.OK);
    assertThat(cli.out()).contains("エンド ユーザ: 追加 3、変更 0、変更なし 0");
    assertThat(WorkspaceFormat.read(file).cluster(TOKYO).orElseThrow().endUser("yamada").orElseThrow().lastName())
        .isEqualTo("山田");
  }

  @Test
  void usageErrorsSayWhat() {
    assertThat(cli.run("bat", "import", "x.csv", "--kind", "desks", "--cluster", TOKYO, "--workspace", "x.json"))
        .isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(cli.err()).contains("--kind must be users, udp or phones, not desks");
    assertThat(cli.run("bat", "export", "--kind", "phones", "--format", "insert", "--cluster", TOKYO, "--workspace",
        dir.resolve("none.json").toString(), "--out", dir.resolve("p.csv").toString()))
        .isEqualTo(ExitCodes.BAD_INPUT);
  }
}
