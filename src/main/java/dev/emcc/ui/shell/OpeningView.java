package dev.emcc.ui.shell;

import dev.emcc.ui.kit.I18n;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The console's first window while the shell is built: the frame of the shell (menu bar, an empty
 * content area, the status bar) in the light theme's colours, with "Opening the workspace…" over
 * a progress bar. Only shapes, text and layout panes styled in code: a control would load a
 * user-agent stylesheet, an inline style the CSS parser, a binding or an animation dozens of
 * classes, and all of that is what this window exists to put after the first paint.
 * {@link #afterFirstPaint} then hands over to the real shell in the same scene.
 */
public final class OpeningView {
  // AtlantaFX Primer Light's -color-bg-default, -color-bg-subtle, -color-border-default,
  // -color-fg-default, -color-fg-muted, -color-accent-emphasis, and its font size
  private static final Color BG = Color.web("#ffffff");
  private static final Color BG_SUBTLE = Color.web("#f6f8fa");
  private static final Color BORDER = Color.web("#d0d7de");
  private static final Color FG = Color.web("#24292f");
  private static final Color FG_MUTED = Color.web("#57606a");
  private static final Color ACCENT = Color.web("#0969da");
  private static final double FONT_SIZE = 14;
  private static final String[] MENUS = {"menu.file", "menu.edit", "menu.view", "menu.certs", "menu.help"};
  private static final double TRACK_WIDTH = 240;

  private final BorderPane root = new BorderPane();

  public OpeningView(I18n i18n) {
    root.setId("opening");
    root.setBackground(new Background(new BackgroundFill(BG, CornerRadii.EMPTY, Insets.EMPTY)));
    root.setTop(menuBar(i18n));
    Text message = text(i18n.text("opening.workspace"), FG);
    message.setId("opening-message");
    // the shell's own progress bar takes over in the status bar once the workspace loads
    Rectangle done = new Rectangle(TRACK_WIDTH * 0.3, 4, ACCENT);
    done.setArcWidth(4);
    done.setArcHeight(4);
    Pane track = new Pane(done);
    track.setId("opening-progress");
    track.setMinSize(TRACK_WIDTH, 4);
    track.setMaxSize(TRACK_WIDTH, 4);
    track.setBackground(new Background(new BackgroundFill(BORDER, new CornerRadii(2), Insets.EMPTY)));
    VBox center = new VBox(14, message, track);
    center.setAlignment(Pos.CENTER);
    root.setCenter(center);
    root.setBottom(statusBar(i18n));
  }

  public Parent root() {
    return root;
  }

  /**
   * Runs {@code next} on the JavaFX thread once the scene's next pulse has been laid out and handed
   * to the renderer, so the window is painted while {@code next} keeps the JavaFX thread busy.
   */
  public static void afterFirstPaint(Scene scene, Runnable next) {
    Runnable[] listener = new Runnable[1];
    listener[0] = () -> {
      scene.removePostLayoutPulseListener(listener[0]);
      Platform.runLater(next);
    };
    scene.addPostLayoutPulseListener(listener[0]);
    Platform.requestNextPulse();
  }

  private static Node menuBar(I18n i18n) {
    HBox bar = new HBox(6);
    bar.setPadding(new Insets(4));
    // a one-pixel border line under the subtle background, as the theme's menu bar
    bar.setBackground(new Background(new BackgroundFill(BORDER, CornerRadii.EMPTY, Insets.EMPTY),
        new BackgroundFill(BG_SUBTLE, CornerRadii.EMPTY, new Insets(0, 0, 1, 0))));
    for (String key : MENUS) {
      HBox item = new HBox(text(withoutMnemonic(i18n.text(key)), FG));
      item.setPadding(new Insets(6, 10, 6, 10));
      bar.getChildren().add(item);
    }
    return bar;
  }

  private static Node statusBar(I18n i18n) {
    HBox bar = new HBox(10, text(i18n.text("shell.cluster"), FG_MUTED));
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(5, 10, 4, 10));
    bar.setMinHeight(41);
    // a one-pixel line above, as the shell's status bar under its content
    bar.setBackground(new Background(new BackgroundFill(BORDER, CornerRadii.EMPTY, Insets.EMPTY),
        new BackgroundFill(BG, CornerRadii.EMPTY, new Insets(1, 0, 0, 0))));
    return bar;
  }

  private static Text text(String s, Color colour) {
    Text t = new Text(s);
    t.setFont(Font.font(FONT_SIZE));
    t.setFill(colour);
    return t;
  }

  /** "_File" is "File", "ファイル(_F)" is "ファイル(F)": the menu bar shows mnemonics without the marker. */
  static String withoutMnemonic(String s) {
    return s.replace("_", "");
  }
}
