package dev.emcc.ui.certs;

import atlantafx.base.theme.Styles;
import dev.emcc.certs.CertificateCodec;
import dev.emcc.certs.CertificateSelection;
import dev.emcc.certs.NodeCertificateIssuer;
import dev.emcc.certs.NodeKeyMaterial;
import dev.emcc.certs.NodeKeyStore;
import dev.emcc.model.Certificate;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.model.Node;
import dev.emcc.model.Workspace;
import dev.emcc.schema.CertificatesFields;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.forms.WindowHeader;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import dev.emcc.ui.certs.CertificatesModel.CertRow;
import dev.emcc.ui.certs.CertificatesModel.Missing;
import dev.emcc.ui.certs.CertificatesModel.TrustRow;
import dev.emcc.ui.shell.View;
import java.io.File;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * OS Administration > Security > Certificate Management: the certificates of every node of the
 * shown cluster (expired and soon-expiring ones marked), Generate and Import from a file, the
 * cluster's trust stores with the owner of each fingerprint, the remote certificates missing from
 * them (trust.missingRemoteCert, 208), and the three Bulk Certificate Management wizards. What it
 * shows and does is {@link CertificatesModel}'s; this class lays it out.
 */
public final class CertificatesView implements View {
  private final UiContext ctx;
  private final I18n i18n;
  private final CertificatesModel model;
  private final BorderPane root = new BorderPane();
  private final TableView<CertRow> certs = new TableView<>();
  private final TableView<TrustRow> trust = new TableView<>();
  private final VBox missing = new VBox(2);
  private final ComboBox<String> node = new ComboBox<>();
  private final ComboBox<CertificateSelection> type = new ComboBox<>();
  private final Label message = new Label();
  private final ProgressBar progress = new ProgressBar();
  private final Button generate = new Button();

  public CertificatesView(UiContext ctx, Shell shell, CertsHome home, Clock clock) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.model = new CertificatesModel(home, clock);
    buildCertTable();
    buildTrustTable();
    node.setId("cert-node");
    type.setId("cert-type");
    type.getItems().setAll(CertificatesModel.selections());
    type.setValue(CertificateSelection.ALL);
    type.setConverter(Controls.shownAs(s -> s.only() == null ? i18n.text("certs.type.all") : s.only().json()));
    node.setConverter(Controls.shownAs(n -> n == null || n.isEmpty() ? i18n.text("certs.allNodes") : n));
    Controls.relabelOnSwitch(type, i18n);
    Controls.relabelOnSwitch(node, i18n);
    generate.textProperty().bind(i18n.bind("certs.generate"));
    generate.setId("cert-generate");
    generate.setOnAction(e -> generate());
    Button importFile = button("certs.importFile", "cert-import-file", this::importFile);
    Button export = button("wizard.export.title", "bulk-export", () -> BulkWizards.export(ctx, home).showAndWait());
    Button consolidate = button("wizard.consolidate.title", "bulk-consolidate",
        () -> BulkWizards.consolidate(ctx, home).showAndWait());
    Button imp = button("wizard.import.title", "bulk-import", () -> BulkWizards.importInto(ctx, home).showAndWait());
    Label nodeLabel = label("certs.node");
    Label typeLabel = label(CertificatesFields.TYPE.labelKey());
    progress.setVisible(false);
    progress.setPrefWidth(140);
    message.setId("cert-message");
    message.setWrapText(true);
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    node.setPrefWidth(230);
    for (javafx.scene.control.Control c : List.of(nodeLabel, typeLabel, generate, importFile, export, consolidate, imp)) {
      c.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox actions = new HBox(8, nodeLabel, node, typeLabel, type, generate, importFile, progress);
    actions.setAlignment(Pos.CENTER_LEFT);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label bulk = label("certs.bulk");
    bulk.getStyleClass().add(Styles.TEXT_BOLD);
    bulk.setMinWidth(Region.USE_PREF_SIZE);
    HBox bulkBar = new HBox(8, bulk, export, consolidate, imp);
    bulkBar.setAlignment(Pos.CENTER_LEFT);
    Label certsTitle = label(CertificatesFields.NODE_CERTIFICATES.titleKey());
    certsTitle.getStyleClass().add(Styles.TITLE_4);
    Label trustTitle = label(CertificatesFields.TRUST_STORES.titleKey());
    trustTitle.getStyleClass().add(Styles.TITLE_4);
    missing.setId("trust-missing");
    VBox body = new VBox(8, bulkBar, certsTitle, actions, message, certs, trustTitle, missing, trust);
    VBox.setVgrow(certs, Priority.ALWAYS);
    VBox.setVgrow(trust, Priority.ALWAYS);
    body.setPadding(new Insets(0, 16, 12, 16));
    root.setTop(WindowHeader.of(ctx, CertificatesFields.ID));
    root.setCenter(body);
    root.setId("certificates-view");
    ctx.model().workspaceProperty().addListener((o, a, b) -> refresh());
    ctx.model().clusterIdProperty().addListener((o, a, b) -> refresh());
    i18n.localeProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  public CertificatesView(UiContext ctx, Shell shell) {
    this(ctx, shell, CertsHome.standard(), Clock.systemUTC());
  }


  private Label label(String key) {
    return Controls.label(i18n, key);
  }

  private Button button(String key, String id, Runnable action) {
    return Controls.button(i18n, key, id, action);
  }

  private void buildCertTable() {
    certs.setId("cert-table");
    certs.getColumns().add(column("certs.col.node", 220, r -> r.node()));
    certs.getColumns().add(column("certs.col.type", 150, r -> r.cert().type() == null ? "" : r.cert().type().json()));
    certs.getColumns().add(column("certs.col.state", 110, r -> i18n.text("certs.state." + CertificatesModel.state(r.cert(), model.now()))));
    certs.getColumns().add(column(CertificatesFields.NOT_AFTER.labelKey(), 150, r -> CertificatesModel.date(r.cert().notAfter())));
    certs.getColumns().add(column("certs.col.notBefore", 150, r -> CertificatesModel.date(r.cert().notBefore())));
    certs.getColumns().add(column("certs.col.sha256", 330, r -> r.cert().sha256()));
    certs.getColumns().add(column("certs.col.subject", 320, r -> r.cert().subject()));
    certs.setRowFactory(t -> new TableRow<>() {
      @Override protected void updateItem(CertRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        setStyle(null);
        if (!empty && row != null) {
          String s = CertificatesModel.state(row.cert(), model.now());
          if (s.equals("expired")) {
            setStyle("-fx-background-color: -color-danger-subtle;");
          } else if (s.equals("soon")) {
            setStyle("-fx-background-color: -color-warning-subtle;");
          }
        }
      }
    });
    certs.setPrefHeight(220);
    dev.emcc.ui.kit.Columns.fitToContent(certs);
  }

  private void buildTrustTable() {
    trust.setId("trust-table");
    trust.getColumns().add(column("certs.col.store", 140, TrustRow::store));
    trust.getColumns().add(column("certs.col.owner", 380, TrustRow::owner));
    trust.getColumns().add(column("certs.col.sha256", 520, TrustRow::sha256));
    trust.setPrefHeight(200);
    dev.emcc.ui.kit.Columns.fitToContent(trust);
  }

  private <R> TableColumn<R, String> column(String key, double width, Function<R, String> value) {
    TableColumn<R, String> c = new TableColumn<>();
    c.setPrefWidth(width);
    c.textProperty().bind(i18n.bind(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  private void refresh() {
    Cluster cluster = ctx.cluster();
    String chosen = node.getValue();
    node.getItems().setAll("");
    if (cluster != null) {
      cluster.nodes().forEach(n -> node.getItems().add(n.name()));
    }
    node.setValue(chosen != null && node.getItems().contains(chosen) ? chosen : "");
    certs.getItems().setAll(CertificatesModel.certRows(cluster));
    trust.getItems().setAll(cluster == null ? List.of() : CertificatesModel.trustRows(ctx.model().workspace(), cluster));
    missing.getChildren().clear();
    if (cluster != null) {
      for (Missing m : CertificatesModel.missing(ctx.model().workspace(), cluster)) {
        Label l = new Label(i18n.text("certs.missing", m.store(), m.clusterId(), m.node(), m.type().json(),
            CertificatesModel.abbreviate(m.sha256())));
        l.getStyleClass().add(Styles.DANGER);
        missing.getChildren().add(l);
      }
      if (missing.getChildren().isEmpty()) {
        Label ok = new Label(i18n.text("certs.noneMissing"));
        ok.getStyleClass().add(Styles.SUCCESS);
        missing.getChildren().add(ok);
      }
    }
  }

  /** Issues certificates (keys into the key store) off the JavaFX thread, then commits them. */
  private void generate() {
    Cluster cluster = ctx.cluster();
    if (cluster == null) {
      return;
    }
    String clusterId = cluster.clusterId();
    String onlyNode = node.getValue() == null || node.getValue().isEmpty() ? null : node.getValue();
    CertificateSelection sel = type.getValue();
    Task<List<NodeKeyMaterial>> task = new Task<>() {
      @Override protected List<NodeKeyMaterial> call() throws Exception {
        updateMessage(i18n.text("certs.generating"));
        return model.generate(cluster, onlyNode, sel, p -> {
          updateProgress(p.done(), p.total());
          updateMessage(p.text(i18n.locale()));
        });
      }
    };
    task.setOnSucceeded(e -> {
      List<NodeKeyMaterial> issued = task.getValue();
      ctx.model().commit(ctx.model().workspace().updateCluster(clusterId, c -> CertificatesModel.withCertificates(c, issued)),
          i18n.text("certs.generated", issued.size(), clusterId));
      message.textProperty().unbind();
      message.setText(i18n.text("certs.generated", issued.size(), clusterId));
      message.getStyleClass().setAll("label", Styles.SUCCESS);
    });
    task.setOnFailed(e -> {
      message.textProperty().unbind();
      message.setText(i18n.text("certs.failed", String.valueOf(task.getException().getMessage())));
      message.getStyleClass().setAll("label", Styles.DANGER);
    });
    start(task);
  }

  private void start(Task<?> task) {
    message.getStyleClass().setAll("label");
    message.textProperty().bind(task.messageProperty());
    progress.visibleProperty().bind(task.runningProperty());
    progress.progressProperty().bind(task.progressProperty());
    generate.disableProperty().bind(task.runningProperty());
    Thread t = new Thread(task, "emcc-certificates");
    t.setDaemon(true);
    t.start();
  }

  /** A node's certificate of one type from a PEM or DER file (the key stays where it was made). */
  private void importFile() {
    Cluster cluster = ctx.cluster();
    String n = node.getValue();
    CertificateSelection sel = type.getValue();
    if (cluster == null || n == null || n.isEmpty() || sel.only() == null) {
      message.textProperty().unbind();
      message.setText(i18n.text("certs.chooseNodeAndType"));
      message.getStyleClass().setAll("label", Styles.WARNING);
      return;
    }
    FileChooser chooser = new FileChooser();
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PEM / DER", "*.pem", "*.crt", "*.cer", "*.der"));
    File f = chooser.showOpenDialog(root.getScene().getWindow());
    if (f != null) {
      importFile(f, cluster.clusterId(), n, sel.only());
    }
  }

  /** Reads the file and commits its first certificate as the node's certificate of that type. */
  public void importFile(File f, String clusterId, String nodeName, CertificateType t) {
    message.textProperty().unbind();
    try {
      ctx.model().commit(CertificatesModel.withCertificateFrom(ctx.model().workspace(), f.toPath(), clusterId, nodeName, t),
          i18n.text("certs.imported", t.json(), nodeName));
      message.setText(i18n.text("certs.imported", t.json(), nodeName));
      message.getStyleClass().setAll("label", Styles.SUCCESS);
    } catch (Exception e) {
      message.setText(i18n.text("certs.failed", String.valueOf(e.getMessage())));
      message.getStyleClass().setAll("label", Styles.DANGER);
    }
  }

  @Override
  public javafx.scene.Node node() {
    return root;
  }

  @Override
  public void reveal(String object, String field) {
    if (object == null) {
      return;
    }
    certs.getItems().stream().filter(r -> r.node().equals(object)).findFirst().ifPresent(r -> {
      certs.getSelectionModel().select(r);
      certs.scrollTo(r);
    });
  }
}
