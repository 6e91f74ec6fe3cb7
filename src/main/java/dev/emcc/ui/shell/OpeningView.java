package dev.emcc.ui.shell;

import dev.emcc.ui.kit.I18n;
import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The console's first window while the shell is built: the frame of the shell (menu bar, an empty
 * content area, the status bar) drawn in the light theme's colours, with "Opening the workspace…"
 * and a running progress bar. Only shapes, text and layout panes, no controls: a control would load
 * a user-agent stylesheet, and parsing the theme is what this window exists to put after the first
 * paint. {@link #afterFirstPaint} then hands over to the real shell in the same scene.
 */
public final class OpeningView {
  // AtlantaFX Primer Light's colours (-color-bg-default, -color-bg-subtle, -color-border-default,
  // -color-fg-default, -color-fg-muted, -color-accent-emphasis) and font size
  private static final String BG = "#ffffff";
  private static final String BG_SUBTLE = "#f6f8fa";
  private static final String BORDER = "#d0d7de";
  private static final String FG = "#24292f";
  private static final String FG_MUTED = "#57606a";
  private static final String ACCENT = "#0969da";
  private static final double FONT_SIZE = 14;
  private static final String[] MENUS = {"menu.file", "menu.edit", "menu.view", "menu.certs", "menu.help"};
  private static final double TRACK_WIDTH = 240;
  private static final double BAR_WIDTH = 72;

  private final BorderPane root = new BorderPane();
  private final TranslateTransition running;

  public OpeningView(I18n i18n) {
    root.setId("opening");
    root.setStyle("-fx-background-color: " + BG + ";");
    root.setTop(menuBar(i18n));
    Text message = text(i18n.text("opening.workspace"), FG);
    message.setId("opening-message");
    Rectangle bar = new Rectangle(BAR_WIDTH, 4);
    bar.setArcWidth(4);
    bar.setArcHeight(4);
    bar.setStyle("-fx-fill: " + ACCENT + ";");
    Pane track = new Pane(bar);
    track.setId("opening-progress");
    track.setMinSize(TRACK_WIDTH, 4);
    track.setMaxSize(TRACK_WIDTH, 4);
    track.setStyle("-fx-background-color: " + BORDER + "; -fx-background-radius: 2;");
    track.setClip(new Rectangle(TRACK_WIDTH, 4));
    running = new TranslateTransition(Duration.millis(1100), bar);
    running.setFromX(-BAR_WIDTH);
    running.setToX(TRACK_WIDTH);
    running.setInterpolator(Interpolator.EASE_BOTH);
    running.setCycleCount(Animation.INDEFINITE);
    VBox center = new VBox(14, message, track);
    center.setAlignment(Pos.CENTER);
    root.setCenter(center);
    root.setBottom(statusBar(i18n));
    running.play();
  }

  public Parent root() {
    return root;
  }

  /** Stops the progress animation (the shell took over the scene). */
  public void stop() {
    running.stop();
  }

  /**
   * Runs {@code next} on the JavaFX thread once the scene's next pulse has been laid out and handed
   * to the renderer, so the window is painted while {@code next} keeps the JavaFX thread busy.
   */
  public static void afterFirstPaint(Scene scene, Runnable next) {
    Runnable[] listener = new Runnable[1];
    listener[0] = () -> {
      scene.removePostLayoutPulseListener(listener[0]);
      javafx.application.Platform.runLater(next);
    };
    scene.addPostLayoutPulseListener(listener[0]);
    javafx.application.Platform.requestNextPulse();
  }

  private static Node menuBar(I18n i18n) {
    HBox bar = new HBox(6);
    bar.setPadding(new Insets(4));
    bar.setStyle(bottomLine(BG_SUBTLE));
    for (String key : MENUS) {
      HBox item = new HBox(text(withoutMnemonic(i18n.text(key)), FG));
      item.setPadding(new Insets(6, 10, 6, 10));
      bar.getChildren().add(item);
    }
    return bar;
  }

  private static Node statusBar(I18n i18n) {
    Text label = text(i18n.text("shell.cluster"), FG_MUTED);
    HBox bar = new HBox(10, label);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(4, 10, 4, 10));
    bar.setMinHeight(40);
    bar.setStyle("-fx-border-color: " + BORDER + " transparent transparent transparent;");
    return bar;
  }

  private static String bottomLine(String background) {
    return "-fx-background-color: " + BORDER + ", " + background + "; -fx-background-insets: 0, 0 0 1 0;";
  }

  private static Text text(String s, String colour) {
    Text t = new Text(s);
    t.setFont(Font.font(FONT_SIZE));
    t.setStyle("-fx-fill: " + colour + ";");
    return t;
  }

  /** "_File" is "File", "ファイル(_F)" is "ファイル(F)": the menu bar shows mnemonics without the marker. */
  static String withoutMnemonic(String s) {
    return s.replace("_", "");
  }
}
