package dev.emcc.ui.errors;

import atlantafx.base.theme.Styles;
import dev.emcc.model.Workspace;
import dev.emcc.rules.Diagnostic;
import dev.emcc.schema.Windows;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.forms.WindowHeader;
import dev.emcc.ui.kit.Columns;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.kit.Severities;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * The problems panel: the validator's findings for the workspace; a double-click (or Enter)
 * opens the window, the object and the field that fixes the problem. A finding that predicts a
 * login error names the login that would fail and runs it in the simulator on request.
 */
public final class ProblemsView implements View {
  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final TableView<Diagnostic> table;
  private final Label summary = new Label();
  private final BorderPane root = new BorderPane();

  public ProblemsView(UiContext ctx, Shell shell) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    table = new TableView<>(ctx.model().problems());
    table.setId("problems");
    TableColumn<Diagnostic, String> severity = column("problems.severity", d -> Severities.word(i18n, d.severity()));
    // the word in its severity's colour, as a field's inline finding shows it
    severity.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
      @Override protected void updateItem(String word, boolean empty) {
        super.updateItem(word, empty);
        setText(empty ? null : word);
        int i = getIndex();
        Diagnostic d = empty || i < 0 || i >= getTableView().getItems().size() ? null : getTableView().getItems().get(i);
        Severities.colour(this, d == null ? null : d.severity());
      }
    });
    severity.setId("problems-severity");
    table.getColumns().add(severity);
    table.getColumns().add(column("problems.cluster", Diagnostic::cluster));
    table.getColumns().add(Columns.wrapping(column("problems.message", d -> message(i18n, d))));
    table.getColumns().add(column("problems.error", d -> d.predictedError() == null ? "" : String.valueOf(d.predictedError())));
    table.getColumns().add(column("problems.where", d -> where(i18n, d)));
    // headers, severities and window / object / field paths whole; the message wraps in the rest
    Columns.fitToContent(table);
    Label none = new Label();
    none.textProperty().bind(i18n.bind("problems.none"));
    table.setPlaceholder(none);
    table.setRowFactory(t -> {
      TableRow<Diagnostic> row = new TableRow<>();
      row.setOnMouseClicked(e -> {
        if (e.getClickCount() == 2 && !row.isEmpty()) {
          go(row.getItem());
        }
      });
      return row;
    });
    table.setOnKeyPressed(e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
        go(table.getSelectionModel().getSelectedItem());
      }
    });
    i18n.localeProperty().addListener((o, a, b) -> {
      table.refresh();
      updateSummary();
    });
    Button validate = new Button();
    validate.textProperty().bind(i18n.bind("problems.validate"));
    validate.setId("validate");
    validate.setOnAction(e -> validate());
    summary.setId("problems-summary");
    summary.getStyleClass().add(Styles.TEXT_MUTED);
    ctx.model().problems().addListener((javafx.collections.ListChangeListener<Diagnostic>) c -> updateSummary());
    updateSummary();
    Label detail = new Label();
    detail.setId("problem-detail");
    detail.setWrapText(true);
    detail.setMinHeight(56);
    javafx.scene.control.Hyperlink lookup = new javafx.scene.control.Hyperlink();
    lookup.setId("lookup-error");
    lookup.setVisible(false);
    Runnable updateLookup = () -> {
      Diagnostic d = table.getSelectionModel().getSelectedItem();
      boolean has = d != null && d.predictedError() != null;
      lookup.setVisible(has);
      lookup.setText(has ? i18n.text("problems.lookup", d.predictedError()) : "");
    };
    lookup.setOnAction(e -> {
      Diagnostic d = table.getSelectionModel().getSelectedItem();
      if (d != null && d.predictedError() != null) {
        shell.reveal(Windows.ERROR_LOOKUP.id(), String.valueOf(d.predictedError()), null);
      }
    });
    i18n.localeProperty().addListener((o, a, b) -> updateLookup.run());
    // "a login on PHONE by USER would fail with CODE", and a button that runs it in the simulator
    dev.emcc.ui.simulator.PredictionBox prediction = new dev.emcc.ui.simulator.PredictionBox(ctx, shell, "problem-prediction");
    table.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
      detail.setText(describe(d));
      updateLookup.run();
      prediction.show(d);
    });
    i18n.localeProperty().addListener((o, a, b) -> detail.setText(describe(table.getSelectionModel().getSelectedItem())));
    VBox center = new VBox(6, table, detail, prediction, lookup);
    VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    center.setPadding(new Insets(0, 16, 16, 16));
    root.setTop(new VBox(WindowHeader.of(i18n, Windows.PROBLEMS.id()), dev.emcc.ui.kit.Bars.toolbar(validate, summary)));
    root.setCenter(center);
    root.setId("window-" + Windows.PROBLEMS.id());
  }

  /** A finding's message in the shown language. */
  public static String message(I18n i18n, Diagnostic d) {
    return i18n.isJapanese() && d.messageJa() != null ? d.messageJa() : d.message();
  }

  /** Where a finding is fixed: window / object / field in the shown language, else its JSON path. */
  public static String where(I18n i18n, Diagnostic d) {
    if (d.fix() == null) {
      return d.path();
    }
    String window = d.fix().window();
    return i18n.text(Windows.of(window).titleKey()) + (d.fix().object() == null ? "" : " / " + d.fix().object())
        + (d.fix().field() == null ? "" : " / "
            + Windows.field(window, d.fix().field()).map(f -> i18n.text(f.labelKey())).orElse(d.fix().field()));
  }

  private String describe(Diagnostic d) {
    if (d == null) {
      return "";
    }
    return message(i18n, d) + "\n" + d.path() + (d.predictedError() == null ? "" : "   " + i18n.text("problems.predicted", d.predictedError()));
  }

  private TableColumn<Diagnostic, String> column(String key, Function<Diagnostic, String> text) {
    TableColumn<Diagnostic, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.bind(key));
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    return c;
  }

  private void updateSummary() {
    summary.setText(ctx.model().validator().isEmpty() ? i18n.text("problems.noValidator")
        : i18n.text("problems.count", ctx.model().problems().size()));
  }

  /** Opens the window where the diagnostic is fixed. */
  public void go(Diagnostic d) {
    if (d.fix() != null) {
      if (d.cluster() != null && ctx.model().workspace().cluster(d.cluster()).isPresent()) {
        ctx.model().clusterIdProperty().set(d.cluster());
      }
      shell.reveal(d.fix().window(), d.fix().object(), d.fix().field());
    }
  }

  /** Runs the validator off the JavaFX thread and shows its findings. */
  public void validate() {
    validate(ctx, shell);
  }

  public static void validate(UiContext ctx, Shell shell) {
    var validator = ctx.model().validator();
    if (validator.isEmpty()) {
      return;
    }
    Function<Workspace, List<Diagnostic>> v = validator.get();
    Workspace ws = ctx.model().workspace();
    Task<List<Diagnostic>> job = new Task<>() {
      @Override protected List<Diagnostic> call() {
        return v.apply(ws);
      }
    };
    job.setOnSucceeded(e -> {
      if (ctx.model().workspace() == ws) {
        ctx.model().setProblems(ws, job.getValue());
      }
    });
    shell.run(job);
  }

  @Override
  public Node node() {
    return root;
  }
}
