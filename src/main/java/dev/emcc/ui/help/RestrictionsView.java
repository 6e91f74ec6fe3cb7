package dev.emcc.ui.help;

import atlantafx.base.theme.Styles;
import dev.emcc.catalog.Restrictions;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.forms.WindowHeader;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * Help page "Restrictions and interactions" (window {@code restrictions}): the seed's tables 3 and
 * 4 ({@link Restrictions}) in the UI language, each topic with links to the windows it concerns
 * and the validator rules that check it. {@link #reveal} scrolls to a topic by its id.
 */
public final class RestrictionsView implements View {
  private final I18n i18n;
  private final Shell shell;
  private final VBox body = new VBox(14);
  private final ScrollPane scroll = new ScrollPane(body);
  private final BorderPane root = new BorderPane();
  private final Map<String, VBox> topics = new LinkedHashMap<>();
  private String revealed;

  public RestrictionsView(UiContext ctx, Shell shell) {
    this.i18n = ctx.i18n();
    this.shell = shell;
    body.setPadding(new Insets(8, 16, 16, 16));
    body.setId("restrictions");
    scroll.setFitToWidth(true);
    root.setTop(WindowHeader.of(i18n, "restrictions"));
    root.setCenter(scroll);
    root.setId("window-restrictions");
    build();
    i18n.localeProperty().addListener((o, a, b) -> build());
  }

  private void build() {
    body.getChildren().clear();
    topics.clear();
    Locale locale = i18n.isJapanese() ? I18n.JAPANESE : I18n.ENGLISH;
    Label intro = new Label(i18n.text("restrictions.intro"));
    intro.setWrapText(true);
    intro.getStyleClass().add(Styles.TEXT_MUTED);
    body.getChildren().add(intro);
    Restrictions.Kind section = null;
    for (Restrictions.Topic t : Restrictions.all()) {
      if (t.kind() != section) {
        section = t.kind();
        Label heading = new Label(i18n.text("restrictions." + section.json()));
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.setPadding(new Insets(6, 0, 0, 0));
        body.getChildren().add(heading);
      }
      VBox box = topic(t, locale);
      topics.put(t.id(), box);
      body.getChildren().add(box);
    }
    if (revealed != null) {
      highlight(revealed);
    }
  }

  private VBox topic(Restrictions.Topic t, Locale locale) {
    Label feature = new Label(t.feature(locale));
    feature.getStyleClass().add(Styles.TEXT_BOLD);
    feature.setWrapText(true);
    VBox box = new VBox(4, feature);
    box.setId("restriction-" + t.id());
    box.setPadding(new Insets(6, 8, 6, 8));
    for (String line : t.text(locale)) {
      Label l = new Label("\u2022 " + line);
      l.setWrapText(true);
      l.setPadding(new Insets(0, 0, 0, 8));
      box.getChildren().add(l);
    }
    if (!t.windows().isEmpty()) {
      FlowPane links = new FlowPane(8, 2);
      links.setAlignment(Pos.CENTER_LEFT);
      Label caption = new Label(i18n.text("restrictions.windows"));
      caption.getStyleClass().add(Styles.TEXT_SMALL);
      links.getChildren().add(caption);
      for (String w : t.windows()) {
        Hyperlink link = new Hyperlink(i18n.text("window." + w));
        link.setId("restriction-" + t.id() + "-" + w);
        link.setOnAction(e -> shell.open(w));
        links.getChildren().add(link);
      }
      box.getChildren().add(links);
    }
    if (!t.rules().isEmpty()) {
      Label rules = new Label(i18n.text("restrictions.checkedBy", String.join(", ", t.rules())));
      rules.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
      rules.setWrapText(true);
      box.getChildren().add(rules);
    }
    return box;
  }

  /** Scrolls to a topic by its id ({@code object}); the field is not used. */
  @Override
  public void reveal(String object, String field) {
    if (object == null || !topics.containsKey(object)) {
      return;
    }
    revealed = object;
    highlight(object);
  }

  private void highlight(String id) {
    topics.forEach((k, v) -> v.setStyle(k.equals(id)
        ? "-fx-border-color: -color-accent-emphasis; -fx-border-radius: 4; -fx-background-color: -color-accent-subtle;"
        : ""));
    VBox box = topics.get(id);
    body.layout();
    double total = body.getHeight() - scroll.getViewportBounds().getHeight();
    if (total > 0) {
      scroll.setVvalue(Math.min(1, box.getBoundsInParent().getMinY() / total));
    }
  }

  /** The id of the topic last revealed, for tests. */
  public String revealed() {
    return revealed;
  }

  @Override
  public Node node() {
    return root;
  }
}
