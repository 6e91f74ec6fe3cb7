package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.DeviceProfile;
import dev.emcc.model.Line;
import dev.emcc.ui.kit.I18n;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A device profile's lines as a table: add a line, type its number, move it up, remove one, save. */
@ExtendWith(ApplicationExtension.class)
class LinesTableTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  private DeviceProfile alice() {
    return console.model.workspace().cluster(DemoWorkspace.TOKYO).orElseThrow()
        .deviceProfile("UDP_alice_8865").orElseThrow();
  }

  /** The buttons sit below the fold of the form; a keyboard user reaches them with Tab + Space. */
  private static void fire(FxRobot robot, String id) {
    robot.interact(() -> robot.lookup("#" + id).queryAs(javafx.scene.control.Button.class).fire());
  }

  @Test
  void linesAreAddedTypedMovedRemovedAndSaved(FxRobot robot) {
    robot.interact(() -> console.shell.open("deviceProfile"));
    TableView<?> lines = robot.lookup("#field-lines").queryAs(TableView.class);
    String first = alice().lines().get(0).directoryNumber();
    assertThat(lines.getItems()).hasSize(alice().lines().size());

    fire(robot, "lines-add");
    WaitForAsyncUtils.waitForFxEvents();
    robot.write("5999").type(KeyCode.ENTER);
    assertThat(robot.lookup("#unsaved").queryAs(Label.class).isVisible()).isTrue();
    fire(robot, "lines-up");
    robot.clickOn("#save");
    assertThat(alice().lines()).extracting(Line::directoryNumber).containsExactly("5999", first);
    assertThat(alice().lines()).extracting(Line::index).containsExactly(1, 2);

    // a bad number is refused and named
    fire(robot, "lines-add");
    WaitForAsyncUtils.waitForFxEvents();
    robot.write("12a").type(KeyCode.ENTER);
    robot.clickOn("#save");
    assertThat(robot.lookup("#message").queryAs(Label.class).getText()).startsWith("Not saved");
    assertThat(alice().lines()).hasSize(2);
    fire(robot, "lines-remove");
    robot.interact(() -> lines.getSelectionModel().clearAndSelect(0));
    fire(robot, "lines-remove");
    robot.clickOn("#save");
    assertThat(alice().lines()).extracting(Line::directoryNumber).containsExactly(first);
    assertThat(alice().lines().get(0).index()).isEqualTo(1);
  }
}
