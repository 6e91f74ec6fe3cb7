package dev.emcc.ui.forms;

import atlantafx.base.theme.Styles;
import dev.emcc.catalog.Restrictions;
import dev.emcc.schema.Windows;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.I18n;
import javafx.scene.control.Hyperlink;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A window's title and its CUCM menu path. */
public final class WindowHeader {
  private WindowHeader() {}

  /**
   * The header of a window, with a link to the help page Restrictions and Interactions when the
   * seed's tables 3 and 4 say something about this window (at the first such topic).
   */
  public static VBox of(UiContext ctx, String window) {
    VBox box = of(ctx.i18n(), window);
    java.util.List<Restrictions.Topic> topics = Restrictions.concerning(window);
    if (!topics.isEmpty()) {
      Hyperlink link = new Hyperlink();
      link.textProperty().bind(ctx.i18n().bind("header.restrictionsLink"));
      link.setId("restrictions-link");
      link.getStyleClass().add(Styles.TEXT_SMALL);
      link.setOnAction(e -> ctx.reveal(Windows.RESTRICTIONS.id(), topics.get(0).id()));
      link.setPadding(new Insets(0));
      box.getChildren().add(link);
    }
    return box;
  }

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
