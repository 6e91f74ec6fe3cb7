package dev.emcc.ui.kit;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** A window's row of action buttons (a plain box: AtlantaFX flattens buttons inside a ToolBar). */
public final class Bars {
  private Bars() {}

  /**
   * The buttons and labels keep their whole text however long a message beside them is; a label
   * that wraps (a window's message) gives way instead: it takes the rest of the row, wraps, and
   * is whole in its tooltip.
   */
  public static HBox toolbar(Node... nodes) {
    HBox box = row(8, nodes);
    box.setPadding(new Insets(4, 16, 8, 16));
    box.getStyleClass().add("window-actions");
    return box;
  }

  /** A row of buttons as {@link #toolbar}'s, without a window's toolbar padding (inside a pane). */
  public static HBox row(double gap, Node... nodes) {
    HBox box = new HBox(gap, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    for (Node n : nodes) {
      keepWhole(n);
    }
    // a button a window adds later (e.g. the Phone window's Log Out) keeps its text too
    box.getChildren().addListener((javafx.collections.ListChangeListener<Node>) c -> {
      while (c.next()) {
        c.getAddedSubList().forEach(Bars::keepWhole);
      }
    });
    return box;
  }

  private static void keepWhole(Node n) {
    if (n instanceof Labeled l && l.isWrapText()) {
      if (l.getTooltip() == null) {
        givesWay(l);
      }
    } else if (n instanceof Region r) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
  }

  /** A message that shrinks (wrapping, else "...") before anything beside it does; whole in its tooltip. */
  public static void givesWay(Labeled message) {
    message.setMinWidth(0);
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);
    Tooltip tip = new Tooltip();
    tip.setWrapText(true);
    tip.setMaxWidth(520);
    tip.textProperty().bind(message.textProperty());
    message.setTooltip(tip);
  }
}
