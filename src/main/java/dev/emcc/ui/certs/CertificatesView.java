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
 * them (trust.missingRemoteCert, 208), and the three Bulk Certificate Management wizards.
 */
public final class CertificatesView implements View {
  /** A certificate expiring within this is marked as a warning. */
  static final Duration SOON = Duration.ofDays(30);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  /** One certificate of one node. */
  public record CertRow(String node, Certificate cert) {}

  /** One fingerprint of a trust store, with what it is when the workspace knows it. */
  public record TrustRow(String store, String sha256, String owner) {}

  /** A remote certificate a trust store should hold but does not. */
  public record Missing(String store, String clusterId, String node, CertificateType type, String sha256) {}

  private final UiContext ctx;
  private final I18n i18n;
  private final CertsHome home;
  private final Clock clock;
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
    this.home = home;
    this.clock = clock;
    buildCertTable();
    buildTrustTable();
    node.setId("cert-node");
    type.setId("cert-type");
    type.getItems().add(CertificateSelection.ALL);
    for (CertificateType t : CertificateType.values()) {
      type.getItems().add(new CertificateSelection(t));
    }
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
    certs.getColumns().add(column("certs.col.state", 110, r -> i18n.text("certs.state." + state(r.cert(), clock.instant()))));
    certs.getColumns().add(column(CertificatesFields.NOT_AFTER.labelKey(), 150, r -> date(r.cert().notAfter())));
    certs.getColumns().add(column("certs.col.notBefore", 150, r -> date(r.cert().notBefore())));
    certs.getColumns().add(column("certs.col.sha256", 330, r -> r.cert().sha256()));
    certs.getColumns().add(column("certs.col.subject", 320, r -> r.cert().subject()));
    certs.setRowFactory(t -> new TableRow<>() {
      @Override protected void updateItem(CertRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
        setStyle(null);
        if (!empty && row != null) {
          String s = state(row.cert(), clock.instant());
          if (s.equals("expired")) {
            setStyle("-fx-background-color: -color-danger-subtle;");
          } else if (s.equals("soon")) {
            setStyle("-fx-background-color: -color-warning-subtle;");
          }
        }
      }
    });
    certs.setPrefHeight(220);
  }

  private void buildTrustTable() {
    trust.setId("trust-table");
    trust.getColumns().add(column("certs.col.store", 140, TrustRow::store));
    trust.getColumns().add(column("certs.col.owner", 380, TrustRow::owner));
    trust.getColumns().add(column("certs.col.sha256", 520, TrustRow::sha256));
    trust.setPrefHeight(200);
  }

  private <R> TableColumn<R, String> column(String key, double width, Function<R, String> value) {
    TableColumn<R, String> c = new TableColumn<>();
    c.setPrefWidth(width);
    c.textProperty().bind(i18n.bind(key));
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    return c;
  }

  static String date(Instant t) {
    return t == null ? "" : DATE.format(t);
  }

  /** "expired", "soon" (within {@link #SOON}) or "valid". */
  public static String state(Certificate c, Instant now) {
    if (c.notAfter() == null) {
      return "valid";
    }
    if (c.notAfter().isBefore(now)) {
      return "expired";
    }
    return c.notAfter().isBefore(now.plus(SOON)) ? "soon" : "valid";
  }

  private void refresh() {
    Cluster cluster = ctx.cluster();
    List<CertRow> rows = new ArrayList<>();
    String chosen = node.getValue();
    node.getItems().setAll("");
    if (cluster != null) {
      for (Node n : cluster.nodes()) {
        node.getItems().add(n.name());
        n.certificates().forEach(c -> rows.add(new CertRow(n.name(), c)));
      }
    }
    node.setValue(chosen != null && node.getItems().contains(chosen) ? chosen : "");
    certs.getItems().setAll(rows);
    trust.getItems().setAll(cluster == null ? List.of() : trustRows(ctx.model().workspace(), cluster));
    missing.getChildren().clear();
    if (cluster != null) {
      for (Missing m : missing(ctx.model().workspace(), cluster)) {
        Label l = new Label(i18n.text("certs.missing", m.store(), m.clusterId(), m.node(), m.type().json(),
            abbreviate(m.sha256())));
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

  static String abbreviate(String sha) {
    return sha == null || sha.length() <= 16 ? String.valueOf(sha) : sha.substring(0, 16) + "…";
  }

  /** Each fingerprint of the cluster's four trust stores with its owner when the workspace has it. */
  public static List<TrustRow> trustRows(Workspace ws, Cluster cluster) {
    List<TrustRow> out = new ArrayList<>();
    Map<String, List<String>> stores = new java.util.LinkedHashMap<>();
    stores.put("tomcatTrust", cluster.trustStores().tomcatTrust());
    stores.put("callManagerTrust", cluster.trustStores().callManagerTrust());
    stores.put("phoneSastTrust", cluster.trustStores().phoneSastTrust());
    stores.put("capfTrust", cluster.trustStores().capfTrust());
    stores.forEach((store, shas) -> shas.forEach(sha -> out.add(new TrustRow(store, sha, owner(ws, sha)))));
    return out;
  }

  /** "CLUSTER / node / type" of the certificate with that fingerprint, or "?" when none has it. */
  public static String owner(Workspace ws, String sha) {
    for (Cluster c : ws.clusters()) {
      for (Node n : c.nodes()) {
        for (Certificate cert : n.certificates()) {
          if (sha.equals(cert.sha256())) {
            return c.clusterId() + " / " + n.name() + " / " + (cert.type() == null ? "?" : cert.type().json());
          }
        }
      }
    }
    return "?";
  }

  /**
   * The other clusters' Tomcat certificates missing from tomcatTrust and their CallManager
   * certificates missing from callManagerTrust: what the rule trust.missingRemoteCert reports.
   */
  public static List<Missing> missing(Workspace ws, Cluster local) {
    List<Missing> out = new ArrayList<>();
    for (Cluster remote : ws.clusters()) {
      if (remote.clusterId().equals(local.clusterId())) {
        continue;
      }
      for (Node n : remote.nodes()) {
        for (Certificate c : n.certificates()) {
          if (c.sha256() == null || c.sha256().isBlank()) {
            continue;
          }
          if (c.type() == CertificateType.TOMCAT && !local.trustStores().tomcatTrust().contains(c.sha256())) {
            out.add(new Missing("tomcatTrust", remote.clusterId(), n.name(), c.type(), c.sha256()));
          } else if (c.type() == CertificateType.CALL_MANAGER
              && !local.trustStores().callManagerTrust().contains(c.sha256())) {
            out.add(new Missing("callManagerTrust", remote.clusterId(), n.name(), c.type(), c.sha256()));
          }
        }
      }
    }
    return out;
  }

  /** Issues certificates (keys into the key store) off the JavaFX thread, then commits them. */
  private void generate() {
    Cluster cluster = ctx.cluster();
    if (cluster == null) {
      return;
    }
    String clusterId = cluster.clusterId();
    String onlyNode = node.getValue() == null || node.getValue().isEmpty() ? null : node.getValue();
    Cluster scope = onlyNode == null ? cluster
        : cluster.withNodes(cluster.nodes().stream().filter(n -> n.name().equals(onlyNode)).toList());
    CertificateSelection sel = type.getValue();
    Task<List<NodeKeyMaterial>> task = new Task<>() {
      @Override protected List<NodeKeyMaterial> call() throws Exception {
        updateMessage(i18n.text("certs.generating"));
        List<NodeKeyMaterial> issued = new NodeCertificateIssuer().issueAll(scope, sel.types(), clock.instant(),
            Duration.ofDays(1825), p -> {
              updateProgress(p.done(), p.total());
              updateMessage(p.text(i18n.locale()));
            });
        NodeKeyStore keys = home.openKeys();
        issued.forEach(keys::put);
        // keys first: a workspace naming certificates whose keys were lost would be worse
        keys.save();
        keys.clearPassword();
        return issued;
      }
    };
    task.setOnSucceeded(e -> {
      List<NodeKeyMaterial> issued = task.getValue();
      ctx.model().commit(ctx.model().workspace().updateCluster(clusterId, c -> withCertificates(c, issued)),
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

  /** The cluster with each issued certificate replacing that node's certificate of the same type. */
  public static Cluster withCertificates(Cluster cluster, List<NodeKeyMaterial> issued) {
    List<Node> nodes = new ArrayList<>();
    for (Node n : cluster.nodes()) {
      List<Certificate> list = new ArrayList<>(n.certificates());
      for (NodeKeyMaterial m : issued) {
        if (m.nodeName().equals(n.name())) {
          list.removeIf(c -> c.type() == m.type());
          list.add(m.model());
        }
      }
      nodes.add(n.withCertificates(list));
    }
    return cluster.withNodes(nodes);
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
      List<X509Certificate> read = CertificateCodec.read(f.toPath());
      Certificate cert = CertificateCodec.toModel(read.get(0), t);
      ctx.model().commit(ctx.model().workspace().updateCluster(clusterId, c -> c.withNodes(c.nodes().stream()
              .map(x -> {
                if (!x.name().equals(nodeName)) {
                  return x;
                }
                List<Certificate> list = new ArrayList<>(x.certificates());
                list.removeIf(old -> old.type() == t);
                list.add(cert);
                return x.withCertificates(list);
              }).toList())),
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
