package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.app.Main;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.format.WorkspaceFormat;
import dev.emcc.model.Workspace;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.ui.app.ConsoleApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/**
 * The console as it starts (ConsoleApp on its store): an import made by the command line before
 * the console opened is taken back by Edit > Undo, in the store and on the screen.
 */
class ConsoleAppUndoTest {
  @TempDir Path dir;
  private Application app;
  private Locale locale;

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      FxToolkit.cleanupApplication(app);
      // the primary stage is shared by the tests of this JVM: its title is bound to the console's texts
      FxToolkit.setupStage(s -> s.titleProperty().unbind());
    }
    System.clearProperty("emcc.store");
    if (locale != null) {
      Locale.setDefault(locale);
    }
  }

  private static void emcc(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute(args)).as(err.toString()).isZero();
  }

  private static String status(Stage stage) {
    return stage.getScene().getRoot().lookup("#status") instanceof Label l ? l.getText() : "";
  }

  private static Workspace stored(Path db) {
    try (WorkspaceStore store = WorkspaceStore.open(db)) {
      return store.load();
    }
  }

  @Test
  void editUndoTakesBackAnImportMadeBeforeTheConsoleOpened() throws Exception {
    locale = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
    Path db = dir.resolve("console.db");
    Workspace demo = DemoWorkspace.create();
    Workspace tokyoOnly = Workspace.of(java.util.List.of(demo.cluster(DemoWorkspace.TOKYO).orElseThrow()));
    WorkspaceFormat.write(demo, dir.resolve("demo.json"));
    WorkspaceFormat.write(tokyoOnly, dir.resolve("tokyo.json"));
    emcc("import", dir.resolve("demo.json").toString(), "--db", db.toString());
    emcc("import", dir.resolve("tokyo.json").toString(), "--db", db.toString()); // OSAKA gone

    System.setProperty("emcc.store", db.toString());
    Stage stage = FxToolkit.registerPrimaryStage();
    FxToolkit.setupStage(s -> s.titleProperty().unbind()); // as an earlier console left it
    app = FxToolkit.setupApplication(ConsoleApp.class);
    // the opening window comes first; the shell's status bar says when the store's workspace is in
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status(stage).startsWith("Loaded"));
    FxRobot robot = new FxRobot();
    assertThat(robot.lookup("#cluster-switcher").queryComboBox().getItems()).hasSize(1);

    robot.clickOn(robot.lookup("#menubar .menu").nth(1).<Node>query());
    robot.clickOn(robot.lookup(n -> n instanceof Labeled l && "Undo".equals(l.getText()) && n.isVisible()).<Node>query());
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
        () -> status(stage).equals("Undone: import tokyo.json (the latest change in the history)."));
    assertThat(stored(db)).isEqualTo(demo);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#cluster-switcher").queryComboBox().getItems()).hasSize(2); // OSAKA is back on screen
  }
}
