package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.ui.kit.I18n;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Leaving an object or window with unsaved edits asks: Cancel stays, Discard drops, Save keeps. */
@ExtendWith(ApplicationExtension.class)
class UnsavedChangesTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
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

  @Test
  void cancelStaysDiscardDropsSaveKeeps(FxRobot robot) {
    robot.interact(() -> console.shell.open("deviceProfile"));
    robot.clickOn("#field-description").write(" (lab)");

    robot.clickOn("UDP_bob_8845");
    answer(robot, "Cancel");
    assertThat(description(robot)).isEqualTo("Alice Sato (lab)");
    assertThat(robot.lookup("#unsaved").queryAs(Label.class).isVisible()).isTrue();

    robot.clickOn("UDP_bob_8845");
    answer(robot, "Discard");
    assertThat(robot.lookup("#field-name").queryAs(TextField.class).getText()).isEqualTo("UDP_bob_8845");
    assertThat(tokyo().deviceProfile("UDP_alice_8865").orElseThrow().description()).isEqualTo("Alice Sato");

    robot.clickOn("#field-description").write(" (desk 4)");
    robot.clickOn("#nav-endUser");
    answer(robot, "Save");
    assertThat(console.shell.current()).isEqualTo("endUser");
    assertThat(tokyo().deviceProfile("UDP_bob_8845").orElseThrow().description()).endsWith(" (desk 4)");
  }

  @Test
  void noQuestionWithoutEdits(FxRobot robot) {
    robot.interact(() -> console.shell.open("deviceProfile"));
    robot.clickOn("UDP_bob_8845");
    robot.clickOn("#nav-endUser");
    assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    assertThat(console.shell.current()).isEqualTo("endUser");
  }
}
