package dev.emcc.ui.shell;

import dev.emcc.schema.Window;
import dev.emcc.schema.Windows;
import dev.emcc.ui.kit.I18n;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/** The navigation tree: the schema's windows in the CUCM menus where each lives (reference §2). */
public final class NavTree {
  private final TreeView<NavEntry> tree = new TreeView<>();

  public NavTree(I18n i18n) {
    TreeItem<NavEntry> root = new TreeItem<>(new NavEntry("app.title", null));
    // the start page first, above the CUCM menus
    root.getChildren().add(new TreeItem<>(new NavEntry("start.title", Shell.START)));
    for (Window w : Windows.ALL) {
      menuOf(root, w.menu()).getChildren().add(new TreeItem<>(new NavEntry(w.titleKey(), w.id())));
    }
    tree.setRoot(root);
    tree.setShowRoot(false);
    tree.setId("nav");
    tree.setCellFactory(t -> new TreeCell<>() {
      @Override protected void updateItem(NavEntry item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : i18n.text(item.labelKey()));
        setId(empty || item == null || item.window() == null ? null : "nav-" + item.window());
      }
    });
    i18n.localeProperty().addListener((o, a, b) -> {
      tree.refresh();
      javafx.application.Platform.runLater(this::fitWidthToEntries);
    });
    tree.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::fitWidthToEntries));
    this.i18n = i18n;
  }

  private final I18n i18n;
  private int tries;

  /**
   * The tree as wide as its widest entry, so none is cut at its edge ("EMCC intercluster service
   * profile" is long in Japanese): measured from a laid-out cell, whose indent and disclosure
   * arrow each deeper level adds.
   */
  void fitWidthToEntries() {
    TreeCell<?> sample = null;
    for (javafx.scene.Node n : tree.lookupAll(".tree-cell")) {
      if (n instanceof TreeCell<?> c && !c.isEmpty() && c.getSkin() instanceof javafx.scene.control.skin.TreeCellSkin<?>
          && textOf(c) != null) {
        sample = c;
        break;
      }
    }
    if (sample == null) {
      if (tries++ < 10) { // no cell laid out yet
        javafx.application.Platform.runLater(this::fitWidthToEntries);
      }
      return;
    }
    tries = 0;
    javafx.scene.control.skin.TreeCellSkin<?> skin = (javafx.scene.control.skin.TreeCellSkin<?>) sample.getSkin();
    javafx.scene.text.Text shown = textOf(sample);
    int sampleLevel = level(sample.getTreeItem());
    double start = shown.getLayoutX() - skin.getIndent() * sampleLevel;
    javafx.scene.text.Text probe = new javafx.scene.text.Text();
    probe.setFont(sample.getFont());
    double widest = 0;
    for (TreeItem<NavEntry> item : items(tree.getRoot(), new java.util.ArrayList<>())) {
      probe.setText(i18n.text(item.getValue().labelKey()));
      widest = Math.max(widest, start + skin.getIndent() * level(item) + probe.getLayoutBounds().getWidth());
    }
    // the cell's right padding, the tree's border and a vertical scroll bar
    double width = Math.ceil(widest + sample.snappedRightInset() + tree.snappedLeftInset() + tree.snappedRightInset()
        + 16);
    tree.setMinWidth(width);
    tree.setPrefWidth(width);
  }

  private int level(TreeItem<?> item) {
    return tree.getTreeItemLevel(item) - (tree.isShowRoot() ? 0 : 1);
  }

  private static javafx.scene.text.Text textOf(TreeCell<?> c) {
    for (javafx.scene.Node n : c.getChildrenUnmodifiable()) {
      if (n instanceof javafx.scene.text.Text t && !t.getText().isEmpty()) {
        return t;
      }
    }
    return null;
  }

  private static List<TreeItem<NavEntry>> items(TreeItem<NavEntry> at, List<TreeItem<NavEntry>> out) {
    for (TreeItem<NavEntry> c : at.getChildren()) {
      out.add(c);
      items(c, out);
    }
    return out;
  }

  /** The menu at that path below {@code root}, made (expanded) where it is not there yet. */
  private static TreeItem<NavEntry> menuOf(TreeItem<NavEntry> root, List<String> path) {
    TreeItem<NavEntry> at = root;
    for (String key : path) {
      TreeItem<NavEntry> next = null;
      for (TreeItem<NavEntry> c : at.getChildren()) {
        if (c.getValue().window() == null && c.getValue().labelKey().equals(key)) {
          next = c;
        }
      }
      if (next == null) {
        next = new TreeItem<>(new NavEntry(key, null));
        next.setExpanded(true);
        at.getChildren().add(next);
      }
      at = next;
    }
    return at;
  }

  public TreeView<NavEntry> view() {
    return tree;
  }

  /** Selects a window's entry (when the window was opened by other means). */
  public void select(String window) {
    find(tree.getRoot(), window).ifPresent(i -> tree.getSelectionModel().select(i));
  }

  /** The text key of a window's title in the tree. */
  public String titleKey(String window) {
    return find(tree.getRoot(), window).map(i -> i.getValue().labelKey()).orElse("window." + window);
  }

  /** Every window of the tree, in tree order (what the global search offers). */
  public java.util.List<String> windows() {
    java.util.List<String> out = new java.util.ArrayList<>();
    collect(tree.getRoot(), out);
    return out;
  }

  private static void collect(TreeItem<NavEntry> item, java.util.List<String> out) {
    if (item.getValue().window() != null) {
      out.add(item.getValue().window());
    }
    for (TreeItem<NavEntry> c : item.getChildren()) {
      collect(c, out);
    }
  }

  private Optional<TreeItem<NavEntry>> find(TreeItem<NavEntry> item, String window) {
    if (window.equals(item.getValue().window())) {
      return Optional.of(item);
    }
    for (TreeItem<NavEntry> c : item.getChildren()) {
      Optional<TreeItem<NavEntry>> f = find(c, window);
      if (f.isPresent()) {
        return f;
      }
    }
    return Optional.empty();
  }
}
