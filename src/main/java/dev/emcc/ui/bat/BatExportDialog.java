package dev.emcc.ui.bat;

import atlantafx.base.theme.Styles;
import dev.emcc.bat.BatExport;
import dev.emcc.bat.BatFileException;
import dev.emcc.bat.BatFormat;
import dev.emcc.bat.BatKind;
import dev.emcc.bat.ExportOptions;
import dev.emcc.bat.ExportResult;
import dev.emcc.bat.PinFile;
import dev.emcc.model.Workspace;
import dev.emcc.ui.UiContext;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * File > Export BAT CSV...: a cluster's users, device profiles or phones as a BAT file, written
 * off the JavaFX thread; what was written (rows, the groups an insert file has, the PIN column's
 * fate) is shown after. PINs come only from a PIN file the user names.
 */
final class BatExportDialog {
  private final UiContext ctx;
  private final BatTexts t;
  private final Dialog<Void> dialog = new Dialog<>();
  private final FileChoices choices;
  private final TextField out = new TextField();
  private final TextField pins = new TextField();
  private final ProgressBar progress = new ProgressBar();
  private final VBox result = new VBox(4);
  private Button export;

  BatExportDialog(UiContext ctx) {
    this.ctx = ctx;
    this.t = new BatTexts(ctx.i18n());
    this.choices = new FileChoices(t, ctx, "bat-export-", BatFormat.EXPORT);
    dialog.titleProperty().bind(t.bind("export.title"));
    dialog.setResizable(true);
    UiContext.ownedByTheActiveWindow(dialog);
    ButtonType close = new ButtonType(t.text("button.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().add(close);
    ((Button) dialog.getDialogPane().lookupButton(close)).textProperty().bind(t.bind("button.close"));
    dialog.getDialogPane().setId("bat-export");
    dialog.getDialogPane().setContent(content());
    dialog.getDialogPane().setPrefWidth(860);
    dialog.getDialogPane().setMinWidth(760);
  }

  Dialog<Void> dialog() {
    return dialog;
  }

  private Node content() {
    FileChoices c = choices;
    out.setId("bat-export-out");
    out.setPrefColumnCount(40);
    pins.setId("bat-export-pins");
    pins.setPrefColumnCount(40);
    pins.promptTextProperty().bind(t.bind("field.pins.prompt"));
    c.kind.valueProperty().addListener((o, a, b) -> pins.setDisable(c.kind.getValue() != BatKind.USERS));
    pins.setDisable(c.kind.getValue() != BatKind.USERS);
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, c.labelFor("field.kind", c.kind), FileChoices.row(14, c.kind, c.labelFor("field.format",
        c.format), c.format));
    form.addRow(1, c.labelFor("field.cluster", c.cluster), c.cluster);
    form.addRow(2, c.labelFor("field.lines", c.lines), FileChoices.row(14, c.lines, c.labelFor("field.speedDials",
        c.speedDials), c.speedDials, c.withPassword));
    Button browseOut = t.button("button.browse", "bat-export-browse", () -> choose(out, true));
    Button browsePins = t.button("button.browse", "bat-export-pins-browse", () -> choose(pins, false));
    browseOut.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    browsePins.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    form.addRow(3, c.labelFor("field.out", out), FileChoices.row(6, out, browseOut));
    form.addRow(4, c.labelFor("field.pins", pins), FileChoices.row(6, pins, browsePins));
    export = t.button("button.export", "bat-export-run", this::export);
    export.setDefaultButton(true);
    export.getStyleClass().add(Styles.ACCENT);
    progress.setVisible(false);
    result.setId("bat-export-result");
    VBox root = new VBox(12, form, FileChoices.row(10, export, progress), result);
    root.setPadding(new Insets(4));
    return root;
  }

  private void choose(TextField into, boolean save) {
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
    javafx.stage.Window owner = dialog.getDialogPane().getScene().getWindow();
    File f = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
    if (f != null) {
      into.setText(f.getPath());
    }
  }

  /** Writes the file on this thread and shows what was written (a screenshot's: no waiting). */
  void exportNow() throws Exception {
    result.getChildren().clear();
    ExportOptions options = new ExportOptions(choices.kind.getValue(), choices.format.getValue(),
        choices.cluster.getValue(), choices.lines.getValue(), choices.speedDials.getValue(), false);
    Path target = Path.of(out.getText().strip());
    ExportResult r = BatExport.write(ctx.model().workspace(), options, target, null, null);
    say(t.text("status.exported", target), false);
    r.summary(t.locale(), options.kind(), options.format()).forEach(s -> say(s, false));
  }

  /** For screenshots: the kind. */
  void setKind(BatKind k) {
    choices.kind.setValue(k);
  }

  /** Writes the file in the background, then shows what was written (or why not). */
  void export() {
    result.getChildren().clear();
    if (out.getText() == null || out.getText().isBlank()) {
      say(t.text("status.noFile"), true);
      return;
    }
    Path target = Path.of(out.getText().strip());
    Path pinFile = pins.isDisabled() || pins.getText() == null || pins.getText().isBlank() ? null
        : Path.of(pins.getText().strip());
    ExportOptions options = new ExportOptions(choices.kind.getValue(), choices.format.getValue(),
        choices.cluster.getValue(), choices.lines.getValue(), choices.speedDials.getValue(),
        choices.passwordColumn());
    Workspace ws = ctx.model().workspace();
    Task<ExportResult> task = new Task<>() {
      @Override protected ExportResult call() throws Exception {
        Map<String, String> pinValues = pinFile == null ? null : PinFile.read(pinFile);
        return BatExport.write(ws, options, target, null, pinValues);
      }
    };
    progress.setVisible(true);
    export.setDisable(true);
    task.setOnSucceeded(e -> {
      finished();
      say(t.text("status.exported", target), false);
      task.getValue().summary(t.locale(), options.kind(), options.format()).forEach(s -> say(s, false));
      ctx.statusProperty().set(t.text("status.exported", target));
    });
    task.setOnFailed(e -> {
      finished();
      Throwable x = task.getException();
      say(x instanceof BatFileException b ? b.text(t.locale()) : String.valueOf(x.getMessage()), true);
    });
    Thread thread = new Thread(task, "emcc-bat-export");
    thread.setDaemon(true);
    thread.start();
  }

  private void finished() {
    progress.setVisible(false);
    export.setDisable(false);
  }

  private void say(String text, boolean bad) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    if (bad) {
      l.getStyleClass().add(Styles.DANGER);
    }
    result.getChildren().add(l);
  }

  TextField outField() {
    return out;
  }
}
