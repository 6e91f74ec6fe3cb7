package dev.emcc.ui.bat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.bat.BatExport;
import dev.emcc.bat.BatFormat;
import dev.emcc.bat.BatKind;
import dev.emcc.bat.ExportOptions;
import dev.emcc.bat.RowProblem;
import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.ui.ConsoleModel;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Import BAT CSV... and File > Export BAT CSV... on a real console scene: the file is read
 * into the preview (BAT's column names), the problems (line, column, rule) and the plan; Apply is
 * offered only for a plan that may be applied and makes one change that Edit > Undo takes back.
 */
@ExtendWith(ApplicationExtension.class)
class BatDialogsTest {
  static final String TOKYO = DemoWorkspace.TOKYO;
  @TempDir Path dir;
  private ConsoleModel model;
  private UiContext ctx;

  @Start
  void start(Stage stage) {
    Themes.LIGHT.apply();
    model = new ConsoleModel();
    model.load(DemoWorkspace.create());
    model.clusterIdProperty().set(TOKYO);
    ctx = new UiContext(model, new I18n(I18n.ENGLISH));
    Shell shell = new Shell(ctx, new Views());
    stage.setScene(new Scene(shell.root(), 1280, 800));
    stage.show();
  }

  /** The dialogs opened from the menu wait in a nested event loop: close them so no later test sees them. */
  @org.junit.jupiter.api.AfterEach
  void closeTheDialogs(FxRobot robot) {
    robot.interact(() -> List.copyOf(Window.getWindows()).stream()
        .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
        .forEach(Window::hide));
  }

  /** Tokyo's profiles as an export file: alice's description changed, a new profile, a bad row. */
  private Path file() throws Exception {
    Path file = dir.resolve("udp.csv");
    BatExport.write(DemoWorkspace.create(), ExportOptions.of(BatKind.UDP, BatFormat.EXPORT, TOKYO), file, null, null);
    List<String> rows = new ArrayList<>(Files.readAllLines(file));
    rows.set(1, rows.get(1).replace("Alice Sato", "\"Alice Sato, 3rd floor\""));
    rows.add(rows.get(2).replace("UDP_bob_8845", "UDP_lobby_8845"));
    rows.add(rows.get(3).replace("UDP_tsato_7841", "EMCC9"));
    Files.write(file, rows);
    return file;
  }

  private static <T extends Node> T find(FxRobot robot, String query) {
    return robot.lookup(query).query();
  }

  private void openFromTheFileMenu(FxRobot robot, String item) {
    robot.clickOn("#menubar .menu");
    robot.clickOn(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && item.equals(l.getText()))
        .<Node>query());
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }

  @Test
  void importReadsPreviewsListsProblemsAndAppliesOneUndoableChange(FxRobot robot) throws Exception {
    Path file = file();
    openFromTheFileMenu(robot, "Import BAT CSV...");
    robot.interact(() -> {
      ((ComboBox<BatFormat>) find(robot, "#bat-format")).setValue(BatFormat.EXPORT);
      ((ComboBox<BatKind>) find(robot, "#bat-kind")).setValue(BatKind.UDP);
    });
    robot.clickOn("#bat-file").write(file.toString()).type(KeyCode.ENTER); // Read file is the default button
    Label status = find(robot, "#bat-status");
    try {
      waitFor(() -> status.getText().equals("8 rows read"));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("status: " + status.getText() + ", file field: "
          + ((TextField) find(robot, "#bat-file")).getText());
    }
    TableView<?> preview = find(robot, "#bat-preview");
    assertThat(preview.getItems()).hasSize(8);
    assertThat(preview.getColumns()).extracting(c -> c.getGraphic() instanceof Label l ? l.getText() : c.getText())
        .contains("Line", "Action", "Imports as", "Device Profile Name", "Description", "Device Type",
            "Directory Number 1", "Partition 1", "Extension Mobility Cross Cluster CSS");
    ListView<RowProblem> problems = find(robot, "#bat-problems");
    assertThat(problems.getItems()).extracting(p -> p.located(java.util.Locale.ROOT)).containsExactly(
        "line 9, column 1 (Device Profile Name): \"EMCC9\" is named like an EMCC device (EMCC1, EMCC2, ...): BAT "
            + "refuses such names [row.emccName]");
    VBox plan = find(robot, "#bat-plan");
    assertThat(plan.getChildren()).extracting(n -> ((Label) n).getText())
        .contains("Device profiles: 1 added, 1 changed, 5 unchanged");
    Button apply = find(robot, "#bat-apply");
    assertThat(apply.isDisabled()).isTrue(); // a bad row: nothing is applied

    // selecting a problem shows its row in the preview
    robot.interact(() -> problems.getSelectionModel().select(0));
    assertThat(preview.getSelectionModel().getSelectedIndex()).isEqualTo(7);

    robot.clickOn("#bat-skip-bad-rows");
    robot.clickOn("#bat-read");
    waitFor(() -> !apply.isDisabled() && status.getText().equals("8 rows read"));
    robot.clickOn(apply);
    waitFor(() -> model.cluster().orElseThrow().deviceProfile("UDP_lobby_8845").isPresent());
    Cluster tokyo = model.cluster().orElseThrow();
    assertThat(tokyo.deviceProfile("UDP_alice_8865").orElseThrow().description()).isEqualTo("Alice Sato, 3rd floor");
    assertThat(tokyo.deviceProfile("EMCC9")).isEmpty();
    waitFor(() -> status.getText().startsWith("Applied as one change"));
    assertThat(apply.isDisabled()).isTrue();

    // one undo takes the whole import back
    robot.interact(() -> assertThat(model.undo()).isTrue());
    assertThat(model.workspace()).isEqualTo(DemoWorkspace.create());
  }

  /**
   * 40,000 users with PINs: read in about a second, but each PIN is hashed on purpose slowly
   * (PBKDF2): the whole plan would take long minutes, so Cancel always comes while it reads.
   */
  private Path fortyThousandUsersWithPins() throws Exception {
    Path file = dir.resolve("users-40000.csv");
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 40_000; i++) {
      rows.append("First").append(i).append(",Last").append(i).append(",user").append(i)
          .append(",,Sales,").append(100_000 + i).append(",,,,,,,,,\n");
    }
    Files.writeString(file, rows);
    return file;
  }

  @Test
  void cancelStopsTheReadingOfA40000RowFileAndNothingIsApplied(FxRobot robot) throws Exception {
    Path file = fortyThousandUsersWithPins();
    dev.emcc.model.Workspace before = model.workspace();
    openFromTheFileMenu(robot, "Import BAT CSV...");
    robot.interact(() -> ((ComboBox<BatKind>) find(robot, "#bat-kind")).setValue(BatKind.USERS));
    Button cancel = find(robot, "#bat-cancel");
    assertThat(cancel.isVisible()).isFalse();
    robot.clickOn("#bat-file").write(file.toString()).type(KeyCode.ENTER);
    TableView<?> preview = find(robot, "#bat-preview");
    waitFor(() -> cancel.isVisible() && !preview.getItems().isEmpty()); // the preview while it reads
    assertThat(((Button) find(robot, "#bat-read")).isDisabled()).isTrue();
    robot.clickOn(cancel);

    Label status = find(robot, "#bat-status");
    waitFor(() -> status.getText().equals("Reading cancelled: nothing was applied"));
    assertThat(cancel.isVisible()).isFalse();
    assertThat(((Button) find(robot, "#bat-read")).isDisabled()).isFalse();
    assertThat(((Button) find(robot, "#bat-apply")).isDisabled()).isTrue();
    assertThat(preview.getItems()).isEmpty();
    assertThat(((VBox) find(robot, "#bat-plan")).getChildren()).isEmpty();
    // the reader stopped (it would hash PINs for many minutes otherwise) and changed nothing
    waitFor(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("emcc-bat-read")));
    assertThat(model.workspace()).isSameAs(before);
  }

  @Test
  void closingTheDialogWhileItReadsStopsTheReading(FxRobot robot) throws Exception {
    Path file = fortyThousandUsersWithPins();
    openFromTheFileMenu(robot, "Import BAT CSV...");
    robot.interact(() -> ((ComboBox<BatKind>) find(robot, "#bat-kind")).setValue(BatKind.USERS));
    robot.clickOn("#bat-file").write(file.toString()).type(KeyCode.ENTER);
    Button cancel = find(robot, "#bat-cancel");
    waitFor(cancel::isVisible);
    Window dialog = cancel.getScene().getWindow();
    robot.type(KeyCode.ESCAPE); // the dialog's Close
    waitFor(() -> !dialog.isShowing());
    waitFor(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("emcc-bat-read")));
  }

  @Test
  void theDialogFollowsTheLanguageSwitch(FxRobot robot) {
    openFromTheFileMenu(robot, "Import BAT CSV...");
    Button read = find(robot, "#bat-read");
    assertThat(read.getText()).isEqualTo("Read file");
    robot.interact(() -> ctx.i18n().setLocale(I18n.JAPANESE));
    assertThat(read.getText()).isEqualTo("ファイルを読み込む");
    Window dialog = read.getScene().getWindow();
    assertThat(((Stage) dialog).getTitle()).isEqualTo("BAT CSV のインポート");
    robot.interact(() -> ctx.i18n().setLocale(I18n.ENGLISH));
  }

  @Test
  void exportWritesTheFileAndSaysWhatItWrote(FxRobot robot) throws Exception {
    Path out = dir.resolve("users.csv");
    openFromTheFileMenu(robot, "Export BAT CSV...");
    robot.interact(() -> ((ComboBox<BatKind>) find(robot, "#bat-export-kind")).setValue(BatKind.USERS));
    robot.clickOn("#bat-export-out").write(out.toString());
    robot.clickOn("#bat-export-run");
    VBox result = find(robot, "#bat-export-result");
    waitFor(() -> result.getChildren().size() >= 3);
    assertThat(result.getChildren()).extracting(n -> ((Label) n).getText()).contains(
        "6 rows of users written (export format, 20 columns)",
        "PIN column left empty: the console keeps only PIN hashes (give --pins FILE with the PINs to write them)");
    assertThat(Files.readAllLines(out).get(0)).startsWith("First Name,Last Name,User ID,");
    assertThat(Files.readAllLines(out)).hasSize(7);
  }
}
