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

  /** The text a labeled control shows on screen (its label's Text node: elided text ends in "..."). */
  private static String shown(Node labeled) {
    return ((javafx.scene.text.Text) labeled.lookup(".text")).getText();
  }

  @Test
  void aLongStatusMessageLeavesTheClusterSelectorWhole(FxRobot robot) {
    robot.interact(() -> {
      Stage stage = (Stage) console.shell.root().getScene().getWindow();
      stage.setWidth(1024);
      stage.setHeight(700);
      console.ctx.status("list.saved", "UDP_newcomer_tsato_8865_training_room_b_with_a_name_as_long_as_a_sentence");
    });
    robot.interact(() -> {
      console.shell.root().applyCss();
      console.shell.root().layout();
    });
    Node bar = robot.lookup("#status-bar").query();
    javafx.scene.control.Label cluster = (javafx.scene.control.Label) ((javafx.scene.Parent) bar).getChildrenUnmodifiable().get(0);
    assertThat(shown(cluster)).isEqualTo("Cluster");
    javafx.scene.control.ComboBox<?> switcher = robot.lookup("#cluster-switcher").queryAs(javafx.scene.control.ComboBox.class);
    // the button cell: the combo box's own child (the popup's list has cells of its own)
    javafx.scene.control.ListCell<?> cell = (javafx.scene.control.ListCell<?>) switcher.getChildrenUnmodifiable().stream()
        .filter(n -> n instanceof javafx.scene.control.ListCell<?>).findFirst().orElseThrow();
    assertThat(shown(cell)).isEqualTo("TOKYO");
    assertThat(cell.getWidth()).as("room for the cluster's name").isGreaterThanOrEqualTo(cell.prefWidth(-1));
    assertThat(switcher.getWidth()).isGreaterThanOrEqualTo(switcher.prefWidth(-1));
    // the message gives way, whole in its tooltip
    javafx.scene.control.Label status = robot.lookup("#status").queryAs(javafx.scene.control.Label.class);
    assertThat(shown(status)).endsWith("...");
    assertThat(status.getTooltip().getText()).isEqualTo(status.getText());
  }
}
