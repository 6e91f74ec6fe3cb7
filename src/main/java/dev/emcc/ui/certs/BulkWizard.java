package dev.emcc.ui.certs;

import atlantafx.base.theme.Styles;
import dev.emcc.certs.BulkCertificateJobs;
import dev.emcc.certs.BulkCertificateJobs.ConsolidateResult;
import dev.emcc.certs.BulkCertificateJobs.ExportResult;
import dev.emcc.certs.BulkCertificateJobs.ImportResult;
import dev.emcc.certs.BulkFiles;
import dev.emcc.certs.BundleAlias;
import dev.emcc.certs.CertificateSelection;
import dev.emcc.certs.CertificateTransferException;
import dev.emcc.certs.CertificateTransferException.Reason;
import dev.emcc.certs.ProgressListener;
import dev.emcc.certs.SftpCredentials;
import dev.emcc.certs.SftpSession;
import dev.emcc.certs.SftpTarget;
import dev.emcc.certs.TrustImport;
import dev.emcc.model.CertificateType;
import dev.emcc.model.Cluster;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
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
 * One Bulk Certificate Management wizard: a page per decision (cluster, certificate type, SFTP
 * server and passwords), the host key (confirmed on first use), a summary before acting (for
 * Import: the trust changes and the phones that will restart), the job with its progress off the
 * JavaFX thread, and a report. A failure is shown on the page where it happened, in the UI's
 * language; the passwords live only in the password fields and the job's char arrays.
 */
final class BulkWizard {
  enum Kind { EXPORT, CONSOLIDATE, IMPORT }

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final Kind kind;
  private final UiContext ctx;
  private final I18n i18n;
  private final CertsHome home;
  private final BulkCertificateJobs jobs = new BulkCertificateJobs(Clock.systemUTC());
  private final Wizard wizard = new Wizard();

  private final ComboBox<String> cluster = new ComboBox<>();
  private final ComboBox<CertificateSelection> type = new ComboBox<>();
  private final TextField host = new TextField();
  private final TextField port = new TextField("22");
  private final TextField user = new TextField();
  private final TextField directory = new TextField();
  private final PasswordField password = new PasswordField();
  private final PasswordField bundlePassword = new PasswordField();

  /** What the connection page found: the export files (Consolidate), the trust changes (Import). */
  private List<SftpSession.RemoteEntry> exportFiles = List.of();
  private ImportResult preview;
  private Object outcome;

  BulkWizard(Kind kind, UiContext ctx, CertsHome home) {
    this.kind = kind;
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.home = home;
    wizard.setTitle(i18n.text("wizard." + name() + ".title"));
    List<WizardPane> pages = new java.util.ArrayList<>();
    if (kind != Kind.CONSOLIDATE) {
      pages.add(clusterPage());
    }
    if (kind == Kind.EXPORT) {
      pages.add(typePage());
    }
    pages.add(sftpPage());
    pages.add(connectPage());
    pages.add(summaryPage());
    pages.add(actionPage());
    pages.add(reportPage());
    wizard.setFlow(new Wizard.LinearFlow(pages));
  }

  Wizard wizard() {
    return wizard;
  }

  /** Shows the wizard (not waiting) at its SFTP page with example values: for `emcc screenshot`. */
  Wizard showAtSftpPage() {
    wizard.getDialog().show();
    host.setText("sftp.example.com");
    user.setText("emcc");
    directory.setText("/emcc/certificates");
    password.setText("example");
    bundlePassword.setText("example");
    for (int i = 0; i < 3 && !"page-sftp".equals(wizard.getDialog().getDialogPane().getId()); i++) {
      javafx.scene.control.DialogPane pane = wizard.getDialog().getDialogPane();
      pane.getButtonTypes().stream()
          .filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.NEXT_FORWARD)
          .findFirst().map(pane::lookupButton)
          .ifPresent(b -> ((javafx.scene.control.Button) b).fire());
    }
    return wizard;
  }

  private String name() {
    return switch (kind) {
      case EXPORT -> "export";
      case CONSOLIDATE -> "consolidate";
      case IMPORT -> "import";
    };
  }

  /** A page whose Next is enabled while {@code valid} holds; {@code onEnter} runs each time it shows. */
  private WizardPane page(String id, String headerKey, Node content, BooleanBinding valid, Consumer<Wizard> onEnter) {
    WizardPane p = new WizardPane() {
      @Override public void onEnteringPage(Wizard w) {
        super.onEnteringPage(w);
        relabelButtons(this);
        setHeaderText(i18n.text(headerKey));
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
    p.setHeaderText(i18n.text(headerKey));
    VBox box = new VBox(10, content);
    box.setPadding(new Insets(10));
    box.setPrefSize(620, 320);
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
    l.setMaxWidth(600);
    return l;
  }

  // --- decisions -------------------------------------------------------------------------------

  private WizardPane clusterPage() {
    cluster.setId("wizard-cluster");
    ctx.model().workspace().clusters().forEach(c -> cluster.getItems().add(c.clusterId()));
    cluster.setValue(ctx.model().clusterIdProperty().get());
    Label hint = text("cluster-hint");
    hint.setText(i18n.text("wizard." + name() + ".clusterHint"));
    GridPane g = grid();
    g.addRow(0, new Label(i18n.text("wizard.cluster")), cluster);
    return page("page-cluster", "wizard.page.cluster", new VBox(10, g, hint),
        Bindings.createBooleanBinding(() -> cluster.getValue() != null, cluster.valueProperty()), w -> {});
  }

  private WizardPane typePage() {
    type.setId("wizard-type");
    type.getItems().add(CertificateSelection.ALL);
    for (CertificateType t : CertificateType.values()) {
      type.getItems().add(new CertificateSelection(t));
    }
    type.setValue(CertificateSelection.ALL);
    type.setConverter(Controls.shownAs(s -> s.only() == null ? i18n.text("certs.type.all") : s.only().json()));
    GridPane g = grid();
    g.addRow(0, new Label(i18n.text("certs.type")), type);
    Label hint = text("type-hint");
    hint.setText(i18n.text("wizard.export.typeHint"));
    return page("page-type", "wizard.page.type", new VBox(10, g, hint),
        Bindings.createBooleanBinding(() -> type.getValue() != null, type.valueProperty()), w -> {});
  }

  private WizardPane sftpPage() {
    host.setId("sftp-host");
    port.setId("sftp-port");
    user.setId("sftp-user");
    directory.setId("sftp-directory");
    password.setId("sftp-password");
    bundlePassword.setId("bundle-password");
    GridPane g = grid();
    g.addRow(0, new Label(i18n.text("wizard.sftp.host")), host);
    g.addRow(1, new Label(i18n.text("wizard.sftp.port")), port);
    g.addRow(2, new Label(i18n.text("wizard.sftp.user")), user);
    g.addRow(3, new Label(i18n.text("wizard.sftp.directory")), directory);
    g.addRow(4, new Label(i18n.text("wizard.sftp.password")), password);
    g.addRow(5, new Label(i18n.text("wizard.sftp.bundlePassword")), bundlePassword);
    Label url = text("sftp-url");
    Label hint = text("sftp-hint");
    hint.setText(i18n.text("wizard.sftp.hint"));
    hint.getStyleClass().add(Styles.TEXT_MUTED);
    BooleanBinding valid = Bindings.createBooleanBinding(() -> {
      url.setText(targetOrError());
      return target() != null && !password.getText().isEmpty() && !bundlePassword.getText().isEmpty();
    }, host.textProperty(), port.textProperty(), user.textProperty(), directory.textProperty(),
        password.textProperty(), bundlePassword.textProperty());
    return page("page-sftp", "wizard.page.sftp", new VBox(10, g, url, hint), valid, w -> {});
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(8);
    return g;
  }

  /** The SFTP target of the fields, or null while they do not make one. */
  private SftpTarget target() {
    try {
      return new SftpTarget(user.getText().strip(), host.getText().strip(), Integer.parseInt(port.getText().strip()),
          directory.getText().strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String targetOrError() {
    try {
      return new SftpTarget(user.getText().strip(), host.getText().strip(),
          Integer.parseInt(port.getText().strip()), directory.getText().strip()).toString();
    } catch (NumberFormatException e) {
      return i18n.text("wizard.sftp.badPort");
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
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
    files.setVisible(kind == Kind.CONSOLIDATE);
    files.setManaged(kind == Kind.CONSOLIDATE);
    ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    BooleanProperty ok = new SimpleBooleanProperty(false);
    String[] offered = new String[1];
    Runnable[] connect = new Runnable[1];
    connect[0] = () -> {
      ok.set(false);
      trust.setDisable(true);
      status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
      status.setText(i18n.text("wizard.host.connecting", target()));
      String accepted = trust.isSelected() ? offered[0] : null;
      SftpTarget where = target();
      char[] secret = password.getText().toCharArray();
      char[] bundle = bundlePassword.getText().toCharArray();
      String clusterId = cluster.getValue();
      Cluster current = clusterId == null ? null : ctx.model().workspace().cluster(clusterId).orElse(null);
      Task<String> task = new Task<>() {
        @Override protected String call() throws Exception {
          SftpCredentials credentials = SftpCredentials.password(secret);
          try (SftpSession session = SftpSession.open(where, credentials, home.hostKeys(accepted), TIMEOUT)) {
            if (kind == Kind.CONSOLIDATE) {
              exportFiles = session.list(BulkFiles.EXPORT_SUFFIX);
            } else if (kind == Kind.IMPORT) {
              preview = jobs.importInto(current, bundle, session, ProgressListener.NONE);
            }
            return session.pinnedFingerprint();
          } finally {
            credentials.wipe();
            Arrays.fill(secret, '\0');
            Arrays.fill(bundle, '\0');
          }
        }
      };
      busy.visibleProperty().bind(task.runningProperty());
      task.setOnSucceeded(e -> {
        String pinned = task.getValue();
        trust.setVisible(pinned != null);
        fingerprint.setText(pinned == null ? i18n.text("wizard.host.known") : pinned);
        status.setText(i18n.text(pinned == null ? "wizard.host.connected" : "wizard.host.pinned", where));
        status.getStyleClass().add(Styles.SUCCESS);
        if (kind == Kind.CONSOLIDATE) {
          files.getItems().setAll(exportFiles.stream().map(SftpSession.RemoteEntry::name).toList());
          if (exportFiles.size() < 2) {
            failed(status, new CertificateTransferException(Reason.TOO_FEW_EXPORTS, null, exportFiles.size(),
                where.toString()));
            return;
          }
        }
        ok.set(true);
      });
      task.setOnFailed(e -> {
        Throwable t = task.getException();
        if (t instanceof CertificateTransferException x && x.reason() == Reason.HOST_KEY_UNKNOWN) {
          offered[0] = x.hostKeyFingerprint();
          fingerprint.setText(x.hostKeyFingerprint());
          status.setText(i18n.text("wizard.host.firstUse", where.host() + ":" + where.port()));
          trust.setSelected(false);
          trust.setVisible(true);
          trust.setDisable(false);
          return;
        }
        fingerprint.setText(t instanceof CertificateTransferException x && x.hostKeyFingerprint() != null
            ? x.hostKeyFingerprint() : "");
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
    where.setText(message(t));
  }

  /** The failure's text in the UI language (transfer failures), else its message. */
  String message(Throwable t) {
    if (t instanceof CertificateTransferException x) {
      return x.text(i18n.locale());
    }
    return i18n.text("wizard.failed", String.valueOf(t.getMessage()));
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
          details.getItems().clear();
          warning.setText("");
          SftpTarget where = target();
          switch (kind) {
            case EXPORT -> {
              summary.setText(i18n.text("wizard.export.summary", type.getConverter().toString(type.getValue()),
                  cluster.getValue(), BulkFiles.exportFile(cluster.getValue()), where));
            }
            case CONSOLIDATE -> {
              summary.setText(i18n.text("wizard.consolidate.summary", exportFiles.size(), BulkFiles.CONSOLIDATED,
                  where));
              exportFiles.forEach(f -> details.getItems().add(f.name()));
            }
            case IMPORT -> {
              TrustImport.Result trust = preview.trust();
              summary.setText(i18n.text("wizard.import.summary", cluster.getValue(), trust.added().size(),
                  trust.alreadyTrusted(), trust.restarts().size()));
              for (BundleAlias a : trust.added()) {
                details.getItems().add(i18n.text("wizard.import.adds", a.text(),
                    String.join(", ", TrustImport.storesOf(a.type()))));
              }
              for (TrustImport.PhoneRestart r : trust.restarts()) {
                details.getItems().add(i18n.text("wizard.import.restart", r.phone(), r.reasons().stream()
                    .map(x -> i18n.text("wizard.restart." + x.name())).sorted().collect(Collectors.joining(", "))));
              }
              if (!preview.staleExports().isEmpty()) {
                details.getItems().add(i18n.text("wizard.import.stale", String.join(", ", preview.staleExports())));
              }
              if (!trust.restarts().isEmpty()) {
                warning.setText(i18n.text("wizard.import.restartWarning"));
              }
            }
            default -> { }
          }
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
      SftpTarget where = target();
      char[] secret = password.getText().toCharArray();
      char[] bundle = bundlePassword.getText().toCharArray();
      String clusterId = cluster.getValue();
      Cluster current = clusterId == null ? null : ctx.model().workspace().cluster(clusterId).orElse(null);
      CertificateSelection selection = type.getValue();
      Task<Object> task = new Task<>() {
        @Override protected Object call() throws Exception {
          SftpCredentials credentials = SftpCredentials.password(secret);
          ProgressListener listener = p -> {
            updateProgress(p.done(), p.total());
            String line = p.text(i18n.locale());
            updateMessage(line);
            javafx.application.Platform.runLater(() -> log.getItems().add(line));
          };
          try (SftpSession session = SftpSession.open(where, credentials, home.hostKeys(null), TIMEOUT)) {
            return switch (kind) {
              case EXPORT -> jobs.export(current, selection, bundle, session, listener);
              case CONSOLIDATE -> jobs.consolidate(bundle, session, listener);
              case IMPORT -> jobs.importInto(current, bundle, session, listener);
            };
          } finally {
            credentials.wipe();
            Arrays.fill(secret, '\0');
            Arrays.fill(bundle, '\0');
          }
        }
      };
      bar.progressProperty().bind(task.progressProperty());
      task.setOnSucceeded(e -> {
        outcome = task.getValue();
        if (outcome instanceof ExportResult r) {
          ctx.model().commit(ctx.model().workspace().updateCluster(clusterId, c -> r.cluster()),
              i18n.text("wizard.export.done", r.certificates(), r.file()));
        } else if (outcome instanceof ImportResult r) {
          ctx.model().commit(ctx.model().workspace().updateCluster(clusterId, c -> r.trust().applyTo(c)),
              i18n.text("wizard.import.done", r.trust().added().size(), clusterId));
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
          details.getItems().clear();
          if (outcome instanceof ExportResult r) {
            report.setText(i18n.text("wizard.export.done", r.certificates(), r.file()));
            r.skipped().forEach(s -> details.getItems().add(s.text(i18n.locale())));
          } else if (outcome instanceof ConsolidateResult r) {
            report.setText(i18n.text("wizard.consolidate.done", r.file(), r.certificates(),
                String.join(", ", r.clusters())));
            details.getItems().setAll(r.lines(i18n.locale(), true));
          } else if (outcome instanceof ImportResult r) {
            report.setText(i18n.text("wizard.import.done", r.trust().added().size(), cluster.getValue()));
            r.trust().added().forEach(a -> details.getItems().add(a.text()));
            details.getItems().addAll(r.report().lines(i18n.locale(), false));
            r.trust().restarts().forEach(p -> details.getItems().add(i18n.text("wizard.import.restarted", p.phone())));
          }
        });
  }
}
