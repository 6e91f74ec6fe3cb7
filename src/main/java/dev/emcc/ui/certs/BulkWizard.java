package dev.emcc.ui.certs;

import atlantafx.base.theme.Styles;
import dev.emcc.certs.CertificateSelection;
import dev.emcc.certs.CertificateTransferException;
import dev.emcc.certs.CertificateTransferException.Reason;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.certs.BulkWizardModel.Input;
import dev.emcc.ui.certs.BulkWizardModel.Page;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * One Bulk Certificate Management wizard on screen: a page per decision (cluster, certificate
 * type, SFTP server and passwords), the host key (confirmed on first use), a summary before acting
 * (for Import: the trust changes and the phones that will restart), the job with its progress off
 * the JavaFX thread, and a report. What it knows and does is {@link BulkWizardModel}'s; this class
 * lays it out: the first page says which job it is, and what a page still needs before Next is
 * said next to the field. A failure shows on the page where it happened, in the UI's language.
 */
final class BulkWizard {
  private final BulkWizardModel model;
  private final UiContext ctx;
  private final I18n i18n;
  private final Wizard wizard = new Wizard();

  private final ComboBox<String> cluster = new ComboBox<>();
  private final ComboBox<CertificateSelection> type = new ComboBox<>();
  private final TextField host = new TextField();
  private final TextField port = new TextField();
  private final TextField user = new TextField();
  private final TextField directory = new TextField();
  private final PasswordField password = new PasswordField();
  private final PasswordField bundlePassword = new PasswordField();
  /** Next to each input: what it still needs before Next. */
  private final Map<Input, Label> needs = new EnumMap<>(Input.class);

  BulkWizard(BulkWizardModel.Kind kind, UiContext ctx, CertsHome home) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.model = new BulkWizardModel(kind, () -> ctx.model().workspace(), ctx.model().clusterIdProperty().get(), home,
        i18n, Clock.systemUTC());
    wizard.setTitle(model.title());
    List<WizardPane> pages = new java.util.ArrayList<>();
    boolean first = true;
    for (Page p : model.pages()) {
      pages.add(switch (p) {
        case CLUSTER -> clusterPage(first);
        case TYPE -> typePage();
        case SFTP -> sftpPage(first);
        case CONNECT -> connectPage();
        case SUMMARY -> summaryPage();
        case ACTION -> actionPage();
        case REPORT -> reportPage();
      });
      first = false;
    }
    wizard.setFlow(new Wizard.LinearFlow(pages));
    wizard.getDialog().setOnHidden(e -> model.wipe());
  }

  Wizard wizard() {
    return wizard;
  }

  /** Shows the wizard (not waiting) on its first page: for `emcc screenshot`. */
  Wizard showAtFirstPage() {
    wizard.getDialog().show();
    return wizard;
  }

  /** Shows the wizard (not waiting) at its SFTP page with example values: for `emcc screenshot`. */
  Wizard showAtSftpPage() {
    wizard.getDialog().show();
    host.setText("sftp.example.com");
    user.setText("emcc");
    directory.setText("/emcc/certificates");
    password.setText("example");
    for (int i = 0; i < 3 && !"page-sftp".equals(wizard.getDialog().getDialogPane().getId()); i++) {
      javafx.scene.control.DialogPane pane = wizard.getDialog().getDialogPane();
      pane.getButtonTypes().stream()
          .filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.NEXT_FORWARD)
          .findFirst().map(pane::lookupButton)
          .ifPresent(b -> ((javafx.scene.control.Button) b).fire());
    }
    return wizard;
  }

  /**
   * A page whose Next is enabled while {@code valid} holds; {@code onEnter} runs each time it
   * shows. Its header names the job and the step.
   */
  private WizardPane page(String id, String stepKey, Node content, BooleanBinding valid, Consumer<Wizard> onEnter) {
    String header = i18n.text("wizard.header", model.title(), i18n.text(stepKey));
    WizardPane p = new WizardPane() {
      @Override public void onEnteringPage(Wizard w) {
        super.onEnteringPage(w);
        relabelButtons(this);
        setHeaderText(header);
        onEnter.accept(w);
        w.invalidProperty().bind(valid.not());
      }

      @Override public void onExitingPage(Wizard w) {
        w.invalidProperty().unbind();
        w.setInvalid(false);
        super.onExitingPage(w);
      }
    };
    p.setId(id);
    p.setHeaderText(header);
    VBox box = new VBox(10, content);
    box.setPadding(new Insets(10));
    box.setPrefSize(720, 400);
    p.setContent(box);
    return p;
  }

  /** ControlsFX labels its buttons in its own languages (no Japanese): ours instead. */
  private void relabelButtons(WizardPane p) {
    for (javafx.scene.control.ButtonType t : p.getButtonTypes()) {
      String key = switch (t.getButtonData()) {
        case BACK_PREVIOUS -> "wizard.button.back";
        case NEXT_FORWARD -> "wizard.button.next";
        case FINISH -> "wizard.button.finish";
        case CANCEL_CLOSE -> "wizard.button.cancel";
        default -> null;
      };
      if (key != null && p.lookupButton(t) instanceof javafx.scene.control.Button b) {
        b.setText(i18n.text(key));
      }
    }
  }

  private Label text(String id) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.setMaxWidth(700);
    // all of it, however many lines: a hint cut to "..." says nothing
    l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return l;
  }

  /** The first page's opening lines: which job this is, among the three. */
  private Label intro() {
    Label l = text("wizard-intro");
    l.setText(model.intro());
    return l;
  }

  /** Next is enabled once the page needs nothing; each need is said next to its input. */
  private BooleanBinding valid(Page page, javafx.beans.Observable... inputs) {
    return Bindings.createBooleanBinding(() -> {
      List<BulkWizardModel.Need> now = model.needs(page);
      needs.forEach((input, label) -> {
        if (BulkWizardModel.pageOf(input) != page) {
          return; // another page's input: that page's binding says its needs
        }
        String said = now.stream().filter(n -> n.input() == input).map(BulkWizardModel.Need::text).findFirst().orElse("");
        label.setText(said);
        label.setVisible(!said.isEmpty());
      });
      return now.isEmpty();
    }, inputs);
  }

  /** A row: the label, the input and under it what it still needs (shown only then). */
  private void row(GridPane g, int row, String labelKey, javafx.scene.control.Control input, Input which) {
    Label label = new Label(i18n.text(labelKey));
    label.setLabelFor(input);
    label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label need = new Label();
    need.setId("need-" + input.getId());
    need.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
    need.setWrapText(true);
    need.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    need.setVisible(false);
    need.managedProperty().bind(need.visibleProperty());
    needs.put(which, need);
    input.setMaxWidth(Double.MAX_VALUE);
    g.addRow(row, label, new VBox(2, input, need));
    javafx.scene.layout.GridPane.setValignment(label, javafx.geometry.VPos.TOP);
    label.setPadding(new Insets(6, 0, 0, 0));
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(8);
    javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
    javafx.scene.layout.ColumnConstraints inputs = new javafx.scene.layout.ColumnConstraints();
    inputs.setMinWidth(220);
    inputs.setHgrow(javafx.scene.layout.Priority.ALWAYS);
    g.getColumnConstraints().addAll(labels, inputs);
    return g;
  }

  /**
   * The model follows an input. An invalidation listener added before the page's bindings: it
   * runs before they ask the model again (change listeners would run after them).
   */
  private static <T> void follow(javafx.beans.value.ObservableValue<T> value, Consumer<T> into) {
    value.addListener((javafx.beans.Observable o) -> into.accept(value.getValue()));
    into.accept(value.getValue());
  }

  // --- decisions -------------------------------------------------------------------------------

  private WizardPane clusterPage(boolean first) {
    cluster.setId("wizard-cluster");
    cluster.getItems().setAll(model.clusters());
    cluster.setValue(model.cluster());
    follow(cluster.valueProperty(), model::setCluster);
    Label hint = text("cluster-hint");
    hint.setText(i18n.text("wizard." + model.kind().id() + ".clusterHint"));
    hint.getStyleClass().add(Styles.TEXT_MUTED);
    GridPane g = grid();
    row(g, 0, "wizard.cluster", cluster, Input.CLUSTER);
    VBox box = first ? new VBox(12, intro(), g, hint) : new VBox(10, g, hint);
    return page("page-cluster", "wizard.page.cluster", box, valid(Page.CLUSTER, cluster.valueProperty()), w -> {});
  }

  private WizardPane typePage() {
    type.setId("wizard-type");
    type.getItems().setAll(model.types());
    type.setValue(model.type());
    type.setConverter(Controls.shownAs(model::typeText));
    follow(type.valueProperty(), model::setType);
    GridPane g = grid();
    row(g, 0, "certs.type", type, Input.TYPE);
    Label hint = text("type-hint");
    hint.setText(i18n.text("wizard.export.typeHint"));
    hint.getStyleClass().add(Styles.TEXT_MUTED);
    return page("page-type", "wizard.page.type", new VBox(10, g, hint), valid(Page.TYPE, type.valueProperty()), w -> {});
  }

  private WizardPane sftpPage(boolean first) {
    host.setId("sftp-host");
    port.setId("sftp-port");
    user.setId("sftp-user");
    directory.setId("sftp-directory");
    password.setId("sftp-password");
    bundlePassword.setId("bundle-password");
    port.setText(model.port());
    follow(host.textProperty(), model::setHost);
    follow(port.textProperty(), model::setPort);
    follow(user.textProperty(), model::setUser);
    follow(directory.textProperty(), model::setDirectory);
    follow(password.textProperty(), model::setPassword);
    follow(bundlePassword.textProperty(), model::setBundlePassword);
    bundlePassword.setPromptText(i18n.text("wizard.sftp.bundlePrompt"));
    GridPane g = grid();
    row(g, 0, "wizard.sftp.host", host, Input.HOST);
    row(g, 1, "wizard.sftp.port", port, Input.PORT);
    row(g, 2, "wizard.sftp.user", user, Input.USER);
    row(g, 3, "wizard.sftp.directory", directory, Input.DIRECTORY);
    row(g, 4, "wizard.sftp.password", password, Input.PASSWORD);
    row(g, 5, "wizard.sftp.bundlePassword", bundlePassword, Input.BUNDLE_PASSWORD);
    Label where = text("sftp-where");
    Label hint = text("sftp-hint");
    hint.setText(i18n.text("wizard.sftp.bundleHint") + "\n" + i18n.text("wizard.sftp.hint"));
    hint.getStyleClass().add(Styles.TEXT_MUTED);
    BooleanBinding valid = valid(Page.SFTP, host.textProperty(), port.textProperty(), user.textProperty(),
        directory.textProperty(), password.textProperty(), bundlePassword.textProperty());
    where.textProperty().bind(Bindings.createStringBinding(model::whereText, valid));
    VBox box = first ? new VBox(12, intro(), g, where, hint) : new VBox(10, g, where, hint);
    return page("page-sftp", "wizard.page.sftp", box, valid, w -> {});
  }

  // --- host key and what is there -----------------------------------------------------------------

  private WizardPane connectPage() {
    Label status = text("connect-status");
    Label fingerprint = text("host-fingerprint");
    fingerprint.getStyleClass().add(Styles.TEXT_BOLD);
    CheckBox trust = new CheckBox(i18n.text("wizard.host.trust"));
    trust.setId("host-trust");
    ListView<String> files = new ListView<>();
    files.setId("export-files");
    files.setPrefHeight(140);
    boolean consolidate = model.kind() == BulkWizardModel.Kind.CONSOLIDATE;
    files.setVisible(consolidate);
    files.setManaged(consolidate);
    ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    BooleanProperty ok = new SimpleBooleanProperty(false);
    String[] offered = new String[1];
    Runnable[] connect = new Runnable[1];
    connect[0] = () -> {
      ok.set(false);
      trust.setDisable(true);
      status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
      var where = model.target();
      status.setText(i18n.text("wizard.host.connecting", where));
      String accepted = trust.isSelected() ? offered[0] : null;
      Task<String> task = new Task<>() {
        @Override protected String call() throws Exception {
          return model.connect(accepted);
        }
      };
      busy.visibleProperty().bind(task.runningProperty());
      task.setOnSucceeded(e -> {
        String pinned = task.getValue();
        trust.setVisible(pinned != null);
        fingerprint.setText(pinned == null ? i18n.text("wizard.host.known") : pinned);
        status.setText(i18n.text(pinned == null ? "wizard.host.connected" : "wizard.host.pinned", where));
        status.getStyleClass().add(Styles.SUCCESS);
        files.getItems().setAll(model.exportFileNames());
        ok.set(true);
      });
      task.setOnFailed(e -> {
        Throwable t = task.getException();
        files.getItems().setAll(model.exportFileNames());
        if (t instanceof CertificateTransferException x && x.reason() == Reason.HOST_KEY_UNKNOWN) {
          offered[0] = x.hostKeyFingerprint();
          fingerprint.setText(x.hostKeyFingerprint());
          status.setText(i18n.text("wizard.host.firstUse", where.host() + ":" + where.port()));
          trust.setSelected(false);
          trust.setVisible(true);
          trust.setDisable(false);
          return;
        }
        if (t instanceof CertificateTransferException x && x.hostKeyFingerprint() != null) {
          fingerprint.setText(x.hostKeyFingerprint());
        } else if (!(t instanceof CertificateTransferException x && x.reason() == Reason.TOO_FEW_EXPORTS)) {
          fingerprint.setText("");
        }
        failed(status, t);
      });
      run(task);
    };
    trust.selectedProperty().addListener((o, a, on) -> {
      if (on && offered[0] != null) {
        connect[0].run();
      }
    });
    VBox box = new VBox(8, status, fingerprint, trust, busy, files);
    return page("page-connect", "wizard.page.connect", box, ok.and(ok), w -> {
      trust.setVisible(false);
      trust.setSelected(false);
      offered[0] = null;
      fingerprint.setText("");
      files.getItems().clear();
      connect[0].run();
    });
  }

  private void failed(Label where, Throwable t) {
    where.getStyleClass().removeAll(Styles.SUCCESS);
    where.getStyleClass().add(Styles.DANGER);
    where.setText(model.failure(t));
  }

  private static void run(Task<?> task) {
    Thread t = new Thread(task, "emcc-bulk-certificates");
    t.setDaemon(true);
    t.start();
  }

  // --- summary, job, report ------------------------------------------------------------------------

  private WizardPane summaryPage() {
    Label summary = text("summary-text");
    ListView<String> details = new ListView<>();
    details.setId("summary-details");
    details.setPrefHeight(200);
    Label warning = text("summary-warning");
    warning.getStyleClass().add(Styles.WARNING);
    return page("page-summary", "wizard.page.summary", new VBox(8, summary, details, warning),
        Bindings.createBooleanBinding(() -> true), w -> {
          BulkWizardModel.Summary s = model.summary();
          summary.setText(s.text());
          details.getItems().setAll(s.details());
          warning.setText(s.warning());
        });
  }

  private WizardPane actionPage() {
    Label status = text("action-status");
    ProgressBar bar = new ProgressBar(0);
    bar.setId("action-progress");
    bar.setPrefWidth(560);
    ListView<String> log = new ListView<>();
    log.setId("action-log");
    log.setPrefHeight(180);
    BooleanProperty done = new SimpleBooleanProperty(false);
    return page("page-action", "wizard.page.action", new VBox(8, status, bar, log), done.and(done), w -> {
      if (done.get()) {
        return; // done once: going Back and Next again must not repeat the job
      }
      log.getItems().clear();
      status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
      status.setText(i18n.text("wizard.working"));
      Task<Object> task = new Task<>() {
        @Override protected Object call() throws Exception {
          return model.run(p -> updateProgress(p.done(), p.total()),
              line -> javafx.application.Platform.runLater(() -> log.getItems().add(line)));
        }
      };
      bar.progressProperty().bind(task.progressProperty());
      task.setOnSucceeded(e -> {
        String change = model.changeText();
        if (change != null) {
          ctx.model().commit(model.applyTo(ctx.model().workspace()), change);
        }
        status.setText(i18n.text("wizard.finished"));
        status.getStyleClass().add(Styles.SUCCESS);
        done.set(true);
      });
      task.setOnFailed(e -> failed(status, task.getException()));
      run(task);
    });
  }

  private WizardPane reportPage() {
    Label report = text("report-text");
    ListView<String> details = new ListView<>();
    details.setId("report-details");
    details.setPrefHeight(200);
    return page("page-report", "wizard.page.report", new VBox(8, report, details),
        Bindings.createBooleanBinding(() -> true), w -> {
          BulkWizardModel.Report r = model.report();
          report.setText(r.text());
          details.getItems().setAll(r.details());
        });
  }
}
