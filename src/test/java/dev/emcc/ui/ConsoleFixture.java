package dev.emcc.ui;

import dev.emcc.model.Workspace;
import dev.emcc.ui.app.ConsoleApp;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** A console on a TestFX stage, with a given workspace already loaded. */
final class ConsoleFixture {
  final ConsoleModel model = new ConsoleModel();
  final I18n i18n;
  final UiContext ctx;
  final Shell shell;

  ConsoleFixture(Stage stage, Workspace ws, Locale locale) {
    Themes.LIGHT.apply();
    model.load(ws);
    i18n = new I18n(locale);
    ctx = new UiContext(model, i18n);
    shell = new Shell(ctx, new Views());
    stage.setScene(new Scene(shell.root(), 1280, 800));
    stage.show();
    // the keys go to the focused window: a window of an earlier test (a screenshot's stage) may have had it
    stage.toFront();
    stage.requestFocus();
    ConsoleApp.revalidateAfterChanges(ctx, shell);
  }
}
