package dev.emcc.ui;

import dev.emcc.demo.DemoWorkspace;
import dev.emcc.rules.Validator;
import dev.emcc.ui.app.Views;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Themes;
import dev.emcc.ui.shell.Shell;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The console as it starts on the demo (checked, its problems known), shown at 1280x800. */
record DemoConsole(UiContext ctx, Shell shell) {

  /** On the FX thread. */
  static DemoConsole show(Stage stage, Locale lang, Themes theme) {
    theme.apply();
    ConsoleModel model = new ConsoleModel();
    model.setValidator(Validator.standard()::validate);
    model.load(DemoWorkspace.create());
    model.setProblems(model.workspace(), Validator.standard().validate(model.workspace()));
    UiContext ctx = new UiContext(model, new I18n(lang));
    Shell shell = new Shell(ctx, new Views());
    stage.setScene(new Scene(shell.root(), 1280, 800));
    stage.show();
    return new DemoConsole(ctx, shell);
  }
}
