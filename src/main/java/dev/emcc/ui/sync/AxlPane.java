package dev.emcc.ui.sync;

import atlantafx.base.theme.Styles;
import dev.emcc.axl.AxlClient;
import dev.emcc.axl.AxlException;
import dev.emcc.axl.AxlPins;
import dev.emcc.axl.AxlPlan;
import dev.emcc.axl.AxlProgress;
import dev.emcc.axl.AxlPush;
import dev.emcc.axl.AxlReader;
import dev.emcc.axl.AxlReport;
import dev.emcc.axl.AxlVersion;
import dev.emcc.axl.PulledStates;
import dev.emcc.model.Cluster;
import dev.emcc.model.Workspace;
import dev.emcc.ui.UiContext;
import dev.emcc.ui.kit.Controls;
import dev.emcc.ui.kit.I18n;
import dev.emcc.ui.shell.Shell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Connect to CUCM (AXL), in the Sync view beside the nodes: the publisher's host and an
 * application user with AXL access; the certificate shown and pinned on first use as for nodes;
 * Import reads the shown cluster over AXL into the workspace (one commit, undoable); Plan shows
 * what a push would change, conflicts marked; Push writes the plan just shown. Each runs off the
 * FX thread with its progress and can be cancelled.
 */
public final class AxlPane {
  /** Where the AXL pins and pulled states live: the CLI's defaults, moved by {@code emcc.axlHome} (tests). */
  public record Paths(Path pins, Path states) {
    public static Paths current() {
      String home = System.getProperty("emcc.axlHome");
      return home == null ? new Paths(AxlPins.defaultFile(), PulledStates.defaultDir())
          : new Paths(Path.of(home, "axl_hosts"), Path.of(home, "axl"));
    }
  }

  private final UiContext ctx;
  private final I18n i18n;
  private final Shell shell;
  private final Paths paths;
  private final TextField host = new TextField();
  private final TextField port = new TextField("8443");
  private final TextField user = new TextField();
  private final PasswordField password = new PasswordField();
  private final ComboBox<String> version = new ComboBox<>(FXCollections.observableArrayList(AxlVersion.SUPPORTED));
  private final Label certificate = new Label();
  private final Button trust = new Button();
  private final Button importButton;
  private final Button planButton;
  private final Button pushButton;
  private final Button cancel;
  private final Button keepCluster;
  private final ProgressBar progress = new ProgressBar(0);
  private final Label message = new Label();
  private final ObservableList<String> planLines = FXCollections.observableArrayList();
  private final ListView<String> planList = new ListView<>(planLines);
  private final TitledPane pane = new TitledPane();
  private String offered;
  private AxlPlan shownPlan;
  private PlanAndRemote planned;
  private Task<?> running;
  private volatile boolean busy;
  private volatile List<String> shown = List.of();

  public AxlPane(UiContext ctx, Shell shell, Paths paths) {
    this.ctx = ctx;
    this.i18n = ctx.i18n();
    this.shell = shell;
    this.paths = paths;
    importButton = Controls.button(i18n, "axl.import", "axl-import", this::importCluster);
    planButton = Controls.button(i18n, "axl.plan", "axl-plan", this::plan);
    pushButton = Controls.button(i18n, "axl.push", "axl-push", this::push);
    pushButton.getStyleClass().add(Styles.ACCENT);
    pushButton.setDisable(true); // a push writes the plan shown: plan first
    cancel = Controls.button(i18n, "axl.cancel", "axl-cancel", () -> {
      if (running != null) {
        running.cancel(false);
      }
    });
    cancel.setDisable(true);
    keepCluster = Controls.button(i18n, "axl.keepCluster", "axl-keep-cluster", this::keepCluster);
    keepCluster.setDisable(true);
    planLines.addListener((javafx.collections.ListChangeListener<String>) c -> shown = List.copyOf(planLines));
    build();
    ctx.model().clusterIdProperty().addListener((o, a, b) -> forgetPlan());
  }

  public Node node() {
    return pane;
  }

  /** Opens the pane (it starts folded under the nodes' form). */
  public void expand() {
    pane.setExpanded(true);
  }

  private void build() {
    host.setId("axl-host");
    host.setPromptText("cucm-pub.example.com");
    port.setId("axl-port");
    port.setPrefColumnCount(6);
    user.setId("axl-user");
    password.setId("axl-password");
    version.setId("axl-version");
    version.getSelectionModel().select(AxlVersion.DEFAULT.number());
    certificate.setId("axl-certificate");
    certificate.setWrapText(true);
    trust.setId("axl-trust");
    trust.textProperty().bind(i18n.bind("axl.trust"));
    trust.setDisable(true);
    trust.setOnAction(e -> pinOffered());
    progress.setId("axl-progress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.setVisible(false);
    message.setId("axl-message");
    message.setWrapText(true);
    planList.setId("axl-plan-list");
    planList.setPrefHeight(140);
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    grid.addRow(0, Controls.label(i18n, "axl.host"), host, Controls.label(i18n, "axl.port"), port);
    grid.addRow(1, Controls.label(i18n, "axl.user"), user, Controls.label(i18n, "axl.password"), password);
    grid.addRow(2, Controls.label(i18n, "axl.version"), version);
    GridPane.setHgrow(host, Priority.ALWAYS);
    GridPane.setHgrow(user, Priority.ALWAYS);
    HBox buttons = new HBox(8, importButton, planButton, pushButton, keepCluster, cancel);
    Label hint = Controls.label(i18n, "axl.hint");
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    hint.setWrapText(true);
    VBox box = new VBox(6, grid, hint, certificate, trust, buttons, progress, message, planList);
    box.setPadding(new Insets(4));
    pane.textProperty().bind(i18n.bind("axl.title"));
    pane.setContent(box);
    pane.setId("axl-pane");
    pane.setExpanded(false);
    VBox.setMargin(pane, new Insets(0, 16, 6, 16));
  }

  private void forgetPlan() {
    shownPlan = null;
    planned = null;
    planLines.clear();
    pushButton.setDisable(true);
    keepCluster.setDisable(true);
  }

  private void say(String key, Object... args) {
    i18n.show(message, key, args);
    ctx.status(key, args);
  }

  /** The client, or empty (and a message) when the form is not complete or the certificate not pinned. */
  private Optional<AxlClient> client() {
    if (host.getText().isBlank() || user.getText().isBlank()) {
      say("axl.incomplete");
      return Optional.empty();
    }
    int p;
    try {
      p = Integer.parseInt(port.getText().trim());
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      say("axl.badPort", port.getText());
      return Optional.empty();
    }
    String pin;
    try {
      pin = new AxlPins(paths.pins()).pinned(host.getText().trim(), p).orElse("");
    } catch (java.io.IOException e) {
      say("axl.failed", e.getMessage());
      return Optional.empty();
    }
    return Optional.of(new AxlClient(new AxlClient.Target(host.getText().trim(), p, user.getText().trim(),
        password.getText(), AxlVersion.of(version.getValue()), pin)));
  }

  private void pinOffered() {
    try {
      AxlClient.Target t = client().orElseThrow().target();
      new AxlPins(paths.pins()).pin(t.host(), t.port(), offered);
      trust.setDisable(true);
      say("axl.pinned", t.host() + ":" + t.port(), offered);
    } catch (java.io.IOException | RuntimeException e) {
      say("axl.failed", String.valueOf(e.getMessage()));
    }
  }

  /** Import from CUCM: the shown cluster read over AXL onto the workspace's, one commit. */
  private void importCluster() {
    String clusterId = ctx.model().clusterIdProperty().get();
    Optional<AxlClient> client = client();
    if (clusterId == null || client.isEmpty()) {
      return;
    }
    Cluster base = ctx.model().cluster().orElse(null);
    PulledStates states = new PulledStates(paths.states());
    work(p -> {
      Cluster read = new AxlReader(client.get(), p).read(clusterId, base);
      states.save(client.get().target().host(), client.get().target().port(), read);
      return read;
    }, read -> {
      Workspace ws = ctx.model().workspace();
      ctx.model().commit(ws.withCluster(read), i18n.text("axl.imported", clusterId, server(client.get())));
      forgetPlan();
      say("axl.imported", clusterId, server(client.get()));
    });
  }

  /** Plan: the cluster read again and compared, field by field, with the workspace's. */
  private void plan() {
    Optional<Cluster> local = ctx.model().cluster();
    Optional<AxlClient> client = client();
    if (local.isEmpty() || client.isEmpty()) {
      return;
    }
    PulledStates states = new PulledStates(paths.states());
    AxlClient.Target t = client.get().target();
    work(p -> {
      Cluster remote = new AxlReader(client.get(), p).read(local.get().clusterId(), local.get());
      Cluster pulled = states.load(t.host(), t.port(), local.get().clusterId());
      return new PlanAndRemote(AxlPlan.of(local.get(), remote, pulled), remote, pulled);
    }, result -> {
      show(result.plan());
      planned = result;
    });
  }

  private record PlanAndRemote(AxlPlan plan, Cluster remote, Cluster pulled) {}

  /**
   * Settles every conflict of the plan shown the cluster's way (one commit, undoable) and shows the
   * plan again: what is left is the workspace's own changes.
   */
  private void keepCluster() {
    PlanAndRemote p = planned;
    Optional<Cluster> local = ctx.model().cluster();
    if (p == null || local.isEmpty() || p.plan().conflicts().isEmpty()) {
      return;
    }
    try {
      int settled = p.plan().conflicts().size();
      Cluster next = p.plan().keepCluster(local.get(), p.remote());
      ctx.model().commit(ctx.model().workspace().withCluster(next), i18n.text("axl.keptCluster", settled));
      // the cluster's values now stand in the workspace, and the plan made against them shows it
      Cluster pulled = p.remote();
      AxlPlan again = AxlPlan.of(next, p.remote(), pulled);
      show(again);
      planned = new PlanAndRemote(again, p.remote(), pulled);
      say("axl.keptCluster", settled);
    } catch (AxlException e) {
      say("axl.failed", e.getMessage());
    }
  }

  private void show(AxlPlan plan) {
    shownPlan = plan;
    List<String> lines = new ArrayList<>();
    java.io.StringWriter text = new java.io.StringWriter();
    AxlReport.print(ctx.model().clusterIdProperty().get(), host.getText(), AxlVersion.of(version.getValue()), plan,
        new java.io.PrintWriter(text));
    text.toString().lines().forEach(lines::add);
    planLines.setAll(lines);
    boolean writable = plan.steps().stream().anyMatch(s -> !s.conflict());
    pushButton.setDisable(!writable);
    keepCluster.setDisable(plan.conflicts().isEmpty());
    say(plan.isEmpty() ? "axl.planEmpty" : "axl.planShown", plan.steps().size(), plan.conflicts().size());
  }

  /** Push: writes the plan shown, one request at a time; the report lists what was and was not applied. */
  private void push() {
    AxlPlan plan = shownPlan;
    Optional<AxlClient> client = client();
    Optional<Cluster> local = ctx.model().cluster();
    if (plan == null || client.isEmpty() || local.isEmpty()) {
      return;
    }
    AxlClient.Target t = client.get().target();
    PulledStates states = new PulledStates(paths.states());
    work(p -> {
      Cluster remote = new AxlReader(client.get(), AxlProgress.NONE).read(local.get().clusterId(), local.get());
      AxlPush.Report report = AxlPush.run(client.get(), plan, p);
      states.save(t.host(), t.port(), AxlPlan.appliedOnto(remote, report.applied()));
      return report;
    }, report -> {
      forgetPlan();
      java.io.StringWriter text = new java.io.StringWriter();
      AxlReport.print(report, server(client.get()), new java.io.PrintWriter(text));
      planLines.setAll(text.toString().lines().toList());
      if (report.failure() != null) {
        say("axl.pushFailed", report.applied().size(), report.failure().getMessage());
      } else {
        say("axl.pushed", report.applied().size(), server(client.get()));
      }
    });
  }

  private static String server(AxlClient c) {
    return c.target().host() + ":" + c.target().port();
  }

  /** Work that reports progress and stops when Cancel is pressed. */
  private interface Job<T> {
    T run(AxlProgress progress) throws Exception;
  }

  private <T> void work(Job<T> job, java.util.function.Consumer<T> done) {
    Task<T> task = new Task<>() {
      @Override
      protected T call() throws Exception {
        updateProgress(-1, 1);
        AxlProgress p = new AxlProgress() {
          @Override
          public void step(String part, int stepDone, int total) {
            updateProgress(stepDone, total);
            updateMessage(i18n.text("axl.progress", part, stepDone, total));
          }

          @Override
          public boolean cancelled() {
            return isCancelled();
          }
        };
        return job.run(p);
      }
    };
    progress.progressProperty().bind(task.progressProperty());
    progress.visibleProperty().bind(task.runningProperty());
    message.textProperty().bind(task.messageProperty());
    for (Button b : List.of(importButton, planButton)) {
      b.disableProperty().bind(task.runningProperty());
    }
    cancel.disableProperty().bind(task.runningProperty().not());
    task.setOnSucceeded(e -> {
      message.textProperty().unbind();
      done.accept(task.getValue());
      busy = false;
    });
    task.setOnFailed(e -> {
      message.textProperty().unbind();
      Throwable x = task.getException();
      if (x instanceof AxlException a && a.kind() == AxlException.Kind.TRUST && a.presentedFingerprint() != null) {
        offered = a.presentedFingerprint();
        certificate.setText(i18n.text("axl.firstContact", host.getText() + ":" + port.getText(), offered));
        trust.setDisable(false);
        say("axl.confirmCertificate");
      } else {
        say("axl.failed", String.valueOf(x.getMessage()));
      }
      busy = false;
    });
    task.setOnCancelled(e -> {
      message.textProperty().unbind();
      say("axl.cancelled");
      busy = false;
    });
    running = task;
    busy = true;
    shell.run(task);
  }

  /** For tests: the lines of the plan or push report shown. */
  public List<String> shownLines() {
    return shown;
  }

  /** For tests: true while an import, plan or push runs. */
  public boolean busy() {
    return busy;
  }
}
