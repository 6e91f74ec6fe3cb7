package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.app.Main;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.edit.EditService;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.node.RunningNode;
import dev.emcc.node.TestNodes;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.ui.kit.I18n;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/**
 * The console's Edit > Undo and {@code emcc undo --db} take back any writer's change alike: a
 * change a command made to the database (import, certs, bat import, axl pull) is undone from the
 * console's menu, a change made in the console by the command line; each on a real SQLite file.
 */
@ExtendWith(ApplicationExtension.class)
class EditUndoTest {
  static final String TOKYO = DemoWorkspace.TOKYO;
  @TempDir Path dir;
  private Stage stage;
  private ConsoleFixture console;
  private Persistence persistence;
  private Path db;
  private Locale locale;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @BeforeEach
  void english() throws Exception {
    locale = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
    db = dir.resolve("ws.db");
    Path demo = dir.resolve("demo.json");
    WorkspaceFormat.write(DemoWorkspace.create(), demo);
    emcc("import", demo.toString(), "--db", db.toString());
  }

  @AfterEach
  void close() throws Exception {
    Locale.setDefault(locale);
    if (persistence != null) {
      persistence.close();
    }
  }

  /** Runs the command line in this JVM; returns its output (it must succeed). */
  private static String emcc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute(args)).as(String.join(" ", args) + ": " + err).isZero();
    return out.toString();
  }

  private Workspace stored() {
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      return store.load();
    }
  }

  /** The console on the database, wired as the application wires it (ConsoleApp.openStore). */
  private void openConsole(FxRobot robot) {
    robot.interact(() -> {
      console = new ConsoleFixture(stage, Workspace.of(List.of()), I18n.ENGLISH);
      persistence = Persistence.to(EditService.database(db), console.ctx);
      console.model.setOnCommit(persistence);
      console.model.load(persistence.load());
    });
  }

  private void clickEditUndo(FxRobot robot) {
    robot.clickOn(robot.lookup("#menubar .menu").nth(1).<Node>query());
    robot.clickOn(robot.lookup(n -> n instanceof Labeled l && "Undo".equals(l.getText()) && n.isVisible()).<Node>query());
  }

  private static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }

  /** A command changed the database; the console opened on it takes the change back with Edit > Undo. */
  private void undoneInTheConsole(FxRobot robot, Workspace before, String summary) throws Exception {
    Workspace changed = stored();
    assertThat(changed).isNotEqualTo(before);
    openConsole(robot);
    assertThat(console.model.workspace()).isEqualTo(changed);
    await(() -> console.model.canUndoProperty().get()); // the history has a change to undo

    clickEditUndo(robot);
    await(() -> console.ctx.statusProperty().get().equals("Undone: " + summary + " (the latest change in the history)."));
    assertThat(console.model.workspace()).isEqualTo(before);
    assertThat(stored()).isEqualTo(before);
    // the import before it is the next to undo, as for emcc undo
    assertThat(console.model.canUndoProperty().get()).isTrue();
  }

  @Test
  void anImportIsUndoneByEditUndo(FxRobot robot) throws Exception {
    Workspace before = stored();
    Path v15 = dir.resolve("v15.json");
    WorkspaceFormat.write(before.updateCluster(TOKYO, c -> c.withVersion("15.0")), v15);
    emcc("import", v15.toString(), "--db", db.toString());
    undoneInTheConsole(robot, before, "import v15.json");
  }

  @Test
  void certsGenerateIsUndoneByEditUndo(FxRobot robot) throws Exception {
    Workspace before = stored();
    Path password = Files.writeString(dir.resolve("ks-password"), "secret\n");
    emcc("certs", "generate", "--cluster", "OSAKA", "--type", "tomcat", "--db", db.toString(),
        "--key-store", dir.resolve("keys.p12").toString(), "--key-store-password-file", password.toString());
    undoneInTheConsole(robot, before, "certs generate OSAKA");
  }

  @Test
  void aBatImportIsUndoneByEditUndo(FxRobot robot) throws Exception {
    Path udp = dir.resolve("udp.csv");
    emcc("bat", "export", "--kind", "udp", "--format", "export", "--cluster", TOKYO, "--db", db.toString(),
        "--out", udp.toString());
    Workspace before = stored().updateCluster(TOKYO, c -> c.withDeviceProfiles(List.of()));
    Path emptied = dir.resolve("emptied.json");
    WorkspaceFormat.write(before, emptied);
    emcc("import", emptied.toString(), "--db", db.toString());
    emcc("bat", "import", udp.toString(), "--kind", "udp", "--format", "export", "--cluster", TOKYO,
        "--db", db.toString());
    undoneInTheConsole(robot, before, "BAT import udp.csv (udp, export) into TOKYO");
  }

  @Test
  void anAxlPullIsUndoneByEditUndo(FxRobot robot) throws Exception {
    Workspace before = stored();
    Cluster onTheCluster = before.cluster(TOKYO).orElseThrow().withVersion("15.0");
    try (RunningNode cucm = TestNodes.start(dir.resolve("cucm"), onTheCluster)) {
      Path password = Files.writeString(dir.resolve("axl.txt"), DemoWorkspace.EM_API_PASSWORD);
      emcc("axl", "pull", "--host", "127.0.0.1", "--port", Integer.toString(cucm.port()), "--user",
          DemoWorkspace.EM_API_USER, "--password-file", password.toString(), "--cluster", TOKYO, "--pins",
          dir.resolve("pins").toString(), "--state-dir", dir.resolve("state").toString(), "--db", db.toString(),
          "--accept-fingerprint", cucm.identity().fingerprint());
      undoneInTheConsole(robot, before, "AXL pull of TOKYO from 127.0.0.1:" + cucm.port());
    }
  }

  @Test
  void aConsoleEditIsUndoneByTheCommandLine(FxRobot robot) throws Exception {
    Workspace before = stored();
    openConsole(robot);
    robot.interact(() -> console.shell.open("deviceProfile"));
    robot.clickOn("#field-description").write(" (lab)");
    robot.clickOn("#save");
    await(() -> stored().cluster(TOKYO).orElseThrow().deviceProfile("UDP_alice_8865").orElseThrow().description()
        .equals("Alice Sato (lab)"));
    String summary;
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      summary = store.history(1).get(0).summary();
    }
    assertThat(summary).isEqualTo("Saved UDP_alice_8865.");

    assertThat(emcc("undo", "--db", db.toString())).contains("(" + summary + ")");
    assertThat(stored()).isEqualTo(before);
  }
}
