package dev.emcc.ui;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.rules.Validator;
import dev.emcc.ui.errors.ProblemsView;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The console window. Shows the light shell at once, then loads the workspace in the background:
 * the file given on the command line, or the demo workspace.
 */
public final class ConsoleApp extends Application {

  @Override
  public void start(Stage stage) {
    Themes.LIGHT.apply();
    I18n i18n = new I18n(I18n.fromSystem());
    ConsoleModel model = new ConsoleModel();
    model.setValidator(Validator.standard()::validate);
    ConsoleLauncher.wiring().accept(model);
    UiContext ctx = new UiContext(model, i18n);
    Shell shell = new Shell(ctx, new Views());
    // never larger than the screen (small laptops, and headless screens of 1280x800)
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Scene scene = new Scene(shell.root(), Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight()));
    stage.titleProperty().bind(i18n.bind("app.title"));
    stage.setScene(scene);
    stage.show();
    revalidateAfterChanges(ctx, shell);
    List<String> args = getParameters().getUnnamed();
    if (!args.isEmpty()) {
      shell.load(Path.of(args.get(0)));
    } else {
      shell.load(DemoWorkspace::create, i18n.text("status.demo"));
    }
  }

  /** Live validation: the validator runs in the background shortly after the last change. */
  static void revalidateAfterChanges(UiContext ctx, Shell shell) {
    PauseTransition quiet = new PauseTransition(Duration.millis(400));
    quiet.setOnFinished(e -> ProblemsView.validate(ctx, shell));
    ctx.model().workspaceProperty().addListener((o, a, b) -> quiet.playFromStart());
  }
}
