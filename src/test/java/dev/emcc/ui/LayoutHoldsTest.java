package dev.emcc.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emcc.schema.Windows;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The layout holds (issue 14 item 4): every view at 1024x700 and 1280x800, in English and
 * Japanese, with the longest status message, shows every button, status bar control, column
 * header, table value and tree entry whole: the text shown equals the text set (an elided text
 * ends in "..." instead), and a tree entry is not cut by the tree's edge.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutHoldsTest {
  private static final int[][] SIZES = {{1024, 700}, {1280, 800}};
  /** How many of each kind were looked at: a check that finds nothing to look at proves nothing. */
  private static final java.util.Map<String, Integer> CHECKED = new java.util.concurrent.ConcurrentHashMap<>();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @Test
  void englishLight(FxRobot robot) {
    assertThat(elided(robot, I18n.ENGLISH, Themes.LIGHT)).isEmpty();
  }

  @Test
  void japaneseLight(FxRobot robot) {
    assertThat(elided(robot, I18n.JAPANESE, Themes.LIGHT)).isEmpty();
  }

  @Test
  void japaneseDark(FxRobot robot) {
    assertThat(elided(robot, I18n.JAPANESE, Themes.DARK)).isEmpty();
  }

  /** The views a user opens: the start page and every window of the tree. */
  static List<String> views() {
    List<String> out = new ArrayList<>();
    out.add(Shell.START);
    Windows.ALL.forEach(w -> out.add(w.id()));
    return out;
  }

  /**
   * The longest message the status bar can be given: the longest text of the console's bundle,
   * its arguments filled with a long object name.
   */
  static String longestMessage(Locale lang) {
    ResourceBundle b = ResourceBundle.getBundle("dev.emcc.ui.messages", lang,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    String name = "UDP_newcomer_tsato_8865_training_room_b_with_a_name_as_long_as_a_sentence";
    String longest = "";
    for (String key : Collections.list(b.getKeys())) {
      Object[] args = new Object[10];
      java.util.Arrays.fill(args, name);
      String text;
      try {
        text = new java.text.MessageFormat(b.getString(key), lang).format(args);
      } catch (IllegalArgumentException numbers) { // {0,number} or {0,choice}
        java.util.Arrays.fill(args, 99999);
        text = new java.text.MessageFormat(b.getString(key), lang).format(args);
      }
      if (text.length() > longest.length()) {
        longest = text;
      }
    }
    return longest;
  }

  private List<String> elided(FxRobot robot, Locale lang, Themes theme) {
    List<String> out = new ArrayList<>();
    Shell[] shell = new Shell[1];
    robot.interact(() -> {
      shell[0] = DemoConsole.show(stage, lang, theme).shell();
    });
    String message = longestMessage(lang);
    for (int[] size : SIZES) {
      for (String view : views()) {
        robot.interact(() -> {
          stage.setWidth(size[0]);
          stage.setHeight(size[1]);
          shell[0].open(view);
          shell[0].context().statusProperty().set(message);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
          shell[0].root().applyCss();
          shell[0].root().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String where = view + " " + size[0] + "x" + size[1] + " " + lang + " " + theme + ": ";
        robot.interact(() -> check(shell[0].root(), where, out));
      }
    }
    robot.interact(() -> {
      shell[0].close();
      Themes.LIGHT.apply();
    });
    assertThat(CHECKED).containsKeys("button", "column header", "table value", "tree entry", "status bar");
    return out;
  }

  private static void check(Parent root, String where, List<String> out) {
    Node bar = root.lookup("#status-bar");
    walk(root, n -> {
      if (n instanceof ButtonBase b) {
        whole(b, where + "button ", out);
      } else if (n instanceof TableColumnHeader h && h.getTableColumn() != null) {
        Labeled label = (Labeled) h.lookup(".label");
        whole(label, where + "column header ", out);
      } else if (n instanceof TableCell<?, ?> c && !c.isEmpty()) {
        whole(c, where + "table value ", out);
      } else if (n instanceof TreeCell<?> c && !c.isEmpty()) {
        whole(c, where + "tree entry ", out);
        inside(c, where, out);
      } else if (n instanceof Labeled l && bar != null && l.getParent() == bar && !"status".equals(l.getId())) {
        whole(l, where + "status bar ", out);
      } else if (n instanceof javafx.scene.control.ListCell<?> c && !c.isEmpty() && isIn(c, bar)) {
        whole(c, where + "status bar ", out);
      }
    });
  }

  private static boolean isIn(Node n, Node ancestor) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  /** Visible nodes only: a hidden view's controls are not on screen. */
  private static void walk(Node n, java.util.function.Consumer<Node> visit) {
    if (!n.isVisible()) {
      return;
    }
    visit.accept(n);
    if (n instanceof Parent p) {
      for (Node c : p.getChildrenUnmodifiable()) {
        walk(c, visit);
      }
    }
  }

  /**
   * The text a labeled control shows: the first text node of its skin (a menu's title sits in a
   * label of its own); an elided text ends in "..." instead. A mnemonic's underscore is not shown.
   */
  private static void whole(Labeled l, String what, List<String> out) {
    String set = l.getText();
    if (set == null || set.isEmpty() || l.getWidth() <= 0) {
      return;
    }
    if (l.isMnemonicParsing()) {
      set = set.replaceFirst("_", "");
    }
    Text shown = firstText(l);
    String text = shown == null ? "" : shown.getText();
    CHECKED.merge(what.substring(what.indexOf(": ") + 2).strip(), 1, Integer::sum);
    if (!set.equals(text)) {
      out.add(what + "\"" + set + "\" shows as \"" + text + "\"");
    }
  }

  private static Text firstText(Parent p) {
    for (Node c : p.getChildrenUnmodifiable()) {
      if (c instanceof Text t) {
        return t;
      }
      if (c instanceof Parent q && !(c instanceof TableCell<?, ?>)) {
        Text t = firstText(q);
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  /** A tree entry is not cut by the tree's edge (its cells are as wide as the widest entry). */
  private static void inside(IndexedCell<?> c, String where, List<String> out) {
    TreeView<?> tree = null;
    for (Node p = c; p != null; p = p.getParent()) {
      if (p instanceof TreeView<?> t) {
        tree = t;
        break;
      }
    }
    Node viewport = tree == null ? null : tree.lookup(".clipped-container");
    Text text = null;
    for (Node n : c.getChildrenUnmodifiable()) {
      if (n instanceof Text t) {
        text = t;
      }
    }
    if (viewport == null || text == null || text.getText().isEmpty()) {
      return;
    }
    Bounds shown = text.localToScene(text.getBoundsInLocal());
    Bounds room = viewport.localToScene(viewport.getLayoutBounds());
    if (shown.getMaxX() > room.getMaxX() + 0.5) {
      out.add(where + "tree entry \"" + c.getText() + "\" is cut by the tree's edge ("
          + Math.round(shown.getMaxX() - room.getMaxX()) + " px)");
    }
  }
}
