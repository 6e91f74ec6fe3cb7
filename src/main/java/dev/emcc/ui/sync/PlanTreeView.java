package dev.emcc.ui.sync;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.emcc.ui.kit.Bars;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A plan as a tree (a plan per line at the top, its objects under it, their fields under them) with
 * a conflict settled from it, one object or one field at a time: keep ours, or take the other side's.
 * The node sync and the AXL plan both show theirs in it; each gives its lines ({@code T}), which of
 * them are conflicts, and what settling one does.
 */
public final class PlanTreeView<T> {
  /** The ids and texts of one use: the tree, its title and hint, and the two sides' buttons. */
  public record Texts(String treeId, String titleKey, String hintKey, String mineKey, String mineId, String theirsKey,
      String theirsId) {}

  private final I18n i18n;
  private final TreeView<T> tree = new TreeView<>();
  private final VBox box;

  /**
   * @param conflict true for a line a side can be kept for
   * @param resolve settles the selected line: true keeps ours, false takes the other side's
   */
  public PlanTreeView(I18n i18n, Texts texts, Predicate<T> conflict, BiConsumer<T, Boolean> resolve) {
    this.i18n = i18n;
    tree.setId(texts.treeId());
    tree.setShowRoot(false);
    tree.setRoot(new TreeItem<>());
    Button mine = Controls.button(i18n, texts.mineKey(), texts.mineId(), () -> settle(resolve, true));
    Button theirs = Controls.button(i18n, texts.theirsKey(), texts.theirsId(), () -> settle(resolve, false));
    BooleanBinding notConflict = Bindings.createBooleanBinding(() -> {
      T line = selected();
      return line == null || !conflict.test(line);
    }, tree.getSelectionModel().selectedItemProperty());
    mine.disableProperty().bind(notConflict);
    theirs.disableProperty().bind(notConflict);
    Label title = new Label();
    title.textProperty().bind(i18n.bind(texts.titleKey()));
    title.getStyleClass().add(Styles.TITLE_4);
    Label hint = new Label();
    hint.textProperty().bind(i18n.bind(texts.hintKey()));
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    hint.setWrapText(true);
    HBox bar = Bars.row(8, mine, theirs, hint);
    box = new VBox(6, title, tree, bar);
    VBox.setVgrow(tree, Priority.ALWAYS);
  }

  private void settle(BiConsumer<T, Boolean> resolve, boolean keepMine) {
    T line = selected();
    if (line != null) {
      resolve.accept(line, keepMine);
    }
  }

  /** The title, the tree and the buttons under it. */
  public VBox node() {
    return box;
  }

  public TreeView<T> tree() {
    return tree;
  }

  /** The line selected, null when none. */
  public T selected() {
    TreeItem<T> sel = tree.getSelectionModel().getSelectedItem();
    return sel == null ? null : sel.getValue();
  }

  /** Shows new lines: {@code top}'s children, each expanded. */
  public void show(TreeItem<T> top) {
    expand(top);
    tree.setRoot(top);
  }

  private static void expand(TreeItem<?> item) {
    item.setExpanded(true);
    item.getChildren().forEach(PlanTreeView::expand);
  }

  /** An object's line: {@code [action change] collection / name}. */
  public static String objectLine(String action, String change, String collection, String name) {
    return "[" + action + (change == null || change.isEmpty() ? "" : " " + change) + "] " + collection + " / " + name;
  }

  /** A value as a line shows it: text quoted, absent said, long values cut. */
  public String value(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return i18n.text("sync.absent");
    }
    String s = n.isTextual() ? "\"" + n.asText() + "\"" : n.toString();
    return s.length() > 100 ? s.substring(0, 97) + "..." : s;
  }
}
