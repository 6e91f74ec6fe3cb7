package dev.emcc.ui.forms;

import atlantafx.base.theme.Styles;
import dev.emcc.catalog.DeviceModels;
import dev.emcc.format.AtomicFiles;
import dev.emcc.model.Cluster;
import dev.emcc.model.DeviceModel;
import dev.emcc.model.Phone;
import dev.emcc.model.Protocol;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.shell.View;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Serviceability > Reports > Phone Feature List: which device models support Extension Mobility
 * Cross Cluster, how many phones of each the cluster has, exportable as CSV.
 */
public final class PhoneFeatureListView implements View {
  /** One row of the report. */
  public record Row(String product, String protocols, boolean supportsEmcc, long phones) {}

  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final FilteredList<Row> filtered = new FilteredList<>(rows);
  private final TextField filter = new TextField();
  private final CheckBox onlyEmcc = new CheckBox();
  private final Label message = new Label();
  private final BorderPane root = new BorderPane();

  public PhoneFeatureListView(UiContext ctx, Shell shell) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    TableView<Row> table = new TableView<>(filtered);
    table.setId("report");
    table.getColumns().add(column("report.product", r -> r.product()));
    table.getColumns().add(column("report.protocols", r -> r.protocols()));
    table.getColumns().add(column("report.feature", r -> i18n.text(r.supportsEmcc() ? "report.yes" : "report.no")));
    table.getColumns().add(column("report.phones", r -> String.valueOf(r.phones())));
    dev.emcc.ui.kit.Columns.fitToContent(table);
    i18n.localeProperty().addListener((o, a, b) -> table.refresh());
    filter.setId("filter");
    filter.promptTextProperty().bind(i18n.bind("list.filter"));
    filter.textProperty().addListener((o, a, b) -> applyFilter());
    onlyEmcc.setId("only-emcc");
    onlyEmcc.textProperty().bind(i18n.bind("report.onlyEmcc"));
    onlyEmcc.selectedProperty().addListener((o, a, b) -> applyFilter());
    Button export = new Button();
    export.textProperty().bind(i18n.bind("report.export"));
    export.setId("export");
    export.setOnAction(e -> chooseAndExport());
    Label feature = new Label();
    feature.textProperty().bind(i18n.bind("report.featureName"));
    feature.getStyleClass().add(Styles.TEXT_BOLD);
    message.setId("message");
    VBox center = new VBox(8, feature, filter, table, message);
    VBox.setVgrow(table, Priority.ALWAYS);
    center.setPadding(new Insets(8, 16, 16, 16));
    root.setTop(new VBox(WindowHeader.of(i18n, "phoneFeatureList"), dev.emcc.ui.kit.Bars.toolbar(onlyEmcc, export)));
    root.setCenter(center);
    root.setId("window-phoneFeatureList");
    refresh();
    ctx.model().workspaceProperty().addListener((o, a, b) -> refresh());
    ctx.model().clusterIdProperty().addListener((o, a, b) -> refresh());
  }

  private TableColumn<Row, String> column(String key, java.util.function.Function<Row, String> text) {
    TableColumn<Row, String> c = new TableColumn<>();
    c.textProperty().bind(i18n.bind(key));
    c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    return c;
  }

  /** The report of a cluster: the catalog's models plus the workspace's own, with phone counts. */
  public static List<Row> report(Cluster c) {
    Map<String, Long> perModel = c.phones().stream()
        .filter(p -> p.model() != null)
        .collect(Collectors.groupingBy(p -> p.model().toLowerCase(Locale.ROOT), Collectors.counting()));
    DeviceModels models = DeviceModels.builtIn().with(c.deviceModels());
    List<Row> list = new java.util.ArrayList<>(models.all().stream().map(m -> new Row(m.name(),
        m.protocols().stream().map(Protocol::json).map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.joining("/")),
        m.supportsEmcc(), perModel.getOrDefault(m.name().toLowerCase(Locale.ROOT), 0L))).toList());
    // phones of models no catalog knows: listed so the report shows them as unsupported
    c.phones().stream().map(Phone::model).filter(m -> m != null && models.find(m).isEmpty()).distinct()
        .forEach(m -> list.add(new Row(m, "", false, perModel.getOrDefault(m.toLowerCase(Locale.ROOT), 0L))));
    return list;
  }

  private void refresh() {
    Cluster c = ctx.cluster();
    rows.setAll(c == null ? List.of() : report(c));
  }

  private void applyFilter() {
    String needle = filter.getText() == null ? "" : filter.getText().trim().toLowerCase(Locale.ROOT);
    boolean only = onlyEmcc.isSelected();
    filtered.setPredicate(r -> (!only || r.supportsEmcc())
        && (needle.isEmpty() || r.product().toLowerCase(Locale.ROOT).contains(needle)));
  }

  /** The report as CSV, quoted where needed (RFC 4180). */
  public static String csv(List<Row> rows) {
    StringBuilder sb = new StringBuilder("Product,Protocols,Extension Mobility Cross Cluster,Phones\r\n");
    for (Row r : rows) {
      sb.append(quote(r.product())).append(',').append(quote(r.protocols())).append(',')
          .append(r.supportsEmcc() ? "Yes" : "No").append(',').append(r.phones()).append("\r\n");
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private void chooseAndExport() {
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName("phone-feature-list.csv");
    File f = chooser.showSaveDialog(root.getScene().getWindow());
    if (f != null) {
      export(f.toPath());
    }
  }

  public void export(Path file) {
    List<Row> snapshot = List.copyOf(filtered);
    Task<Void> job = new Task<>() {
      @Override protected Void call() throws IOException {
        AtomicFiles.writeOwnerOnly(file, csv(snapshot).getBytes(StandardCharsets.UTF_8)); // owner-only like every export
        return null;
      }
    };
    job.setOnSucceeded(e -> message.setText(i18n.text("report.exported", snapshot.size(), file.getFileName())));
    job.setOnFailed(e -> message.setText(i18n.text("report.exportFailed", file, job.getException().getMessage())));
    shell.run(job);
  }

  @Override
  public Node node() {
    return root;
  }
}
