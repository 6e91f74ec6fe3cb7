package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.ui.kit.I18n;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Quitting (Ctrl+Q, File > Exit) or closing the window with unsaved edits asks Save / Discard /
 * Cancel as leaving a record does: Cancel keeps the console open with the edits.
 */
@ExtendWith(ApplicationExtension.class)
class QuitWithUnsavedEditsTest {
  private Stage stage;
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  private void open(FxRobot robot, Locale locale) {
    robot.interact(() -> {
      console = new ConsoleFixture(stage, DemoWorkspace.create(), locale);
      console.shell.open("deviceProfile");
    });
  }

  private Cluster tokyo() {
    return console.model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow();
  }

  private void answer(FxRobot robot, String button) {
    robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.getText().equals(button))
        .queryAs(Button.class));
  }

  private String description(FxRobot robot) {
    return robot.lookup("#field-description").queryAs(TextField.class).getText();
  }

  private static void ctrlQ(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
  }

  /** What the window manager sends for its close button or Alt+F4 (not awaited: a question may block it). */
  private void closeButton() {
    WaitForAsyncUtils.asyncFx(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void ctrlQCancelKeepsTheEditsThenSaveKeepsThemAndCloses(FxRobot robot) {
    open(robot, I18n.ENGLISH);
    robot.clickOn("#field-description").write(" (lab)");

    ctrlQ(robot);
    assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText()).contains("UDP_alice_8865");
    answer(robot, "Cancel");
    assertThat(stage.isShowing()).isTrue();
    assertThat(description(robot)).isEqualTo("Alice Sato (lab)");
    assertThat(robot.lookup("#unsaved").queryAs(Label.class).isVisible()).isTrue();
    assertThat(tokyo().deviceProfile("UDP_alice_8865").orElseThrow().description()).isEqualTo("Alice Sato");

    ctrlQ(robot);
    answer(robot, "Save");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stage.isShowing()).isFalse();
    assertThat(tokyo().deviceProfile("UDP_alice_8865").orElseThrow().description()).isEqualTo("Alice Sato (lab)");
  }

  @Test
  void windowCloseButtonAsksTooDiscardDropsTheEdits(FxRobot robot) {
    open(robot, I18n.JAPANESE);
    robot.clickOn("#field-description").write(" (desk 4)");

    closeButton();
    answer(robot, "キャンセル");
    assertThat(stage.isShowing()).isTrue();
    assertThat(description(robot)).isEqualTo("Alice Sato (desk 4)");

    closeButton();
    answer(robot, "破棄");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stage.isShowing()).isFalse();
    assertThat(tokyo().deviceProfile("UDP_alice_8865").orElseThrow().description()).isEqualTo("Alice Sato");
  }

  @Test
  void exitMenuWithoutEditsClosesWithoutAQuestion(FxRobot robot) {
    open(robot, I18n.ENGLISH);
    robot.clickOn("#menubar .menu").clickOn("Exit");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    assertThat(stage.isShowing()).isFalse();
  }

  @Test
  void aSaveRefusedByTheFormKeepsTheConsoleOpen(FxRobot robot) {
    open(robot, I18n.ENGLISH);
    robot.clickOn("#field-name");
    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).type(KeyCode.BACK_SPACE);
    ctrlQ(robot);
    answer(robot, "Save");
    // a device profile needs a name: nothing saved, nothing lost, the console stays
    assertThat(stage.isShowing()).isTrue();
    assertThat(robot.lookup("#unsaved").queryAs(Label.class).isVisible()).isTrue();
    assertThat(tokyo().deviceProfile("UDP_alice_8865")).isPresent();
  }
}
