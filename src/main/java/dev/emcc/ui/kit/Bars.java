package dev.emcc.ui.kit;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/** A window's row of action buttons (a plain box: AtlantaFX flattens buttons inside a ToolBar). */
public final class Bars {
  private Bars() {}

  public static HBox toolbar(Node... nodes) {
    HBox box = new HBox(8, nodes);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setPadding(new Insets(4, 16, 8, 16));
    box.getStyleClass().add("window-actions");
    return box;
  }
}
