package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Small things a user meets: F1's cursor, the End User list's name columns, the dark theme's menus. */
@ExtendWith(ApplicationExtension.class)
class ConsoleDetailsTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
  }

  @AfterEach
  void lightAgain() {
    Themes.LIGHT.apply();
  }

  private Node focusOwner() {
    return console.shell.root().getScene().getFocusOwner();
  }

  @Test
  void f1PutsTheCursorInTheErrorSearchBox(FxRobot robot) throws Exception {
    robot.interact(() -> console.shell.open("deviceProfile"));
    robot.clickOn("#field-description");
    awaitFocusOn("field-description");
    robot.type(KeyCode.F1);
    // the view takes the focus on the pulse after F1 opened it: await it (a busy machine is slow)
    awaitFocusOn("error-query");
    assertThat(console.shell.current()).isEqualTo("errorLookup");
    robot.write("37");
    assertThat(robot.lookup("#error-query").queryAs(TextField.class).getText()).isEqualTo("37");

    // again from elsewhere: the cursor is back in the box, the last query selected so typing replaces it
    robot.interact(() -> console.shell.open("endUser"));
    robot.type(KeyCode.F1);
    awaitFocusOn("error-query");
    robot.write("28");
    assertThat(robot.lookup("#error-query").queryAs(TextField.class).getText()).isEqualTo("28");
  }

  /** Waits until the focused control is the one with this id; fails naming the control that has it. */
  private void awaitFocusOn(String id) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
        Node owner = focusOwner();
        return owner != null && id.equals(owner.getId());
      });
    } catch (java.util.concurrent.TimeoutException e) {
      Node owner = focusOwner();
      assertThat(owner == null ? null : owner.getId()).as("the focused control").isEqualTo(id);
    }
  }

  @Test
  void theEndUserListShowsFirstAndLastNameInTheirColumns(FxRobot robot) {
    robot.interact(() -> console.shell.open("endUser"));
    TableView<?> list = robot.lookup("#window-endUser #list").queryAs(TableView.class);
    List<String> headers = list.getColumns().stream().map(TableColumn::getText).toList();
    assertThat(headers).containsSubsequence("First Name", "Last Name");
    int first = headers.indexOf("First Name");
    int last = headers.indexOf("Last Name");
    int alice = -1;
    for (int i = 0; i < list.getItems().size(); i++) {
      if ("Alice".equals(list.getColumns().get(first).getCellData(i))) {
        alice = i;
      }
    }
    assertThat(alice).isNotNegative();
    assertThat(list.getColumns().get(last).getCellData(alice)).isEqualTo("Sato");
  }

  /** Without a compositor a popup's transparent shadow area is painted white: popups are flat. */
  @Test
  void darkMenusHaveNoShadowToPaintWhite(FxRobot robot) {
    robot.interact(() -> console.shell.themeProperty().set(Themes.DARK));
    robot.interact(() -> ((MenuBar) robot.lookup("#menubar").query()).getMenus().get(1).show());
    WaitForAsyncUtils.waitForFxEvents();
    Node menu = Window.getWindows().stream().filter(w -> w != console.shell.root().getScene().getWindow())
        .filter(Window::isShowing).map(w -> w.getScene().getRoot().lookup(".context-menu")).filter(n -> n != null)
        .findFirst().orElseThrow();
    assertThat(menu.getEffect()).isNull();
    robot.interact(() -> ((MenuBar) robot.lookup("#menubar").query()).getMenus().get(1).hide());
  }
}
