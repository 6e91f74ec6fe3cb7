package dev.emcc.ui.forms;

import atlantafx.base.theme.Styles;
import dev.emcc.ui.kit.I18n;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A window's title and its CUCM menu path. */
public final class WindowHeader {
  private WindowHeader() {}

  public static VBox of(I18n i18n, String window) {
    Label title = new Label();
    title.textProperty().bind(i18n.bind("window." + window));
    title.getStyleClass().add(Styles.TITLE_3);
    title.setId("window-title");
    Label path = new Label();
    path.textProperty().bind(i18n.bind("path." + window));
    path.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    VBox box = new VBox(2, path, title);
    box.setPadding(new Insets(10, 16, 6, 16));
    return box;
  }
}
