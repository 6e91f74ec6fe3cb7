package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.ui.kit.I18n;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Without the mouse: Ctrl+L to the tree, arrows open windows, F6 into the window, Tab through the form. */
@ExtendWith(ApplicationExtension.class)
class KeyboardAccessTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  private Node focusOwner() {
    return console.shell.root().getScene().getFocusOwner();
  }

  private static boolean inside(Node n, Node ancestor) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  @Test
  void treeAndWindowAreReachedByKeys(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(focusOwner()).isSameAs(console.shell.nav().view());
    // the start page is selected first; the first leaf under Serviceability > Tools is Service Activation
    robot.type(KeyCode.DOWN, 3);
    assertThat(console.shell.current()).isEqualTo("serviceActivation");

    robot.interact(() -> console.shell.open("deviceProfile"));
    robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
    robot.type(KeyCode.F6);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(inside(focusOwner(), robot.lookup("#window-deviceProfile").query())).isTrue();

    // Tab walks the form top to bottom: name, then description
    robot.interact(() -> robot.lookup("#field-name").queryAs(TextField.class).requestFocus());
    robot.type(KeyCode.TAB);
    assertThat(focusOwner().getId()).isEqualTo("field-description");
  }
}
