package dev.emcc.ui.app;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.edit.EditService;
import dev.emcc.rules.Validator;
import dev.emcc.store.WorkspaceStore;
import dev.emcc.ui.ConsoleModel;
import dev.emcc.ui.Persistence;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.errors.ProblemsView;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.OpeningView;
import dev.emcc.ui.shell.Shell;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.concurrent.Task;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * The console window. Shows a light opening window at once ({@link OpeningView}), builds the shell
 * in its place right after the first paint, then loads the workspace in the background:
 * the file given on the command line (edits are written back to it), or the console's SQLite
 * store (seeded with the demo workspace on first run; edits are saved to it as they are made).
 */
public final class ConsoleApp extends Application {
  private Persistence persistence;
  private Shell shell;

  @Override
  public void start(Stage stage) {
    // Before the first paint only what the opening window needs: its texts and a few shapes. The
    // theme, the validator and the shell (most of the console's classes) come after it is shown.
    I18n i18n = new I18n(I18n.fromSystem());
    OpeningView opening = new OpeningView(i18n);
    // never larger than the screen (small laptops, and headless screens of 1280x800)
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Scene scene = new Scene(opening.root(), Math.min(1280, screen.getWidth()), Math.min(820, screen.getHeight()));
    stage.setTitle(i18n.text("app.title")); // bound to the language once the shell is there
    stage.setScene(scene);
    StartupProbe.watch(stage);
    // the console's window closed (after the shell's question about unsaved edits) closes the
    // wizards and trainer's phone windows still open, so the console ends (implicit exit)
    stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> List.copyOf(Window.getWindows()).forEach(Window::hide));
    stage.show();
    OpeningView.afterFirstPaint(scene, () -> openConsole(stage, i18n, getParameters().getUnnamed()));
  }

  /** Builds the shell in place of the opening window, then loads the workspace in the background. */
  private void openConsole(Stage stage, I18n i18n, List<String> args) {
    stage.titleProperty().bind(i18n.bind("app.title"));
    Themes.LIGHT.apply();
    ConsoleModel model = new ConsoleModel();
    model.setValidator(Validator.standard()::validate);
    ConsoleLauncher.wiring().accept(model);
    UiContext ctx = new UiContext(model, i18n);
    shell = new Shell(ctx, new Views());
    stage.getScene().setRoot(shell.root());
    StartupProbe.watchLoaded(model.workspaceProperty());
    revalidateAfterChanges(ctx, shell);
    // a workspace file opened (argument or File > Open) is where later edits are written
    shell.setOnFileLoaded(file -> saveTo(Persistence.to(EditService.file(file), ctx), model));
    if (!args.isEmpty()) {
      shell.load(Path.of(args.get(0)));
    } else {
      openStore(ctx, shell);
    }
  }

  /** Opens the console's store in the background (the demo workspace seeds a new one). */
  private void openStore(UiContext ctx, Shell shell) {
    Path db = System.getProperty("emcc.store") != null ? Path.of(System.getProperty("emcc.store"))
        : WorkspaceStore.defaultPath();
    Task<EditService> open = new Task<>() {
      @Override protected EditService call() {
        updateProgress(-1, 1);
        return EditService.openDefault(db, DemoWorkspace::create);
      }
    };
    ctx.status("status.loading", db);
    open.setOnSucceeded(e -> {
      Persistence store = Persistence.to(open.getValue(), ctx);
      saveTo(store, ctx.model());
      shell.load(store::load, db.getFileName().toString());
    });
    open.setOnFailed(e -> ctx.status("status.loadFailed", db, String.valueOf(open.getException().getMessage())));
    shell.run(open);
  }

  private void saveTo(Persistence next, ConsoleModel model) {
    Persistence previous = persistence;
    persistence = next;
    model.setOnCommit(next);
    if (previous != null) {
      try {
        previous.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void stop() throws InterruptedException {
    if (shell != null) {
      shell.close(); // the trainer's live nodes
    }
    if (persistence != null) {
      persistence.close();
    }
  }

  /** Live validation: the validator runs in the background shortly after the last change. */
  public static void revalidateAfterChanges(UiContext ctx, Shell shell) {
    PauseTransition quiet = new PauseTransition(Duration.millis(400));
    quiet.setOnFinished(e -> ProblemsView.validate(ctx, shell));
    ctx.model().workspaceProperty().addListener((o, a, b) -> quiet.playFromStart());
  }
}
