package dev.emcc.ui.bat;

import atlantafx.base.theme.Styles;
import dev.emcc.bat.BatFileException;
import dev.emcc.bat.BatFormat;
import dev.emcc.bat.BatImport;
import dev.emcc.bat.BatKind;
import dev.emcc.bat.ImportApplier;
import dev.emcc.bat.ImportListener;
import dev.emcc.bat.ImportOptions;
import dev.emcc.bat.ImportPlan;
import dev.emcc.bat.RowProblem;
import dev.emcc.edit.Proposal;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.ui.UiContext;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * File > Import BAT CSV...: the file and its kind, format and cluster; Read file streams it into a
 * preview of the first rows as mapped (columns named as in BAT), the list of bad rows with line,
 * column and rule, and the plan (added, changed, unchanged, ignored columns); Apply makes it one
 * change of the console's workspace (Edit > Undo takes it back). The file is read off the JavaFX
 * thread: the preview fills while the rest of the file is still being read.
 */
final class BatImportDialog {
  private final UiContext ctx;
  private final BatTexts t;
  private final Dialog<Void> dialog = new Dialog<>();
  private final TextField file = new TextField();
  private final FileChoices choices;
  private final ComboBox<String> template = new ComboBox<>();
  private final CheckBox skipBadRows = new CheckBox();
  private final ProgressBar progress = new ProgressBar(0);
  private final Label status = new Label();
  private final PreviewTable preview;
  private final ListView<RowProblem> problems = new ListView<>();
  private final Label problemsTitle = new Label();
  private final VBox planBox = new VBox(4);
  private final ButtonType applyType;
  private Button read;
  private Button cancel;
  /** The read under way, null when none: Cancel (or closing the dialog) stops it. */
  private ReadTask running;
  private ImportPlan plan;
  private Workspace planned;
  private Path plannedFile;

  BatImportDialog(UiContext ctx) {
    this.ctx = ctx;
    this.t = new BatTexts(ctx.i18n());
    this.preview = new PreviewTable(t);
    this.choices = new FileChoices(t, ctx, "bat-", BatFormat.INSERT);
    dialog.titleProperty().bind(t.bind("import.title"));
    dialog.setResizable(true);
    UiContext.ownedByTheActiveWindow(dialog);
    applyType = new ButtonType(t.text("button.apply"), ButtonBar.ButtonData.APPLY);
    ButtonType close = new ButtonType(t.text("button.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
    dialog.getDialogPane().getButtonTypes().addAll(applyType, close);
    dialog.getDialogPane().setId("bat-import");
    dialog.getDialogPane().setContent(content());
    dialog.getDialogPane().setPrefSize(1100, 720);
    dialog.getDialogPane().setMinSize(900, 600);
    Button apply = (Button) dialog.getDialogPane().lookupButton(applyType);
    apply.setId("bat-apply");
    apply.textProperty().bind(t.bind("button.apply"));
    ((Button) dialog.getDialogPane().lookupButton(close)).textProperty().bind(t.bind("button.close"));
    apply.setDisable(true);
    apply.addEventFilter(ActionEvent.ACTION, e -> {
      e.consume(); // the dialog stays open to show what was applied
      apply();
    });
    ctx.i18n().localeProperty().addListener((o, a, b) -> showPlan());
    dialog.setOnHidden(e -> cancelRead()); // Close or Escape while reading: stop reading
  }

  Dialog<Void> dialog() {
    return dialog;
  }

  private Node content() {
    file.setId("bat-file");
    file.setPrefColumnCount(48);
    Button browse = t.button("button.browse", "bat-browse", this::browse);
    browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    ComboBox<BatKind> kind = choices.kind;
    ComboBox<String> cluster = choices.cluster;
    template.setId("bat-template");
    template.setEditable(true);
    template.promptTextProperty().bind(t.bind("field.template.prompt"));
    template.setPrefWidth(320);
    skipBadRows.setId("bat-skip-bad-rows");
    skipBadRows.textProperty().bind(t.bind("field.skipBadRows"));
    kind.valueProperty().addListener((o, a, b) -> refreshTemplates());
    cluster.valueProperty().addListener((o, a, b) -> refreshTemplates());
    kind.valueProperty().addListener((o, a, b) -> template.setDisable(kind.getValue() == BatKind.USERS));
    refreshTemplates();

    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(6);
    FileChoices c = choices;
    form.addRow(0, c.labelFor("field.file", file), FileChoices.row(6, file, browse));
    form.addRow(1, c.labelFor("field.kind", kind), FileChoices.row(14, kind, c.labelFor("field.format", c.format),
        c.format, c.labelFor("field.cluster", cluster), cluster));
    form.addRow(2, c.labelFor("field.template", template), FileChoices.row(14, template,
        c.labelFor("field.lines", c.lines), c.lines, c.labelFor("field.speedDials", c.speedDials), c.speedDials));
    form.addRow(3, new Label(), FileChoices.row(14, c.withPassword, skipBadRows));
    read = t.button("button.read", "bat-read", this::read);
    read.setDefaultButton(true);
    read.getStyleClass().add(Styles.ACCENT);
    cancel = t.button("button.cancelRead", "bat-cancel", this::cancelRead);
    cancel.setCancelButton(false); // Escape is the dialog's Close, which cancels too
    showReading(false);
    progress.setPrefWidth(220);
    status.setId("bat-status");
    HBox actions = new HBox(10, read, cancel, progress, status);
    actions.setAlignment(Pos.CENTER_LEFT);

    Label previewTitle = t.label("preview.title");
    previewTitle.getStyleClass().add(Styles.TEXT_BOLD);
    VBox.setVgrow(preview.view(), Priority.ALWAYS);
    VBox top = new VBox(4, previewTitle, preview.view());

    problems.setId("bat-problems");
    problems.setCellFactory(v -> new ListCell<>() {
      {
        setWrapText(true);
        setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        prefWidthProperty().bind(problems.widthProperty().subtract(24));
      }

      @Override protected void updateItem(RowProblem p, boolean empty) {
        super.updateItem(p, empty);
        setText(empty || p == null ? null : p.located(t.locale()));
        getStyleClass().remove(Styles.DANGER);
        if (!empty && p != null) {
          getStyleClass().add(Styles.DANGER);
        }
      }
    });
    problems.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
      if (p != null) {
        preview.reveal(p.line());
      }
    });
    problemsTitle.getStyleClass().add(Styles.TEXT_BOLD);
    problemsTitle.setText(t.text("problems.title", 0));
    VBox.setVgrow(problems, Priority.ALWAYS);
    VBox problemsPane = new VBox(4, problemsTitle, problems);
    Label planTitle = t.label("plan.title");
    planTitle.getStyleClass().add(Styles.TEXT_BOLD);
    planBox.setId("bat-plan");
    VBox planPane = new VBox(4, planTitle, planBox);
    planPane.setPadding(new Insets(0, 0, 0, 8));
    SplitPane bottom = new SplitPane(problemsPane, planPane);
    bottom.setDividerPositions(0.55);
    SplitPane main = new SplitPane(top, bottom);
    main.setOrientation(Orientation.VERTICAL);
    main.setDividerPositions(0.55);
    VBox.setVgrow(main, Priority.ALWAYS);
    VBox root = new VBox(10, form, actions, main);
    root.setPadding(new Insets(4));
    return root;
  }

  /** Template names: the objects of the chosen kind in the chosen cluster. */
  private void refreshTemplates() {
    String keep = template.getEditor().getText();
    template.getItems().clear();
    Cluster c = ctx.model().workspace().cluster(choices.cluster.getValue()).orElse(null);
    BatKind k = choices.kind.getValue();
    if (c != null && k != null && k != BatKind.USERS) {
      k.window().collection().ifPresent(b -> b.get().apply(c).forEach(o -> template.getItems().add(nameOf(b, o))));
    }
    template.getEditor().setText(keep);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String nameOf(dev.emcc.schema.CollectionBinding<?> b, Object o) {
    return String.valueOf(((java.util.function.Function) b.name()).apply(o));
  }

  private void browse() {
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
    File f = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
    if (f != null) {
      file.setText(f.getPath());
    }
  }

  private ImportOptions options() {
    String name = template.getEditor().getText();
    return new ImportOptions(choices.kind.getValue(), choices.format.getValue(), choices.cluster.getValue(),
        choices.lines.getValue(), choices.speedDials.getValue(), choices.passwordColumn(),
        name == null || name.isBlank() || template.isDisabled() ? null : name.strip(), skipBadRows.isSelected(),
        false, 100);
  }

  /** Reads the file in the background; the preview fills as its first rows are read. */
  void read() {
    Path path = file.getText() == null || file.getText().isBlank() ? null : Path.of(file.getText().strip());
    if (path == null || !Files.isRegularFile(path)) {
      status.setText(t.text("status.noFile"));
      return;
    }
    ImportOptions options = options();
    Workspace ws = ctx.model().workspace();
    reset();
    ReadTask task = new ReadTask(path, options, ws);
    running = task;
    progress.progressProperty().bind(task.progressProperty());
    status.textProperty().bind(task.messageProperty());
    showReading(true);
    task.setOnSucceeded(e -> done(task, path, ws));
    task.setOnFailed(e -> done(task, path, ws));
    task.setOnCancelled(e -> cancelled());
    Thread thread = new Thread(task, "emcc-bat-read");
    thread.setDaemon(true);
    thread.start();
  }

  /** While a file is read: Cancel and the progress bar shown, Read file disabled. */
  private void showReading(boolean reading) {
    read.setDisable(reading);
    cancel.setVisible(reading);
    cancel.setManaged(reading);
    progress.setVisible(reading);
  }

  /** Stops the read under way: nothing is planned, nothing applied. */
  void cancelRead() {
    if (running != null) {
      running.cancel(false); // not interrupted: the reader stops at its next row (ImportListener.stopRequested)
    }
  }

  private void cancelled() {
    running = null;
    status.textProperty().unbind();
    progress.progressProperty().unbind();
    showReading(false);
    reset();
    status.setText(t.text("status.cancelled"));
  }

  /** Reads the file on this thread (a screenshot's, a small file): same result, no waiting. */
  void readNow() throws Exception {
    Path path = Path.of(file.getText().strip());
    Workspace ws = ctx.model().workspace();
    reset();
    ImportPlan p = BatImport.plan(path, options(), ws, new ImportListener() {
      @Override public void row(PreviewRow row) {
        preview.add(row);
      }
    });
    shown(p, path, ws);
  }

  private void reset() {
    plan = null;
    preview.clear();
    problems.getItems().clear();
    planBox.getChildren().clear();
    applyButton().setDisable(true);
  }

  private final class ReadTask extends Task<ImportPlan> implements ImportListener {
    private final Path path;
    private final ImportOptions options;
    private final Workspace ws;

    ReadTask(Path path, ImportOptions options, Workspace ws) {
      this.path = path;
      this.options = options;
      this.ws = ws;
    }

    @Override protected ImportPlan call() throws Exception {
      updateProgress(-1, 1);
      return BatImport.plan(path, options, ws, this);
    }

    @Override public void row(PreviewRow row) {
      Platform.runLater(() -> {
        if (!isCancelled()) { // rows queued before a cancel stay out of the cleared preview
          preview.add(row);
        }
      });
    }

    @Override public boolean stopRequested() {
      return isCancelled();
    }

    @Override public void progress(long bytesRead, long size, long rows) {
      updateProgress(bytesRead, Math.max(1, size));
      updateMessage(t.text("status.reading", rows));
    }
  }

  private void done(ReadTask task, Path path, Workspace ws) {
    running = null;
    status.textProperty().unbind();
    progress.progressProperty().unbind();
    showReading(false);
    if (task.getException() != null) {
      Throwable e = task.getException();
      status.setText(e instanceof BatFileException b ? b.text(t.locale()) : String.valueOf(e.getMessage()));
      status.getStyleClass().add(Styles.DANGER);
      return;
    }
    shown(task.getValue(), path, ws);
  }

  private void shown(ImportPlan p, Path path, Workspace ws) {
    status.getStyleClass().remove(Styles.DANGER);
    plan = p;
    planned = ws;
    plannedFile = path;
    problems.getItems().setAll(p.problems());
    showPlan();
    applyButton().setDisable(!p.applicable() || !p.changesSomething());
    status.setText(t.text("status.read", p.rows())); // last: it says the rest is shown
  }

  private void showPlan() {
    problemsTitle.setText(t.text("problems.title", plan == null ? 0 : plan.problems().size()));
    planBox.getChildren().clear();
    if (plan == null) {
      return;
    }
    for (String line : plan.summary(t.locale())) {
      Label l = new Label(line);
      l.setWrapText(true);
      planBox.getChildren().add(l);
    }
    problems.refresh();
  }

  private Button applyButton() {
    return (Button) dialog.getDialogPane().lookupButton(applyType);
  }

  /** Applies the plan as one change of the workspace (one undo step), then says what it did. */
  private void apply() {
    if (plan == null || !plan.applicable()) {
      return;
    }
    if (ctx.model().workspace() != planned) {
      status.setText(t.text("status.changed"));
      applyButton().setDisable(true);
      return;
    }
    ImportPlan p = plan;
    Workspace ws = planned;
    String fileName = plannedFile.getFileName().toString();
    applyButton().setDisable(true);
    read.setDisable(true);
    progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
    progress.setVisible(true);
    status.setText(t.text("status.applying"));
    Task<Void> applying = new Task<>() {
      @Override protected Void call() throws Exception {
        if (p.changesSomething()) {
          Proposal change = ImportApplier.proposal(ws, p, fileName);
          Platform.runLater(() -> ctx.model().commit(change.workspace(), change.origin().description()));
        }
        return null;
      }
    };
    applying.stateProperty().addListener((o, a, state) -> {
      if (state == javafx.concurrent.Worker.State.SUCCEEDED || state == javafx.concurrent.Worker.State.FAILED) {
        progress.setVisible(false);
        read.setDisable(false);
      }
    });
    applying.setOnSucceeded(e -> {
      String counts = String.join("; ", p.summary(t.locale()).subList(1, 1 + p.counts().size()));
      status.setText(t.text("status.applied", counts));
      ctx.statusProperty().set(status.getText());
      plan = null;
    });
    applying.setOnFailed(e -> status.setText(String.valueOf(applying.getException().getMessage())));
    Thread thread = new Thread(applying, "emcc-bat-apply");
    thread.setDaemon(true);
    thread.start();
  }

  /** For screenshots: the template's name. */
  void setTemplate(String name) {
    template.getEditor().setText(name);
  }

  /** For tests and screenshots: the file field. */
  TextField fileField() {
    return file;
  }

  List<RowProblem> shownProblems() {
    return List.copyOf(problems.getItems());
  }
}
