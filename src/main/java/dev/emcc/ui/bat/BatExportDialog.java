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
import dev.emcc.ui.kit.Controls;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
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
  private final ComboBox<BatKind> kind = new ComboBox<>();
  private final ComboBox<BatFormat> format = new ComboBox<>();
  private final ComboBox<String> cluster = new ComboBox<>();
  private final Spinner<Integer> lines = new Spinner<>(0, 200, 1);
  private final Spinner<Integer> speedDials = new Spinner<>(0, 200, 1);
  private final CheckBox withPassword = new CheckBox();
  private final TextField out = new TextField();
  private final TextField pins = new TextField();
  private final ProgressBar progress = new ProgressBar();
  private final VBox result = new VBox(4);
  private Button export;

  BatExportDialog(UiContext ctx) {
    this.ctx = ctx;
    this.t = new BatTexts(ctx.i18n());
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
    kind.setId("bat-export-kind");
    kind.getItems().setAll(BatKind.values());
    kind.setConverter(Controls.shownAs(k -> k.text(t.locale())));
    kind.setValue(BatKind.UDP);
    format.setId("bat-export-format");
    format.getItems().setAll(BatFormat.values());
    format.setConverter(Controls.shownAs(f -> t.text("format." + f.id())));
    format.setValue(BatFormat.EXPORT);
    cluster.setId("bat-export-cluster");
    ctx.model().workspace().clusters().forEach(c -> cluster.getItems().add(c.clusterId()));
    cluster.setValue(ctx.model().clusterIdProperty().get());
    lines.setPrefWidth(80);
    speedDials.setPrefWidth(80);
    withPassword.textProperty().bind(t.bind("field.withPassword"));
    out.setId("bat-export-out");
    out.setPrefColumnCount(40);
    pins.setId("bat-export-pins");
    pins.setPrefColumnCount(40);
    for (javafx.scene.layout.Region r : List.of(kind, format, cluster)) {
      r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    pins.promptTextProperty().bind(t.bind("field.pins.prompt"));
    format.valueProperty().addListener((o, a, b) -> insertOptions());
    kind.valueProperty().addListener((o, a, b) -> insertOptions());
    insertOptions();
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    form.addRow(0, labelFor("field.kind", kind), row(14, kind, labelFor("field.format", format), format));
    form.addRow(1, labelFor("field.cluster", cluster), cluster);
    form.addRow(2, labelFor("field.lines", lines), row(14, lines, labelFor("field.speedDials", speedDials),
        speedDials, withPassword));
    Button browseOut = t.button("button.browse", "bat-export-browse", () -> choose(out, true));
    Button browsePins = t.button("button.browse", "bat-export-pins-browse", () -> choose(pins, false));
    browseOut.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    browsePins.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    form.addRow(3, labelFor("field.out", out), row(6, out, browseOut));
    form.addRow(4, labelFor("field.pins", pins), row(6, pins, browsePins));
    export = t.button("button.export", "bat-export-run", this::export);
    export.setDefaultButton(true);
    export.getStyleClass().add(Styles.ACCENT);
    progress.setVisible(false);
    result.setId("bat-export-result");
    VBox root = new VBox(12, form, row(10, export, progress), result);
    root.setPadding(new Insets(4));
    return root;
  }

  private static HBox row(double gap, Node... nodes) {
    HBox h = new HBox(gap, nodes);
    h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return h;
  }

  private Label labelFor(String key, Node control) {
    Label l = t.label(key);
    l.setLabelFor(control);
    l.setMinWidth(Label.USE_PREF_SIZE);
    return l;
  }

  private void insertOptions() {
    boolean insert = format.getValue() == BatFormat.INSERT;
    lines.setDisable(!insert || kind.getValue() == BatKind.USERS);
    speedDials.setDisable(!insert || kind.getValue() == BatKind.USERS);
    withPassword.setDisable(!insert || kind.getValue() != BatKind.USERS);
    pins.setDisable(kind.getValue() != BatKind.USERS);
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
    ExportOptions options = new ExportOptions(kind.getValue(), format.getValue(), cluster.getValue(),
        lines.getValue(), speedDials.getValue(), false);
    Path target = Path.of(out.getText().strip());
    ExportResult r = BatExport.write(ctx.model().workspace(), options, target, null, null);
    say(t.text("status.exported", target), false);
    r.summary(t.locale(), options.kind(), options.format()).forEach(s -> say(s, false));
  }

  /** For screenshots: the kind. */
  void setKind(BatKind k) {
    kind.setValue(k);
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
    ExportOptions options = new ExportOptions(kind.getValue(), format.getValue(), cluster.getValue(),
        lines.getValue(), speedDials.getValue(), withPassword.isSelected() && !withPassword.isDisabled());
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
