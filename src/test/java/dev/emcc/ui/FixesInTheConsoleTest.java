package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.model.Cluster;
import dev.emcc.rules.BrokenWorkspaces;
import dev.emcc.rules.Diagnostic;
import dev.emcc.rules.Validator;
import dev.emcc.schema.CollectionBinding;
import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import dev.emcc.ui.kit.I18n;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
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

/**
 * Every field a finding of the catalogue of broken workspaces points at, opened as a user would:
 * F8, the finding, Enter. The window opens at the object, the field has the focus, and in a form
 * the finding stands under it.
 */
@ExtendWith(ApplicationExtension.class)
class FixesInTheConsoleTest {
  private ConsoleFixture console;

  @Start
  void start(Stage stage) {
    console = new ConsoleFixture(stage, DemoWorkspace.create(), I18n.ENGLISH);
    console.model.setValidator(ws -> Validator.standard().validate(ws, BrokenWorkspaces.context()));
  }

  /** One finding for each window field the catalogue's findings point at, with its workspace. */
  private record Target(BrokenWorkspaces.Case broken, Diagnostic finding) {}

  private static List<Target> targets() {
    Map<String, Target> byField = new LinkedHashMap<>();
    for (BrokenWorkspaces.Case c : BrokenWorkspaces.all()) {
      for (Diagnostic d : Validator.standard().validate(c.workspace(), BrokenWorkspaces.context())) {
        if (d.rule().equals(c.rule()) && d.fix() != null) {
          byField.putIfAbsent(d.fix().window() + "." + d.fix().field(), new Target(c, d));
        }
      }
    }
    return new ArrayList<>(byField.values());
  }

  @Test
  void everyFixOpensAtItsFieldWithTheFindingUnderIt(FxRobot robot) throws Exception {
    List<Target> targets = targets();
    assertThat(targets).hasSizeGreaterThan(40);
    List<String> failures = new ArrayList<>();
    for (Target t : targets) {
      String failure = open(robot, t);
      if (failure != null) {
        failures.add(t.broken() + " -> " + t.finding().fix() + ": " + failure);
      }
    }
    assertThat(failures).isEmpty();
  }

  private String open(FxRobot robot, Target t) throws Exception {
    Diagnostic d = t.finding();
    robot.interact(() -> console.model.load(t.broken().workspace()));
    // live validation runs after a quiet moment, off the JavaFX thread
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> console.model.problems().contains(d)).get());
    robot.interact(() -> console.shell.root().requestFocus());
    robot.type(KeyCode.F8);
    WaitForAsyncUtils.waitForFxEvents();
    @SuppressWarnings("unchecked")
    TableView<Diagnostic> table = robot.from(console.shell.root()).lookup("#problems").queryAs(TableView.class);
    robot.interact(() -> {
      table.getSelectionModel().select(d);
      table.requestFocus();
    });
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    if (!d.fix().window().equals(console.shell.current())) {
      return "opened " + console.shell.current();
    }
    Window window = Windows.of(d.fix().window());
    Node root = console.shell.root();
    Node control = robot.from(root).lookup("#field-" + d.fix().field()).tryQuery().orElse(null);
    if (window.binding() == null || control == null) {
      return null; // a view of its own (certificates, EMCC devices): opening it is what it offers
    }
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> focusedWithin(control));
    } catch (java.util.concurrent.TimeoutException e) {
      return "the field has no focus (" + control.getScene().getFocusOwner() + ")";
    }
    if (!shownObject(window, d)) {
      return null; // the finding names no object the list holds (a blank name, one to add)
    }
    Label error = robot.from(root).lookup("#error-" + d.fix().field()).tryQuery().map(Label.class::cast).orElse(null);
    if (error == null) {
      // the one view of its own with a binding: its fields are a bulk job's, not a form's
      return window == Windows.EMCC_DEVICES ? null : "no message line under the field";
    }
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> error.isVisible() && error.getText().contains(d.message()));
    } catch (java.util.concurrent.TimeoutException e) {
      return "under the field: \"" + error.getText() + "\"";
    }
    return null;
  }

  private static boolean focusedWithin(Node control) {
    Node focus = control.getScene().getFocusOwner();
    for (Node n = focus; n != null; n = n.getParent()) {
      if (n == control) {
        return true;
      }
    }
    return false;
  }

  /** True when the form shows the finding's object: a single-object window, or a name the list holds. */
  private boolean shownObject(Window window, Diagnostic d) {
    if (window.collection().isEmpty()) {
      return d.fix().object() == null;
    }
    Cluster c = console.model.workspace().cluster(d.cluster()).orElseThrow();
    return d.fix().object() != null && names(window.collection().orElseThrow(), c).contains(d.fix().object());
  }

  private static <T> List<String> names(CollectionBinding<T> b, Cluster c) {
    return b.get().apply(c).stream().map(b.name()).toList();
  }
}
