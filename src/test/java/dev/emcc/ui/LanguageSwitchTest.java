package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.simulator.Fault;
import dev.emcc.ui.simulator.SimulatorView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A language switch leaves no stale text: every view, switched at run time, shows what the same
 * view shows when the console starts in that language (labels, buttons, prompts, column headers,
 * list counts, the status bar), both ways.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  /** A console on the demo, the view open and {@code act} done, in a language. */
  private Shell console(FxRobot robot, Locale lang, String view, Consumer<Shell> act) {
    Shell[] shell = new Shell[1];
    robot.interact(() -> {
      DemoConsole console = DemoConsole.show(stage, lang, Themes.LIGHT);
      UiContext ctx = console.ctx();
      shell[0] = console.shell();
      shell[0].open(view);
      ctx.status("status.loaded", ctx.i18n().deferred("status.demo"));
    });
    robot.interact(() -> act.accept(shell[0]));
    WaitForAsyncUtils.waitForFxEvents();
    return shell[0];
  }

  private static Set<String> texts(Node root) {
    Set<String> out = new TreeSet<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node n, Set<String> out) {
    if (!n.isVisible()) {
      return;
    }
    if (n instanceof Labeled l) {
      add(out, l.getText());
    }
    if (n instanceof TextInputControl t) {
      add(out, t.getPromptText());
      add(out, t.getText());
    }
    if (n instanceof TableView<?> t) {
      t.getColumns().forEach(c -> columns(c, out));
    }
    if (n instanceof TreeTableView<?> t) {
      t.getColumns().forEach(c -> columns(c, out));
    }
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        collect(c, out);
      }
    }
  }

  private static void columns(TableColumnBase<?, ?> c, Set<String> out) {
    add(out, c.getText());
    c.getColumns().forEach(x -> columns(x, out));
  }

  private static void add(Set<String> out, String s) {
    // clock times differ between two consoles, whatever the language
    if (s != null && !s.isBlank() && !s.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
      out.add(s);
    }
  }

  /**
   * The texts of one language left over after a switch to the other, and the other's texts that
   * did not come: language-specific texts only (a product name shows in both, and a table may lay
   * out a row more or less), each language's texts taken from a console started in it.
   */
  private List<String> stale(FxRobot robot, String view, Consumer<Shell> act, Locale from, Locale to) {
    Shell switched = console(robot, from, view, act);
    Set<String> before = new TreeSet<>();
    robot.interact(() -> before.addAll(texts(switched.root())));
    robot.interact(() -> switched.context().i18n().setLocale(to));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> {
      switched.root().applyCss();
      switched.root().layout();
    });
    WaitForAsyncUtils.waitForFxEvents();
    Set<String> afterSwitch = new TreeSet<>();
    robot.interact(() -> afterSwitch.addAll(texts(switched.root())));
    Shell fresh = console(robot, to, view, act);
    Set<String> started = new TreeSet<>();
    robot.interact(() -> started.addAll(texts(fresh.root())));
    List<String> out = new ArrayList<>();
    for (String s : afterSwitch) {
      if (before.contains(s) && !started.contains(s)) {
        out.add(view + " " + from + "->" + to + ": \"" + s + "\" is left over");
      }
    }
    for (String s : started) {
      if (!before.contains(s) && !afterSwitch.contains(s)) {
        out.add(view + " " + from + "->" + to + ": \"" + s + "\" is missing");
      }
    }
    return out;
  }

  private static final Consumer<Shell> NOTHING = s -> {};

  @Test
  void everyViewSwitchedShowsWhatItShowsStartedInThatLanguage(FxRobot robot) {
    List<String> views = new ArrayList<>(Views.ids());
    views.removeIf(v -> v.startsWith("wizard.") || v.equals("shell"));
    List<String> stale = new ArrayList<>();
    for (String view : views) {
      stale.addAll(stale(robot, view, NOTHING, I18n.ENGLISH, I18n.JAPANESE));
      stale.addAll(stale(robot, view, NOTHING, I18n.JAPANESE, I18n.ENGLISH));
    }
    assertThat(stale).isEmpty();
  }

  /** The simulator after a login (its result, the phone, the log, the diagram) and the status bar. */
  @Test
  void theSimulatorsResultFollowsTheLanguage(FxRobot robot) {
    Consumer<Shell> login = s -> ((SimulatorView) s.open("simulator")).loginNow(DemoWorkspace.OSAKA, "SEP00AABBCC0201",
        "alice", DemoWorkspace.pin("alice"), Set.of(Fault.WAN_DOWN));
    List<String> stale = new ArrayList<>(stale(robot, "simulator", login, I18n.ENGLISH, I18n.JAPANESE));
    stale.addAll(stale(robot, "simulator", login, I18n.JAPANESE, I18n.ENGLISH));
    assertThat(stale).isEmpty();
  }
}
